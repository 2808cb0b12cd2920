// The generated OpenAPI document, read as a consumer reads it (from the YAML file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ajvWithPublishedSchemas } from '../../schemas/ajv.ts';
import { SCHEMA_BASE } from '../../schemas/src/common.ts';
import { registry } from '../registry.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking untyped YAML
type Json = Record<string, any>;
const text = readFileSync(join(import.meta.dirname, '..', 'openapi.yaml'), 'utf8');
const doc = parse(text) as Json;
const ajv = ajvWithPublishedSchemas();

/** The interface fixed by the design brief (BRIEF §2). */
const BRIEF_OPERATIONS = [
  'GET /v1/conformance',
  'GET /v1/health',
  'POST /v1/interruption-notices',
  'GET /v1/interruption-notices/{noticeId}',
  'POST /v1/interruption-notices/{noticeId}/responses',
  'POST /v1/security-incidents',
  'GET /v1/statistics/sharing',
  'POST /v1/shipments',
  'GET /v1/shipments/{waybillNo}',
  'POST /v1/shipments/{waybillNo}/cancellation',
  'GET /v1/shipments/{waybillNo}/events',
  'POST /v1/subscriptions',
  'GET /v1/subscriptions/{subscriptionId}',
  'DELETE /v1/subscriptions/{subscriptionId}',
  'POST /v1/tracking-events',
];

const operations: [string, Json][] = [
  ...Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op as Json] as [string, Json]),
  ),
  ...Object.entries(doc.webhooks as Json).map(([name, item]) => [`WEBHOOK ${name}`, (item as Json).post as Json] as [string, Json]),
];

const resolve = (node: Json): Json => {
  if (typeof node.$ref !== 'string') return node;
  const path = (node.$ref as string).slice(2).split('/');
  return path.reduce((n: Json, key) => n[key], doc);
};

/** Validate an example against a `#/components/schemas/X` ref with the Ajv built from the published files. */
function checkExample(where: string, schema: Json, example: unknown) {
  const ref = schema.$ref as string | undefined;
  if (!ref?.startsWith('#/components/schemas/')) return;
  const id = `${SCHEMA_BASE}${ref.slice('#/components/schemas/'.length)}.json`;
  const validate = ajv.getSchema(id)!;
  expect(validate(example), `${where}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

describe('OpenAPI 3.1 document', () => {
  it('is OpenAPI 3.1 with the 2020-12 dialect', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('has every operation of the fixed interface, and the push as a webhook', () => {
    const keys = operations.map(([k]) => k);
    for (const op of BRIEF_OPERATIONS) expect(keys).toContain(op);
    expect(keys).toContain('WEBHOOK tracking-events');
  });

  it.each(operations)('%s has an example for every request and response, each valid against its schema', (key, op) => {
    const body = op.requestBody ? resolve(op.requestBody) : undefined;
    for (const [type, media] of Object.entries((body?.content ?? {}) as Json)) {
      expect((media as Json).example, `${key} request ${type} example`).toBeDefined();
      checkExample(`${key} request`, (media as Json).schema, (media as Json).example);
    }
    for (const [status, response] of Object.entries(op.responses as Json)) {
      for (const [type, media] of Object.entries((resolve(response as Json).content ?? {}) as Json)) {
        expect((media as Json).example, `${key} ${status} ${type} example`).toBeDefined();
        checkExample(`${key} ${status}`, (media as Json).schema, (media as Json).example);
      }
    }
  });

  it.each(operations)('%s names the requirements it is subject to, all registered', (key, op) => {
    const ids = op['x-ecdx-requirements'] as string[];
    expect(ids.length, `${key} has requirements`).toBeGreaterThan(0);
    const known = new Set(registry().requirements.map((r) => r.id));
    for (const id of ids) expect(known.has(id), id).toBe(true);
  });

  it.each(operations.filter(([k]) => !['GET /v1/conformance', 'GET /v1/health'].includes(k)))('%s is signed and answers 401 with a problem', (_key, op) => {
    expect(op.security).not.toEqual([]);
    expect(op.responses['401']).toBeDefined();
  });

  it('lets discovery through unsigned', () => {
    expect(doc.paths['/v1/conformance'].get.security).toEqual([]);
    expect(doc.paths['/v1/health'].get.security).toEqual([]);
  });

  it('describes both signature schemes', () => {
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['httpMessageSignature', 'standardWebhooksSignature']);
  });

  it('answers every creating POST with the idempotency key header and problem 400/422', () => {
    for (const [key, op] of operations) {
      // The push and the test controls are not creating requests: they carry no Idempotency-Key.
      if (!key.startsWith('POST') || key === 'POST /v1/tracking-events' || key === 'POST /v1/test/clock' || key === 'POST /v1/test/actions') continue;
      const params = (op.parameters as Json[]).map((p) => p.$ref ?? p.name);
      expect(params, key).toContain('#/components/parameters/IdempotencyKey');
      expect(op.responses['400'], key).toBeDefined();
      expect(op.responses['422'], key).toBeDefined();
    }
  });

  it('describes the push receiver as the webhook: Standard Webhooks fields, no RFC 9421 signature', () => {
    const receiver = doc.paths['/v1/tracking-events'].post as Json;
    const webhook = doc.webhooks['tracking-events'].post as Json;
    expect(receiver.security).toEqual([{ standardWebhooksSignature: [] }]);
    expect(receiver.security).toEqual(webhook.security);
    expect(receiver.parameters).toEqual(webhook.parameters);
    expect(receiver.parameters.map((p: Json) => resolve(p).name)).toEqual(['webhook-id', 'webhook-timestamp']);
    expect(receiver.requestBody.content['application/json'].schema).toEqual(webhook.requestBody.content['application/json'].schema);
    const scheme = doc.components.securitySchemes.standardWebhooksSignature as Json;
    for (const field of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) expect(scheme.description).toContain(`\`${field}\``);
  });

  it('leaves the signature fields to the security scheme: no operation takes them as parameters', () => {
    const signatureFields = ['signature-input', 'signature', 'content-digest', 'webhook-signature'];
    for (const [key, op] of operations) {
      const names = ((op.parameters ?? []) as Json[]).map((p) => String(resolve(p).name).toLowerCase());
      expect(
        names.filter((n) => signatureFields.includes(n)),
        key,
      ).toEqual([]);
    }
    const scheme = doc.components.securitySchemes.httpMessageSignature as Json;
    for (const field of ['Signature-Input', 'Signature', 'Content-Digest']) expect(scheme.description).toContain(`| \`${field}\` |`);
    // One rule with chapter Security (ECDX-SEC-001): the content fields are covered whenever the request carries them.
    expect(scheme.description).toContain('whenever the request carries them');
    expect(scheme.description).not.toMatch(/when there is a body/);
  });

  it('gives examples an outside implementer can copy: published demo keyids, a bare Idempotency-Key', () => {
    for (const [, keyid] of text.matchAll(/keyid="([^"<]+)"/g)) expect(['ecdx-demo-platform-ed25519', 'ecdx-demo-carrier-ed25519']).toContain(keyid);
    expect(text).toContain('keyid="ecdx-demo-platform-ed25519"');
    expect(doc.components.parameters.IdempotencyKey.example).toMatch(/^[^"]+$/);
  });

  it('reads the same in a YAML 1.1 loader: timestamps and other scalars stay strings', () => {
    expect(parse(text, { version: '1.1' })).toEqual(doc);
  });
});
