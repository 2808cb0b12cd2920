// Builds the OpenAPI 3.1 document from the operations table, the published schemas, the problem catalogue and
// the requirements registry.
import type { TSchema } from '@sinclair/typebox';
import type { OpenAPIV3_1 } from 'openapi-types';
import { stringify } from 'yaml';
import { allSchemas, schemaName, schemasByName, SCHEMA_BASE } from '../../schemas/src/index.ts';
import { problemTypes, problemTypeUri } from '../../schemas/src/problems.ts';
import { conformanceClasses, SPEC_VERSION } from '../../schemas/src/classes.ts';
import { registry } from '../registry.ts';
import { BODY_PROBLEMS, operations, pushWebhook, SIGNED_PROBLEMS, type OperationSpec, type ParameterSpec, type ProblemStatus } from './operations.ts';

type Document = OpenAPIV3_1.Document;
type Json = Record<string, unknown>;

const componentRef = (name: string) => `#/components/schemas/${name}`;

/** A published schema as an OpenAPI component: `$ref`s to published `$id`s become component refs. */
function toComponent(schema: TSchema): Json {
  const { $id: _id, ...rest } = JSON.parse(JSON.stringify(schema)) as Json;
  return rewriteRefs(rest) as Json;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_BASE)) {
      out[key] = componentRef(value.slice(SCHEMA_BASE.length).replace(/\.json$/, ''));
    } else if (key === 'examples' || key === 'example') {
      out[key] = value; // example data is never rewritten
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out;
}

/** The first example of a published schema: every example in the document comes from the schemas themselves. */
function exampleOf(name: string): unknown {
  const schema = schemasByName.get(name);
  if (!schema) throw new Error(`the OpenAPI table names ${name}, which is not a published schema`);
  const examples = schema.examples as unknown[] | undefined;
  if (!examples?.length) throw new Error(`${name} has no example`);
  return examples[0];
}

const schemaOrRef = (schema: string | Json): Json => (typeof schema === 'string' ? { $ref: componentRef(schema) } : schema);

function parameter(p: ParameterSpec): OpenAPIV3_1.ParameterObject {
  return {
    name: p.name,
    in: p.in,
    required: p.required ?? p.in === 'path',
    description: p.description,
    schema: schemaOrRef(p.schema) as never, // openapi-types mixes its 3.0 and 3.1 schema types; the shape is checked by redocly lint
    example: p.example,
  };
}

/** Problem responses, one reusable component per status, each with an example of a typical problem type. */
const problemResponseNames: Record<ProblemStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableContent',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

function problemResponses(): Record<string, OpenAPIV3_1.ResponseObject> {
  const responses: Record<string, OpenAPIV3_1.ResponseObject> = {};
  for (const [status, name] of Object.entries(problemResponseNames)) {
    const types = problemTypes.filter((t) => t.status === Number(status));
    const first = types[0];
    const example: Json | undefined = first
      ? { type: problemTypeUri(first.slug), title: first.title, status: Number(status), detail: first.description }
      : undefined;
    if (!example) throw new Error(`the problem catalogue has no type with status ${status}`);
    if (first?.slug === 'validation-failed') {
      example.invalidParams = [{ name: '/recipient/phone', reason: 'must match the mainland mobile or landline format' }];
    }
    const list = types.map((t) => `\`${t.slug}\` (${t.title})`).join(', ');
    responses[name] = {
      description: list ? `Problem types with this status: ${list}.` : `${name.replace(/([a-z])([A-Z])/g, '$1 $2')}.`,
      ...(Number(status) === 429 || Number(status) === 503 ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
      content: { 'application/problem+json': { schema: { $ref: componentRef('Problem') }, example } },
    } as OpenAPIV3_1.ResponseObject;
  }
  return responses;
}

function requirementsFor(key: string): string[] {
  return registry()
    .requirements.filter((r) => r.operations?.includes(key))
    .map((r) => r.id);
}

function operation(op: OperationSpec): OpenAPIV3_1.OperationObject {
  const key = `${op.method.toUpperCase()} ${op.path}`;
  const parameters: (OpenAPIV3_1.ParameterObject | OpenAPIV3_1.ReferenceObject)[] = (op.parameters ?? []).map(parameter);
  if (op.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  // The signature fields are the security scheme's, not parameters: their values exist only once the request is
  // serialised, so a typed client could pass nothing but placeholders. The push's id and time are the message's own.
  if (op.push) parameters.push(...pushParameters);
  const statuses = new Set<ProblemStatus>([...(op.signed ? SIGNED_PROBLEMS : []), ...(op.requestBody ? BODY_PROBLEMS : []), ...op.problems]);
  const responses: OpenAPIV3_1.ResponsesObject = {};
  const success: OpenAPIV3_1.ResponseObject = { description: op.success.description };
  if (op.success.schema) {
    success.content = {
      'application/json': { schema: { $ref: componentRef(op.success.schema) }, example: exampleOf(op.success.schema) },
    };
  }
  if (op.success.location) {
    success.headers = {
      // Required: each chapter's MUST answers 201 with a Location header (ECDX-PSH-001, ECDX-NTC-003, Shipping §3).
      Location: {
        description: `The new resource: \`${op.success.location}\`.`,
        required: true,
        schema: { type: 'string', format: 'uri-reference', maxLength: 2048 },
      },
    } as OpenAPIV3_1.ResponseObject['headers'];
  }
  if (op.idempotent) {
    success.headers = { ...success.headers, 'Idempotency-Replayed': { $ref: '#/components/headers/IdempotencyReplayed' } };
  }
  responses[String(op.success.status)] = success;
  for (const alt of op.alternatives ?? []) {
    responses[String(alt.status)] = {
      description: alt.description,
      content: { 'application/json': { schema: { $ref: componentRef(alt.schema) }, example: exampleOf(alt.schema) } },
    };
  }
  for (const status of [...statuses].sort()) responses[String(status)] = { $ref: `#/components/responses/${problemResponseNames[status]}` };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: `${op.description}\n\nPolicy: ${op.policy.join(', ')}. Served by: ${op.role === 'both' ? 'carriers and platforms' : `${op.role}s`}.`,
    ...(op.push ? { security: pushSecurity } : op.signed ? {} : { security: [] }),
    parameters,
    ...(op.requestBody
      ? {
          requestBody: {
            required: true,
            description: op.requestBody.description,
            content: {
              'application/json': { schema: { $ref: componentRef(op.requestBody.schema) }, example: exampleOf(op.requestBody.schema) },
            },
          },
        }
      : {}),
    responses,
    'x-ecdx-role': op.role,
    'x-ecdx-policy': op.policy,
    'x-ecdx-requirements': requirementsFor(key),
  } as OpenAPIV3_1.OperationObject;
}

/** The push, as the platform's operation and as the carrier's webhook: one message, described once. */
const pushSecurity = [{ standardWebhooksSignature: [] }];
const pushParameters = [{ $ref: '#/components/parameters/WebhookId' }, { $ref: '#/components/parameters/WebhookTimestamp' }];

const tagDescriptions: Record<string, string> = {
  Discovery: 'What an endpoint claims and whether it is healthy; the only unsigned operations.',
  'Shipping data': 'The platform sends shipping data (寄递数据) to the carrier (OP-01, OP-03).',
  'Parcel data': 'The carrier provides parcel data (快件数据): the trajectory of each parcel (OP-02).',
  Subscriptions: 'The platform subscribes a callback to pushes of parcel data (OP-02).',
  Pushes: 'The platform receives pushed parcel data (OP-02).',
  'Interruption notices': 'Advance notice, negotiation and reporting of data interruptions (OP-06, OP-07).',
  'Security incidents': 'Notification of security incidents affecting shared data (OP-08, OP-09).',
  Statistics: 'Aggregated, personal-data-free sharing statistics for the authorities (OP-11).',
  'Test controls': 'Served only by test deployments (claim `testMode: true`), for the conformance harness; never in production.',
};

export function buildOpenApiDocument(): Document {
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    const item = paths[op.path] as Record<string, unknown>;
    item[op.method] = operation(op);
  }

  const classList = Object.entries(conformanceClasses)
    .map(([name, c]) => `- \`${name}\` (${c.role === 'both' ? 'carrier and platform' : c.role}): ${c.title}`)
    .join('\n');

  const document = {
    openapi: '3.1.0',
    info: {
      title: 'ECDX — E-Commerce ↔ Delivery data eXchange',
      version: SPEC_VERSION,
      summary: 'The data that e-commerce operators and express carriers share under the 2019 Guiding Opinions.',
      description: [
        'ECDX is an open standard for the data that e-commerce platforms and express carriers must share under the',
        '2019 *Guiding Opinions on Regulating Data Interconnection and Sharing between Express Delivery and E-commerce*',
        '(State Post Bureau and Ministry of Commerce): shipping data from platform to carrier, parcel data from carrier',
        'to platform, interruption notices, security incidents and statistics for the authorities.',
        '',
        'A vendor implements one role, **carrier** or **platform**, and claims conformance classes in',
        '`GET /v1/conformance`:',
        '',
        classList,
        '',
        'All bodies are JSON in UTF-8; timestamps are RFC 3339 with an explicit offset; errors are RFC 9457 problem',
        'details. Every request except the two discovery operations and the push is signed (RFC 9421, see the',
        '`httpMessageSignature` security scheme for its fields); the push (`POST /v1/tracking-events`, the',
        '`tracking-events` webhook) is signed per Standard Webhooks (`standardWebhooksSignature`). Every creating POST',
        'carries an `Idempotency-Key`. Each operation lists the requirements it is subject to in',
        '`x-ecdx-requirements`; the [normative text](spec.html) and the [requirements matrix](requirements.html) are',
        'published beside this reference ([all pages](index.html)).',
      ].join('\n'),
      license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
      contact: { name: 'ECDX editors' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [
      { url: 'https://carrier.example.cn', description: 'A carrier implementation in production (placeholder host).' },
      { url: 'http://127.0.0.1:4010', description: 'The ECDX reference mock, run locally as a test deployment (`npx ecdx mock`).' },
    ],
    security: [{ httpMessageSignature: [] }],
    tags: Object.entries(tagDescriptions).map(([name, description]) => ({ name, description })),
    paths,
    webhooks: {
      [pushWebhook.name]: {
        post: {
          operationId: pushWebhook.operationId,
          tags: ['Pushes'],
          summary: pushWebhook.summary,
          description: `${pushWebhook.description}\n\nPolicy: ${pushWebhook.policy.join(', ')}.`,
          security: pushSecurity,
          parameters: pushParameters,
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: componentRef(pushWebhook.schema) }, example: exampleOf(pushWebhook.schema) },
            },
          },
          responses: {
            '200': {
              description: 'Delivered. Any 2xx counts; the body is optional.',
              content: {
                'application/json': {
                  schema: { $ref: componentRef(pushWebhook.acknowledgement) },
                  example: exampleOf(pushWebhook.acknowledgement),
                },
              },
            },
            '401': { $ref: '#/components/responses/Unauthorized' },
            '410': { $ref: '#/components/responses/Gone' },
            '413': { $ref: '#/components/responses/PayloadTooLarge' },
            '422': { $ref: '#/components/responses/UnprocessableContent' },
            '429': { $ref: '#/components/responses/TooManyRequests' },
          },
          'x-ecdx-role': 'carrier',
          'x-ecdx-requirements': requirementsFor('WEBHOOK /v1/tracking-events'),
        },
      },
    },
    components: {
      schemas: {} as Record<string, OpenAPIV3_1.SchemaObject>,
      responses: problemResponses(),
      parameters: sharedParameters(),
      headers: {
        RetryAfter: {
          description: 'Seconds to wait (or an HTTP date) before trying again.',
          // An HTTP-date (IMF-fixdate) has exactly 29 characters; no sensible delay in seconds has more.
          schema: { type: 'string', pattern: '^\\d+$|^[A-Z][a-z]{2}, ', maxLength: 29 },
        },
        IdempotencyReplayed: {
          description: '`true` when this response is the stored answer to an earlier request with the same key.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      securitySchemes: {
        httpMessageSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'Signature',
          description: HTTP_MESSAGE_SIGNATURE,
        },
        standardWebhooksSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'webhook-signature',
          description: STANDARD_WEBHOOKS_SIGNATURE,
        },
      },
    },
  };
  pruneToReachable(document);
  return document as unknown as Document; // the x-ecdx-* extension members are not in openapi-types' operation type
}

/**
 * Keep only the components the operations reach. Every published schema is in schemas/json/; the API document
 * carries the ones the interface uses, so that nothing in it is dead.
 */
function pruneToReachable(document: { paths: unknown; webhooks: unknown; components: Json }): void {
  const published = new Map(allSchemas.map((s) => [schemaName(s), toComponent(s)]));
  const components = document.components as Record<string, Record<string, unknown>>;
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue;
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) {
        if (reached.has(value)) continue;
        reached.add(value);
        const [, , kind, name] = value.split('/') as [string, string, string, string];
        const target = kind === 'schemas' ? published.get(name) : components[kind]?.[name];
        if (target === undefined) throw new Error(`${value} is referenced but not defined`);
        visit(target);
      } else visit(value);
    }
  };
  visit(document.paths);
  visit(document.webhooks);
  visit(components.securitySchemes);
  const schemas: Json = {};
  for (const [name, schema] of published) if (reached.has(`#/components/schemas/${name}`)) schemas[name] = schema;
  components.schemas = schemas;
  for (const kind of ['responses', 'parameters', 'headers']) {
    for (const name of Object.keys(components[kind] ?? {})) {
      if (!reached.has(`#/components/${kind}/${name}`)) delete components[kind]![name];
    }
  }
}

// The security schemes' texts. OpenAPI has no scheme type for message signatures, so each is an `apiKey` in its
// signature field, and the text documents every field the scheme adds to a request (chapter Security §1–2).
const HTTP_MESSAGE_SIGNATURE = [
  'HTTP Message Signatures (RFC 9421), ECDX profile (chapter *Security* §1). The signer adds these fields once the',
  'request is serialised; they are not parameters of any operation:',
  '',
  '| field | value |',
  '|---|---|',
  '| `Signature-Input` | `ecdx=(<covered components>);created=<s>;expires=<s>;nonce="<≥16 chars>";keyid="<keyid>";alg="<ed25519 or hmac-sha256>"` |',
  '| `Signature` | `ecdx=:<base64 signature over the signature base>:` |',
  '| `Content-Digest` | `sha-256=:<base64 SHA-256 of the content octets>:` (RFC 9530), on every request with content |',
  '',
  'The covered components are `"@method" "@target-uri"`, then `"content-type" "content-digest"',
  '"idempotency-key"` whenever the request carries them — the same rule for every request, with or without',
  'content. `expires` is at most 300 s after `created`; the nonce is fresh for every signature. Components carry no',
  'parameters, and the only derived components are `@method`, `@target-uri`, `@authority`, `@scheme`,',
  '`@request-target`, `@path` and `@query`; a nonce under 16 characters, a parameter or another derived component',
  'is refused with 401 `signature-invalid`. A Content-Digest on a request without content is the digest of zero',
  'octets, covered and checked like any other. A missing, invalid,',
  'expired, replayed or body-tampered request is answered 401 with a problem. An example with the published demo',
  'key (Appendix A of chapter *Security*; Appendix B works it through):',
  '',
  '```http',
  'Content-Digest: sha-256=:dMWcmghrrAGcyi0876W2jMRoLFU71CxBowX1XoA5z+E=:',
  'Signature-Input: ecdx=("@method" "@target-uri" "content-type" "content-digest" "idempotency-key");created=1772328600;expires=1772328900;nonce="Xq3vY8pK2mN7rT5wZ1aB4c";keyid="ecdx-demo-platform-ed25519";alg="ed25519"',
  'Signature: ecdx=:AHiNUdiIN/gBntX/k2UoHch7oJLxZrk/wOICnlusG/DDKUgnhqLvgV+xg4aYedJbegTrVYbhlTSjA/88XhmODQ==:',
  '```',
].join('\n');

const STANDARD_WEBHOOKS_SIGNATURE = [
  'Standard Webhooks 1.0 (chapter *Security* §2, chapter *Pushes*): the signature of a push',
  '(`POST /v1/tracking-events`, the `tracking-events` webhook), which carries no RFC 9421 signature. Three fields:',
  '',
  '| field | value |',
  '|---|---|',
  '| `webhook-id` | the batch id (`PushBatch.batchId`), the same on every retry (also a parameter) |',
  '| `webhook-timestamp` | integer seconds since the Unix epoch when this attempt was signed (also a parameter) |',
  '| `webhook-signature` | space-separated `v1a,<base64 ed25519>` and/or `v1,<base64 HMAC-SHA256>` over `<webhook-id>.<webhook-timestamp>.<body>` |',
  '',
  'The platform answers 401 with a problem, without processing any event, a push with no signature that verifies',
  'with a key it holds for the carrier, or with a timestamp more than 300 s from its clock. Example with the',
  'published demo push keys: `webhook-signature: v1a,w7woOk2oPD9lDDV0XzlLj6vvgTxgyn3KlP6KNeOYBhzbJC+xZrsnBW0+H2SQbTKnMcge4HJbzSryIm1zU9qVBw== v1,TNfOzlK48h/TsRuIlN6pYzuQKCJXQwDDukkY/W/msQU=`.',
].join('\n');

function sharedParameters(): Record<string, OpenAPIV3_1.ParameterObject> {
  return {
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description:
        'A key unique to this logical request (draft-ietf-httpapi-idempotency-key-header), 1–255 visible ASCII ' +
        'characters. The field value is the key itself, sent bare (`Idempotency-Key: 7c1f…`), not an RFC 8941 ' +
        'sf-string: quotes, if sent, are characters of the key. Two requests are the same when they come from the ' +
        'same client (the signature keyid) with the same key, method, target URI (path and query) and content ' +
        '(the SHA-256 of the body octets); no other field is part of the fingerprint. Missing → 400 ' +
        '`idempotency-key-missing`, whose `invalidParams` names `/Idempotency-Key` `in: header`; the same key ' +
        'with a different method, target or content → 422; while the first request is in flight → 409; a repeat → ' +
        'the original response. Keys are kept at least 24 h (see the conformance claim); a repeat after that may be ' +
        'processed as a new request. On a request that creates nothing the field is ignored.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
      example: '7c1f0e2a-5b7d-4c53-9a4e-2f1d3b6c8e90',
    },
    WebhookId: {
      name: 'webhook-id',
      in: 'header',
      required: true,
      description: 'The batch id of the push (`PushBatch.batchId`); the same on every retry of the batch.',
      schema: { $ref: componentRef('ObjectId') },
      example: 'bat_01J9Z4A1',
    },
    WebhookTimestamp: {
      name: 'webhook-timestamp',
      in: 'header',
      required: true,
      description: 'Seconds since the Unix epoch when this attempt was signed.',
      schema: { type: 'string', pattern: '^\\d{1,12}$', maxLength: 12 },
      example: '1772328600',
    },
  } as Record<string, OpenAPIV3_1.ParameterObject>;
}

/** spec/openapi.yaml */
export function generateOpenApi(): Map<string, string> {
  const header = '# Generated by `npm run generate` from schemas/src, spec/openapi/operations.ts and spec/requirements. Do not edit.\n';
  return new Map([['spec/openapi.yaml', header + stringify(buildOpenApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' })]]);
}
