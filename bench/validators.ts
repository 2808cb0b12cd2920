// typeboxVsAjvValid and typeboxVsAjvInvalid: the validator the mock and the harness run (TypeBox's compiled check,
// TypeCompiler.Compile through schemas/validate.ts) against Ajv 2020 with ajv-formats loaded from the published JSON
// Schema (the tests' second opinion), on the bodies that cost most: a ShipmentRequest and a PushBatch of 50 events.
// Both answer a boolean (Ajv without allErrors), as the mock's first question is; the two run in alternating order,
// round by round, in this process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { publishedSchemaFiles } from '../schemas/ajv.ts';
import { schemaByName, schemaId } from '../schemas/src/index.ts';
import { validatorFor } from '../schemas/validate.ts';
import { figure, type Figure } from './figures.ts';
import { median } from './rounds.ts';

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface Input {
  schema: 'ShipmentRequest' | 'PushBatch';
  data: unknown;
}

const example = (name: string): Record<string, unknown> => structuredClone((schemaByName(name) as { examples: Record<string, unknown>[] }).examples[0]!);

/** The example batch grown to 50 events of one waybill, in sequence, as a busy carrier sends them. */
function batchOf50(): Record<string, unknown> {
  const batch = example('PushBatch');
  const [event] = batch['events'] as Record<string, unknown>[];
  const events = Array.from({ length: 50 }, (_, i) => ({
    ...event,
    eventId: `evt_SF1234567890123_${String(i + 1).padStart(4, '0')}`,
    sequence: i + 1,
    terminal: i === 49,
  }));
  return { ...batch, events };
}

/** The published test vectors' instances of a schema that are (in)valid: each invalid one breaks exactly one rule. */
function vectors(name: Input['schema'], valid: boolean): Input[] {
  const groups = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'vectors', `${name}.json`), 'utf8')) as {
    tests: { data: unknown; valid: boolean }[];
  }[];
  return groups.flatMap((g) => g.tests.filter((t) => t.valid === valid).map((t) => ({ schema: name, data: t.data })));
}

/**
 * Valid: the ShipmentRequest example and the 50-event batch. Invalid: every invalid vector of both schemas, and
 * the 50-event batch whose last event is broken (a validator finds it only after checking the 49 before it).
 */
export function validatorInputs(): { valid: Input[]; invalid: Input[] } {
  const batch = batchOf50();
  const events = batch['events'] as Record<string, unknown>[];
  const brokenLast = { ...batch, events: [...events.slice(0, -1), { ...events.at(-1), status: 'TELEPORTED' }] };
  return {
    valid: [
      { schema: 'ShipmentRequest', data: example('ShipmentRequest') },
      { schema: 'PushBatch', data: batch },
    ],
    invalid: [...vectors('ShipmentRequest', false), ...vectors('PushBatch', false), { schema: 'PushBatch', data: brokenLast }],
  };
}

type Check = (data: unknown) => boolean;

function checkers(): { typebox: Record<Input['schema'], Check>; ajv: Record<Input['schema'], Check> } {
  const ajv = new Ajv2020({ strict: true });
  addFormats(ajv);
  for (const { schema } of publishedSchemaFiles()) ajv.addSchema(schema);
  const compiled = (name: Input['schema']): Check => {
    const check = validatorFor(schemaByName(name) as TSchema);
    return (data) => check.Check(data);
  };
  const ajvCheck = (name: Input['schema']): Check => {
    const check = ajv.getSchema(schemaId(name));
    if (!check) throw new Error(`Ajv has no schema ${name}`);
    return (data) => check(data) as boolean;
  };
  return {
    typebox: { ShipmentRequest: compiled('ShipmentRequest'), PushBatch: compiled('PushBatch') },
    ajv: { ShipmentRequest: ajvCheck('ShipmentRequest'), PushBatch: ajvCheck('PushBatch') },
  };
}

/** Checks per second of `checks` over `inputs`, `loops` times over; a verdict other than `expected` is an error. */
function rate(checks: Record<Input['schema'], Check>, inputs: Input[], loops: number, expected: boolean, name: string): number {
  const started = performance.now();
  for (let loop = 0; loop < loops; loop++) {
    for (const input of inputs) {
      if (checks[input.schema](input.data) !== expected) throw new Error(`${name} judged a${expected ? ' valid' : 'n invalid'} ${input.schema} ${!expected}`);
    }
  }
  return (loops * inputs.length) / ((performance.now() - started) / 1000);
}

export async function measureValidators(smoke: boolean): Promise<{ typeboxVsAjvValid: Figure; typeboxVsAjvInvalid: Figure }> {
  const { loops, rounds } = smoke ? { loops: 20, rounds: 1 } : { loops: 2_000, rounds: 5 };
  const inputs = validatorInputs();
  const { typebox, ajv } = checkers();
  const measure = (set: Input[], expected: boolean) => {
    rate(typebox, set, Math.ceil(loops / 10), expected, 'TypeBox'); // warm-up: both JITs optimise the checks
    rate(ajv, set, Math.ceil(loops / 10), expected, 'Ajv');
    const results: { typebox: number; ajv: number; ratio: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so that neither always runs on a heap the other just filled.
      const first = i % 2 === 0 ? rate(typebox, set, loops, expected, 'TypeBox') : rate(ajv, set, loops, expected, 'Ajv');
      const second = i % 2 === 0 ? rate(ajv, set, loops, expected, 'Ajv') : rate(typebox, set, loops, expected, 'TypeBox');
      const [t, a] = i % 2 === 0 ? [first, second] : [second, first];
      results.push({ typebox: t, ajv: a, ratio: t / a });
    }
    return results;
  };
  const summary = (results: ReturnType<typeof measure>, set: Input[]) => ({
    rounds: results.map((r) => r.ratio),
    detail: {
      typeboxChecksPerSecond: Math.round(median(results.map((r) => r.typebox))),
      ajvChecksPerSecond: Math.round(median(results.map((r) => r.ajv))),
      inputs: set.length,
      loopsPerRound: loops,
    },
  });
  const valid = measure(inputs.valid, true);
  const invalid = measure(inputs.invalid, false);
  return {
    typeboxVsAjvValid: figure('typeboxVsAjvValid', median(valid.map((r) => r.ratio)), summary(valid, inputs.valid)),
    typeboxVsAjvInvalid: figure('typeboxVsAjvInvalid', median(invalid.map((r) => r.ratio)), summary(invalid, inputs.invalid)),
  };
}
