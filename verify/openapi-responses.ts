// Holds HTTP responses to the OpenAPI document, as a validating proxy in front of an implementation would: the
// operation is found by method and path template, the status must be one the operation documents, the media type
// one that status documents, the body valid against that media type's schema (Ajv, JSON Schema 2020-12 with
// formats), and each documented header field valid where it is sent (and present where it is required). A request
// that matches no operation must be answered with a problem. Each finding is one line a person can act on.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';

// ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** One response as it crossed the wire. */
export interface ObservedResponse {
  method: string;
  /** Path and query, as the client sent them. */
  target: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

type Responses = Record<string, OpenAPIV3_1.ResponseObject | OpenAPIV3_1.ReferenceObject>;

const COMPONENTS = 'urn:ecdx:openapi';
const PROBLEM_MEDIA_TYPE = 'application/problem+json';

interface Route {
  template: string;
  pattern: RegExp;
  item: OpenAPIV3_1.PathItemObject;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

/**
 * A validator of the responses of a target of `role` against `document`; it returns what is wrong with one response
 * (empty when nothing). An operation of the other role (`x-ecdx-role`) is one the target does not serve.
 */
export function responseValidator(document: OpenAPIV3_1.Document, role: 'carrier' | 'platform'): (response: ObservedResponse) => string[] {
  // Every schema reference made absolute, so that each content schema compiles on its own against the components.
  const doc = JSON.parse(JSON.stringify(document).replaceAll('"#/components/schemas/', `"${COMPONENTS}#/$defs/`)) as OpenAPIV3_1.Document;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS, $defs: doc.components?.schemas ?? {} });
  const compiled = new Map<object, ValidateFunction>();
  const validatorOf = (schema: object): ValidateFunction => {
    const known = compiled.get(schema);
    if (known) return known;
    const validate = ajv.compile(schema);
    compiled.set(schema, validate);
    return validate;
  };
  const resolve = <T>(value: T | OpenAPIV3_1.ReferenceObject): T => {
    if (!value || typeof value !== 'object' || !('$ref' in value)) return value as T;
    const [kind, name] = value.$ref.replace('#/components/', '').split('/') as [string, string];
    return resolve((doc.components as Record<string, Record<string, T>>)[kind]![name]!);
  };
  // Literal paths before templated ones (/v1/test/clock before a /v1/test/{x} there might be).
  const routes: Route[] = Object.entries(doc.paths ?? {})
    .map(([template, item]) => ({
      template,
      item: item as OpenAPIV3_1.PathItemObject,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));

  return (response) => {
    const path = new URL(response.target, 'http://target').pathname;
    const label = `${response.method} ${path} → ${response.status}`;
    const route = routes.find((r) => r.pattern.test(path));
    const declared = route?.item[response.method.toLowerCase() as OpenAPIV3_1.HttpMethods] as
      | (OpenAPIV3_1.OperationObject & { 'x-ecdx-role'?: string })
      | undefined;
    const operation = declared && [role, 'both'].includes(declared['x-ecdx-role'] ?? 'both') ? declared : undefined;
    const mediaType = single(response.headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
    const text = Buffer.from(response.body).toString('utf8');
    const findings: string[] = [];
    const checkBody = (schema: object | undefined) => {
      if (!schema || response.method === 'HEAD') return;
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        findings.push(`${label}: the body is not JSON: ${text.slice(0, 80)}`);
        return;
      }
      const validate = validatorOf(schema);
      if (!validate(body)) {
        const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
        findings.push(`${label}: the body does not match the documented schema: ${errors.join('; ')}`);
      }
    };

    if (!operation) {
      // No operation this target serves: the answer can only be a problem (404, 405 …), from the catalogue.
      if (mediaType !== PROBLEM_MEDIA_TYPE) findings.push(`${label}: no operation of a ${role}, and the answer is ${mediaType ?? 'no body'}, not a problem`);
      else checkBody({ $ref: `${COMPONENTS}#/$defs/Problem` });
      return findings;
    }
    const responses = operation.responses as Responses;
    const documented = responses[String(response.status)] ?? responses[`${String(response.status)[0]}XX`] ?? responses.default;
    if (!documented) return [`${label}: the status is not documented for ${route!.template} (documented: ${Object.keys(responses).join(', ')})`];
    const entry = resolve<OpenAPIV3_1.ResponseObject>(documented);

    for (const [name, header] of Object.entries(entry.headers ?? {})) {
      const { required, schema } = resolve<OpenAPIV3_1.HeaderObject>(header);
      const value = single(response.headers[name.toLowerCase()]);
      if (value === undefined) {
        if (required) findings.push(`${label}: the required header field ${name} is missing`);
      } else if (schema && !validatorOf(schema)(value)) {
        findings.push(`${label}: header field ${name} (${value}) does not match its schema`);
      }
    }
    if (!entry.content) {
      if (text.length > 0 && response.method !== 'HEAD') findings.push(`${label}: a body where the document describes none`);
      return findings;
    }
    const content = mediaType ? entry.content[mediaType] : undefined;
    if (!content) {
      findings.push(`${label}: content type ${mediaType ?? '(none)'}; documented: ${Object.keys(entry.content).join(', ')}`);
      return findings;
    }
    checkBody(content.schema);
    return findings;
  };
}
