import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvWithPublishedSchemas } from '../../schemas/ajv.ts';
import { CancellationRequest, schemaByName, ShipmentRequest } from '../../schemas/src/index.ts';
import { arbitraryFor } from './arbitrary.ts';
import { invalidVariant, invalidVariants, UNDEFINED_MEMBER } from './invalid.ts';

const ajv = ajvWithPublishedSchemas();
const example = (name: string): unknown => (schemaByName(name).examples as unknown[])[0];

/** The pointers Ajv names for an instance: the member itself for a missing one. */
function ajvPointers(id: string, instance: unknown): string[] {
  ajv.validate(id, instance);
  return (ajv.errors ?? []).map((e) =>
    e.keyword === 'required'
      ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`
      : e.keyword === 'additionalProperties'
        ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`
        : e.instancePath,
  );
}

describe('invalidVariants', () => {
  it('breaks each keyword of a small schema once per member', () => {
    const variants = invalidVariants(CancellationRequest, { reason: 'CARRIER_CHANGED', note: '买家改选其他快递' });
    expect(variants.map((v) => `${v.keyword} ${v.description}`)).toMatchInlineSnapshot(`
      [
        "type the body as string "object", not object",
        "required /reason missing (required)",
        "additionalProperties /ecdxUndefinedMember added: the object is closed",
        "type /reason as integer 12345, not string",
        "enum /reason set to a value outside its enum",
        "type /note as integer 12345, not string",
        "minLength /note shorter than minLength 1",
        "maxLength /note longer than maxLength 200 by one",
        "maxLength /note oversized (10,000 characters)",
        "pattern /note breaks pattern \\S",
      ]
    `);
  });

  it.each(['ShipmentRequest', 'CancellationRequest', 'SubscriptionRequest', 'InterruptionNoticeRequest', 'NoticeResponse', 'SecurityIncident', 'PushBatch'])(
    'derives from the example of %s only variants an independent validator (Ajv) refuses at the member they name',
    (name) => {
      const schema = schemaByName(name);
      const variants = invalidVariants(schema, example(name));
      expect(variants.length).toBeGreaterThan(3);
      for (const variant of variants) {
        const named = ajvPointers(String(schema.$id), variant.instance);
        expect(named.length, variant.description).toBeGreaterThan(0);
        expect(
          named.some((p) => p === variant.pointer || p.startsWith(`${variant.pointer}/`) || variant.pointer.startsWith(`${p}/`) || p === ''),
          `${variant.description}: Ajv names ${named.join(', ')}`,
        ).toBe(true);
      }
    },
  );

  it('reaches every keyword ShipmentRequest uses', () => {
    const full = fc.sample(arbitraryFor(ShipmentRequest, { optionalMembers: 'always' }), { seed: 3, numRuns: 1 })[0];
    const keywords = new Set(invalidVariants(ShipmentRequest, full).map((v) => v.keyword));
    expect([...keywords].sort()).toEqual(
      [
        'additionalProperties',
        'const',
        'enum',
        'format',
        'maxItems',
        'maxLength',
        'maximum',
        'minItems',
        'minLength',
        'minimum',
        'pattern',
        'required',
        'type',
        'uniqueItems',
      ].sort(),
    );
  });

  it('names every closed object once with a member the standard does not define', () => {
    const closed = invalidVariants(ShipmentRequest, example('ShipmentRequest')).filter((v) => v.keyword === 'additionalProperties');
    expect(closed.map((v) => v.pointer)).toEqual(
      [
        '',
        '/sender',
        '/sender/address',
        '/recipient',
        '/recipient/privacyNumber',
        '/recipient/address',
        '/contents/0',
        '/contents/0/declaredValue',
        '/package',
      ].map((p) => `${p}/${UNDEFINED_MEMBER}`),
    );
  });

  it('leaves the valid instance as it was', () => {
    const valid = example('ShipmentRequest');
    const before = JSON.stringify(valid);
    invalidVariants(ShipmentRequest, valid);
    expect(JSON.stringify(valid)).toBe(before);
  });

  it('picks one variant as invalidVariants lists them, the same for the same pick', () => {
    const valid = example('ShipmentRequest');
    const all = invalidVariants(ShipmentRequest, valid).map((v) => v.description);
    for (const pick of [0, 7, 123, 9999]) {
      const one = invalidVariant(ShipmentRequest, valid, pick);
      expect(all).toContain(one!.description);
      expect(invalidVariant(ShipmentRequest, valid, pick)).toEqual(one);
    }
  });
});
