// Generators of malformed and hostile requests for mocks/fuzz.test.ts. Each produces a plan; the fuzz test signs
// it at send time (signatures are dated and single-use). `mayPass` marks the few plans a conforming server may
// accept: everything else must be refused with a 4xx problem.
import fc from 'fast-check';
import { schemaByName } from '../../schemas/src/index.ts';
import { violations } from '../../schemas/validate.ts';
import { operations } from '../../spec/openapi/operations.ts';
import { exampleOf, shipmentRequest } from './requests.ts';

/** How the fuzz test signs a plan: correctly with a demo key, wrongly (stale, early, unknown key), or with garbage. */
export type Signing = 'platform' | 'hmac' | 'carrier' | 'push' | 'none' | 'expired' | 'future' | 'stranger' | { input: string; signature: string };

export interface HostilePlan {
  kind: string;
  method: string;
  path: string;
  /** Header fields other than the signature's, as field lines: a name may repeat. */
  headers: [string, string][];
  body?: Uint8Array;
  signing: Signing;
  /** A conforming server may accept it (a mutation that left the body valid). */
  mayPass: boolean;
}

const encoder = new TextEncoder();
const MiB = 1024 * 1024;

/** Every operation with a request body, its path parameters filled with their examples. */
const bodied = operations
  .filter((o) => o.requestBody)
  .map((o) => ({
    method: o.method.toUpperCase(),
    path: o.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(o.parameters?.find((p) => p.name === name)?.example ?? 'x'))),
    schema: o.requestBody!.schema,
    signing: (o.operationId === 'receiveTrackingEvents' ? 'push' : 'platform') as Signing,
    idempotent: o.idempotent,
    example: o.operationId === 'createShipment' ? shipmentRequest('ord-fuzz-0001') : exampleOf(o.requestBody!.schema),
  }));
/** An operation with a body, and the field lines a correct request to it carries (a fresh Idempotency-Key). */
const anyBodied = fc.record({ op: fc.constantFrom(...bodied), key: fc.uuid() }).map(({ op, key }) => ({
  ...op,
  fields: (contentType = true): [string, string][] => [
    ...(contentType ? [['content-type', 'application/json'] as [string, string]] : []),
    ...(op.idempotent ? [['idempotency-key', key] as [string, string]] : []),
  ],
}));

const schemaValid = (schema: string, text: string): boolean => {
  try {
    return violations(schemaByName(schema), JSON.parse(text), 1).length === 0;
  } catch {
    return false;
  }
};

/**
 * A header value as an HTTP client puts it on the wire: text as UTF-8 octets (which node reads back as latin1), with
 * the control characters no client library will send removed.
 */
export const wire = (value: string): string =>
  Buffer.from(value, 'utf8')
    .toString('latin1')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove control characters
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');

const json = (extra: [string, string][] = []): [string, string][] => [['content-type', 'application/json'], ...extra];

// --- hostile JSON values --------------------------------------------------------------------------------
const DEEP = 10_000;
const deepArray = '['.repeat(DEEP) + ']'.repeat(DEEP);
const deepObject = `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`;
/** A hostile value as JSON text, so that nesting can go deeper than JSON.stringify would like. */
const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('null', 'true', '0', '-0', '1e308', '-1e-308', '""', '[]', '{}', '"\\u0000"', '"\\ud800"', '"../../etc/passwd"'),
  fc.integer({ min: 70_000, max: 900_000 }).map((n) => JSON.stringify('字'.repeat(Math.floor(n / 3)))),
  fc.constantFrom(deepArray, deepObject),
);

type JsonPath = (string | number)[];
function pathsOf(value: unknown, at: JsonPath = []): JsonPath[] {
  const found: JsonPath[] = [at];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) found.push(...pathsOf(v, [...at, i]));
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) found.push(...pathsOf(v, [...at, k]));
  return found;
}
const PLACEHOLDER = '\u0000fuzz-placeholder\u0000';

/** The example with one member deleted, replaced by a hostile value, or joined by an unknown member. */
const mutatedBody: fc.Arbitrary<HostilePlan> = fc
  .record({ op: anyBodied, action: fc.constantFrom('delete', 'replace', 'add'), pick: fc.nat(), value: hostileJson, name: fc.string({ maxLength: 20 }) })
  .map(({ op, action, pick, value, name }) => {
    const body = structuredClone(op.example) as Record<string, unknown>;
    const paths = pathsOf(body);
    const path = paths[pick % paths.length]!;
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body) as
      | Record<string | number, unknown>
      | unknown[];
    const last = path[path.length - 1];
    let text: string;
    if (path.length === 0) text = action === 'delete' ? '' : value;
    else {
      if (action === 'delete') {
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete (parent as Record<string, unknown>)[last as string];
      } else if (action === 'replace') (parent as Record<string | number, unknown>)[last as string | number] = PLACEHOLDER;
      else if (!Array.isArray(parent)) (parent as Record<string, unknown>)[`${name}\u200b`] = PLACEHOLDER;
      else parent.push(PLACEHOLDER);
      text = JSON.stringify(body).replace(JSON.stringify(PLACEHOLDER), () => value);
    }
    return {
      kind: `mutated body (${action})`,
      method: op.method,
      path: op.path,
      headers: op.fields(),
      body: encoder.encode(text),
      signing: op.signing,
      mayPass: schemaValid(op.schema, text),
    };
  });

/** Bytes that are not UTF-8 JSON: invalid sequences, NUL bytes, truncation, nothing, noise. */
const rawBody: fc.Arbitrary<HostilePlan> = fc
  .record({
    op: anyBodied,
    at: fc.nat(),
    bytes: fc.oneof(
      fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x00], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]),
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
    ),
    shape: fc.constantFrom('insert', 'truncate', 'empty', 'noise'),
    noise: fc.uint8Array({ maxLength: 2000 }),
  })
  .map(({ op, at, bytes, shape, noise }) => {
    const text = encoder.encode(JSON.stringify(op.example));
    const cut = at % text.length;
    const body =
      shape === 'insert'
        ? new Uint8Array([...text.subarray(0, cut), ...bytes, ...text.subarray(cut)])
        : shape === 'truncate'
          ? text.subarray(0, cut)
          : shape === 'empty'
            ? new Uint8Array(0)
            : noise;
    const decoded = (() => {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        return undefined;
      }
    })();
    return {
      kind: `raw body (${shape})`,
      method: op.method,
      path: op.path,
      headers: op.fields(),
      body,
      signing: op.signing,
      mayPass: decoded !== undefined && schemaValid(op.schema, decoded),
    };
  });

/** A valid body declared as something else, or not declared, or declared twice. */
const contentTypes: fc.Arbitrary<HostilePlan> = fc
  .record({
    op: anyBodied,
    types: fc.oneof(
      fc.constantFrom<string[]>(
        [],
        ['text/plain'],
        ['application/xml'],
        ['application/json; charset=iso-8859-1'],
        ['application/json; charset=utf-16'],
        ['application/json', 'application/json'],
        ['application/json', 'text/plain'],
        ['application/problem+json'],
        ['application/x-www-form-urlencoded'],
        ['*/*'],
        [''],
      ),
      fc
        .string({ unit: 'binary-ascii', maxLength: 60 })
        .map(wire)
        .filter((s) => !/^\s*application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(s))
        .map((s) => [s]),
    ),
  })
  .map(({ op, types }) => ({
    kind: 'content type',
    method: op.method,
    path: op.path,
    headers: [...types.map((t): [string, string] => ['content-type', t]), ...op.fields(false)],
    body: encoder.encode(JSON.stringify(op.example)),
    signing: op.signing,
    mayPass: false,
  }));

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
/** Idempotency-Key values no server should take: empty, overlong, not visible ASCII, repeated. */
const idempotencyKeys: fc.Arbitrary<HostilePlan> = fc
  .oneof(
    fc.constantFrom<string[]>([''], [' '], ['a b'], ['k'.repeat(256)], ['k'.repeat(8000)], ['schlüssel'], ['键'], ['a', 'b'], ['same', 'same']),
    fc.string({ unit: 'binary', maxLength: 300 }).map((k) => [k]),
  )
  .map((keys) => keys.map(wire))
  .map((keys) => ({
    kind: 'idempotency key',
    method: 'POST',
    path: '/v1/shipments',
    headers: json(keys.map((k): [string, string] => ['idempotency-key', k])),
    body: encoder.encode(JSON.stringify(shipmentRequest())),
    signing: 'platform' as Signing,
    mayPass: keys.length === 1 && VALID_KEY.test(keys[0]!),
  }));

const SF_FRAGMENTS = [
  'ecdx',
  '=',
  '(',
  ')',
  '"@method"',
  '"@target-uri"',
  '"content-digest"',
  ';created=',
  ';expires=',
  ';keyid="ecdx-demo-platform-ed25519"',
  ';alg="ed25519"',
  ';alg=?1',
  ';nonce=',
  '1772328600',
  '-1',
  '99999999999999999999',
  ':',
  ':AAAA:',
  '"',
  ',',
  ' ',
  '\\',
  '*',
  '%',
  '@',
  '?0',
  'ecdx=:',
  '=:',
  '()',
  ';',
];
const garbageField = fc.oneof(
  fc.array(fc.constantFrom(...SF_FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
/** Signature fields that are garbage, or structured fields that say nothing true. */
const signatureGarbage: fc.Arbitrary<HostilePlan> = fc
  .record({ op: anyBodied, input: garbageField.map(wire), signature: garbageField.map(wire) })
  .map(({ op, input, signature }) => ({
    kind: 'garbage signature',
    method: op.method,
    path: op.path,
    headers: op.fields(),
    body: encoder.encode(JSON.stringify(op.example)),
    signing: { input, signature },
    mayPass: false,
  }));

/** Well-formed signatures that must not pass: stale, dated ahead, or made with a key nobody registered. */
const badSignatures: fc.Arbitrary<HostilePlan> = fc
  .record({ op: anyBodied, signing: fc.constantFrom<Signing>('expired', 'future', 'stranger') })
  .map(({ op, signing }) => ({
    kind: `bad signature (${signing as string})`,
    method: op.method,
    path: op.path,
    headers: op.fields(),
    body: encoder.encode(JSON.stringify(op.example)),
    signing,
    mayPass: false,
  }));

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND'];
const SEGMENTS = [
  'v1',
  'shipments',
  'health',
  'conformance',
  'subscriptions',
  'events',
  'cancellation',
  'SF1234567890123',
  '..',
  '.',
  '',
  '%2e%2e',
  '%2E%2E%2F',
  '%2f',
  '%00',
  '%ff',
  '%',
  '%zz',
  '%c0%ae',
  '%252e',
  ';x=1',
  '~',
  'x'.repeat(3000),
];
const trickyPath = fc
  .record({
    prefix: fc.constantFrom('/', '/v1/', '//', '/v1//'),
    segments: fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 6 }),
    query: fc.option(
      fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((q) => q.replace(/[^\x21-\x7e]|#/g, '')),
      { nil: undefined },
    ),
  })
  .map(({ prefix, segments, query }) => `${prefix}${segments.join('/')}${query === undefined ? '' : `?${query}`}`);
/** Random methods on random, traversing and oddly encoded paths, signed or not. */
const randomTargets: fc.Arbitrary<HostilePlan> = fc
  .record({
    method: fc.constantFrom(...METHODS),
    path: fc.oneof(
      trickyPath,
      fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
    ),
    signed: fc.boolean(),
  })
  .map(({ method, path, signed }) => ({ kind: 'random target', method, path, headers: [], signing: signed ? 'platform' : 'none', mayPass: false }));

/** Bodies past 1 MiB, signed or not. */
const oversized: fc.Arbitrary<HostilePlan> = fc.record({ extra: fc.integer({ min: 1, max: 4096 }), signed: fc.boolean() }).map(({ extra, signed }) => ({
  kind: 'oversized body',
  method: 'POST',
  path: '/v1/shipments',
  headers: json(),
  body: new Uint8Array(MiB + extra).fill(0x20),
  signing: signed ? 'platform' : 'none',
  mayPass: false,
}));

/** fast-check prints a counterexample with this, not with the megabytes of its body. */
const summarised = (plan: HostilePlan): HostilePlan =>
  Object.assign(plan, {
    [fc.toStringMethod]: () =>
      `${plan.kind}: ${plan.method} ${plan.path.slice(0, 120)} ${JSON.stringify(plan.headers).slice(0, 300)} ${plan.body?.byteLength ?? 0}-byte body ${new TextDecoder().decode(plan.body?.subarray(0, 200))}`,
  });

export const hostileRequest: fc.Arbitrary<HostilePlan> = fc
  .oneof(
    { arbitrary: mutatedBody, weight: 30 },
    { arbitrary: rawBody, weight: 15 },
    { arbitrary: contentTypes, weight: 10 },
    { arbitrary: idempotencyKeys, weight: 10 },
    { arbitrary: signatureGarbage, weight: 10 },
    { arbitrary: badSignatures, weight: 5 },
    { arbitrary: randomTargets, weight: 20 },
    { arbitrary: oversized, weight: 2 },
  )
  .map(summarised);
