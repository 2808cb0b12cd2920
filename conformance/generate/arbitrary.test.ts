import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvWithPublishedSchemas } from '../../schemas/ajv.ts';
import { allSchemas, schemaName, ShipmentRequest } from '../../schemas/src/index.ts';
import { validatorFor } from '../../schemas/validate.ts';
import { arbitraryFor, unsatisfiable } from './arbitrary.ts';
import { ecdxSchemas } from './schema-node.ts';

// Ajv is the independent judge: the generator's own last filter is TypeBox's validator.
const ajv = ajvWithPublishedSchemas();
const ajvAccepts = (schema: (typeof allSchemas)[number], value: unknown) => ajv.validate(String(schema.$id), value) === true;

const sample = <T>(arbitrary: fc.Arbitrary<T>, seed = 11, numRuns = 60): T[] => fc.sample(arbitrary, { seed, numRuns });

describe('arbitraryFor', () => {
  it.each(allSchemas.map((s) => [schemaName(s), s] as const))(
    'draws instances of %s that Ajv accepts, and valid ones without the final filter',
    (_name, schema) => {
      for (const value of sample(arbitraryFor(schema), 3, 25)) expect(ajvAccepts(schema, value)).toBe(true);
      // The last filter is a safety net: the derivation itself draws valid values.
      const check = validatorFor(schema);
      const raw = sample(arbitraryFor(schema, { accepts: () => true }), 5, 25);
      expect(raw.filter((v) => check.Check(v)).length).toBeGreaterThanOrEqual(23);
    },
  );

  it('draws the same values for the same seed and others for another', () => {
    const arbitrary = arbitraryFor(ShipmentRequest);
    expect(sample(arbitrary, 7, 5)).toEqual(sample(arbitrary, 7, 5));
    expect(sample(arbitrary, 7, 5)).not.toEqual(sample(arbitrary, 8, 5));
  });

  it('draws what hand-written data lacks: characters beyond the BMP, several contents lines, cross-border and domestic shipments, bounds’ edges', () => {
    type Drawn = { contents: unknown[]; recipient: { address: { countryCode: string } }; crossBorder?: unknown; package: { count: number } };
    const values = sample(arbitraryFor<Drawn>(ShipmentRequest), 21, 100);
    const texts = values.map((v) => JSON.stringify(v));
    expect(texts.some((t) => /[\u{20000}-\u{2A6DF}]/u.test(t))).toBe(true); // CJK Extension B
    expect(texts.some((t) => /[\u4e00-\u9fa5]/.test(t))).toBe(true);
    expect(values.some((v) => v.contents.length > 1)).toBe(true);
    expect(values.some((v) => v.recipient.address.countryCode !== 'CN')).toBe(true);
    expect(values.some((v) => v.recipient.address.countryCode === 'CN')).toBe(true);
    expect(values.some((v) => v.crossBorder !== undefined)).toBe(true);
    expect(values.some((v) => v.package.count === 1)).toBe(true); // the minimum is drawn, not only the middle
  });

  it('puts in every member with optionalMembers always, and only the required ones with never', () => {
    const [full] = sample(arbitraryFor<Record<string, unknown>>(ShipmentRequest, { optionalMembers: 'always' }), 2, 1);
    expect(Object.keys(full!).sort()).toEqual([
      'carrierCode',
      'consents',
      'contents',
      'crossBorder',
      'package',
      'platformOrderId',
      'purpose',
      'recipient',
      'sender',
      'service',
    ]);
    for (const bare of sample(arbitraryFor<Record<string, unknown>>(ShipmentRequest, { optionalMembers: 'never' }), 2, 20)) {
      // A recipient abroad makes crossBorder required: the branch's rule, not an optional member.
      expect(Object.keys(bare).filter((k) => k !== 'crossBorder')).toEqual([
        'platformOrderId',
        'carrierCode',
        'sender',
        'recipient',
        'contents',
        'package',
        'service',
        'purpose',
      ]);
    }
  });

  it('shrinks a failure toward the smallest valid value', () => {
    const result = fc.check(
      fc.property(arbitraryFor<Record<string, unknown>>(ShipmentRequest), () => false),
      { seed: 4 },
    );
    const smallest = result.counterexample![0] as Record<string, unknown>;
    expect(validatorFor(ShipmentRequest).Check(smallest)).toBe(true);
    expect(smallest['consents']).toBeUndefined();
    expect((smallest['contents'] as unknown[]).length).toBe(1);
    expect(JSON.stringify(smallest).length).toBeLessThan(600);
  });

  it('sees branches that contradict their context, and draws from the others only', () => {
    expect(unsatisfiable({ allOf: [{ const: 'CN' }, { not: { const: 'CN' } }] }, { resolve: ecdxSchemas })).toBe(true);
    expect(
      unsatisfiable({ type: 'object', required: ['a'], properties: { a: { allOf: [{ enum: ['X', 'Y'] }, { const: 'Z' }] } } }, { resolve: ecdxSchemas }),
    ).toBe(true);
    expect(unsatisfiable({ allOf: [{ enum: ['X', 'Y'] }, { const: 'Y' }] }, { resolve: ecdxSchemas })).toBe(false);
    const either = arbitraryFor({ anyOf: [{ allOf: [{ const: 'CN' }, { not: { const: 'CN' } }] }, { const: 'HK' }] });
    expect(new Set(sample(either, 1, 10))).toEqual(new Set(['HK']));
  });

  it('keeps every string within both readings of its length: code points (JSON Schema) and UTF-16 units (TypeBox)', () => {
    for (const value of sample(arbitraryFor<string>({ type: 'string', minLength: 2, maxLength: 5 }), 9, 200)) {
      expect([...value].length).toBeGreaterThanOrEqual(2);
      expect(value.length).toBeLessThanOrEqual(5);
    }
  });
});
