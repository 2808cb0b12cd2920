// The Chinese of a schema violation says what TypeBox's English says: every kind a JSON document can break is
// worded in Chinese, with the same bounds, patterns and formats; and every invalid vector of the published schemas
// (schemas/vectors/) gets Chinese, never TypeBox's English passed through.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { describe, expect, it } from 'vitest';
import { schemasByName } from './src/index.ts';
import { violations } from './validate.ts';
import { violationZh } from './violation-zh.ts';

const CHINESE = /[\u4e00-\u9fff]/;
/** The numbers and the quoted values of an English message: the Chinese must carry each. */
const facts = (message: string): string[] => message.match(/'[^']*'|-?\d+(?:\.\d+)?/g) ?? [];

/** A schema and a value that breaks it, for each kind of violation a JSON document can commit. */
const CASES: [string, TSchema, unknown][] = [
  ['array', Type.Array(Type.String()), 'x'],
  ['minItems', Type.Array(Type.String(), { minItems: 2 }), ['a']],
  ['maxItems', Type.Array(Type.String(), { maxItems: 1 }), ['a', 'b']],
  ['uniqueItems', Type.Array(Type.String(), { uniqueItems: true }), ['a', 'a']],
  ['contains', Type.Array(Type.Number(), { contains: Type.Literal(1) }), [2]],
  ['minContains', Type.Array(Type.Number(), { contains: Type.Literal(1), minContains: 2 }), [1, 2]],
  ['maxContains', Type.Array(Type.Number(), { contains: Type.Literal(1), maxContains: 1 }), [1, 1]],
  ['boolean', Type.Boolean(), 'true'],
  ['integer', Type.Integer(), 1.5],
  ['integer minimum', Type.Integer({ minimum: 3 }), 2],
  ['integer maximum', Type.Integer({ maximum: 3 }), 4],
  ['integer exclusiveMinimum', Type.Integer({ exclusiveMinimum: 3 }), 3],
  ['integer exclusiveMaximum', Type.Integer({ exclusiveMaximum: 3 }), 3],
  ['integer multipleOf', Type.Integer({ multipleOf: 5 }), 7],
  ['number', Type.Number(), '1'],
  ['number minimum', Type.Number({ minimum: 0.5 }), 0.25],
  ['number maximum', Type.Number({ maximum: 0.5 }), 0.75],
  ['number exclusiveMinimum', Type.Number({ exclusiveMinimum: 0 }), 0],
  ['number exclusiveMaximum', Type.Number({ exclusiveMaximum: 100 }), 100],
  ['number multipleOf', Type.Number({ multipleOf: 0.5 }), 0.3],
  ['literal', Type.Literal('CREATED'), 'DELIVERED'],
  ['null', Type.Null(), 0],
  ['not', Type.Not(Type.String()), 'x'],
  ['object', Type.Object({}), []],
  ['required', Type.Object({ waybillNo: Type.String() }), {}],
  ['additionalProperties', Type.Object({}, { additionalProperties: false }), { extra: 1 }],
  ['minProperties', Type.Record(Type.String(), Type.Number(), { minProperties: 2 }), { a: 1 }],
  ['maxProperties', Type.Record(Type.String(), Type.Number(), { maxProperties: 1 }), { a: 1, b: 2 }],
  ['string', Type.String(), 1],
  ['minLength', Type.String({ minLength: 3 }), 'ab'],
  ['maxLength', Type.String({ maxLength: 3 }), 'abcd'],
  ['pattern', Type.String({ pattern: '^[A-Z]{2}$' }), 'cn'],
  ['format', Type.String({ format: 'date-time' }), 'yesterday'],
  ['tuple', Type.Tuple([Type.String(), Type.Number()]), 'x'],
  ['tuple length', Type.Tuple([Type.String(), Type.Number()]), ['a', 1, 2]],
  ['union', Type.Union([Type.String(), Type.Number()]), true],
  [
    'intersect',
    Type.Intersect([Type.Object({ a: Type.String() }), Type.Object({ b: Type.String() })], { unevaluatedProperties: false }),
    { a: 'x', b: 'y', c: 1 },
  ],
];

describe('a schema violation in Chinese', () => {
  const errors = CASES.map(([name, schema, value]) => {
    const found = [...TypeCompiler.Compile(schema).Errors(value)];
    expect(found.length, name).toBeGreaterThan(0);
    return [name, found] as const;
  });

  it('is worded in Chinese for every kind a JSON document can break, with the English message’s bounds and values', () => {
    const bad = errors.flatMap(([name, found]) =>
      found
        .filter((e) => !CHINESE.test(violationZh(e)) || facts(e.message).some((f) => !violationZh(e).includes(f)))
        .map((e) => `${name}: ${e.message} → ${violationZh(e)}`),
    );
    expect(bad).toEqual([]);
  });

  it('covers the kinds the cases reach', () => {
    const reached = new Set(errors.flatMap(([, found]) => found.map((e) => e.type)));
    for (const type of [
      ValueErrorType.ObjectRequiredProperty,
      ValueErrorType.ObjectAdditionalProperties,
      ValueErrorType.StringPattern,
      ValueErrorType.StringFormat,
      ValueErrorType.Union,
      ValueErrorType.IntersectUnevaluatedProperties,
      ValueErrorType.ArrayMaxContains,
      ValueErrorType.TupleLength,
    ])
      expect(reached.has(type), ValueErrorType[type]).toBe(true);
  });

  it('is what violations() gives beside the English, for every invalid vector of the published schemas', () => {
    const dir = join(import.meta.dirname, 'vectors');
    const untranslated: string[] = [];
    let seen = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
      const groups = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { schema: { $ref: string }; tests: { data: unknown; valid: boolean }[] }[];
      for (const group of groups) {
        const schema = schemasByName.get(group.schema.$ref.slice(group.schema.$ref.lastIndexOf('/') + 1).replace(/\.json$/, ''));
        if (!schema) continue;
        for (const test of group.tests.filter((t) => !t.valid))
          for (const v of violations(schema, test.data)) {
            seen += 1;
            if (!CHINESE.test(v.messageZh)) untranslated.push(`${file} ${v.pointer}: ${v.message}`);
          }
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(untranslated).toEqual([]);
  });
});
