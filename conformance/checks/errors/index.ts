// Errors (chapter Core §3): every error is an application/problem+json Problem with a catalogue type; validation
// problems name each violation by JSON Pointer; malformed JSON, unknown paths, wrong methods, other media types and
// oversized bodies get their own 4xx, never a 5xx; and a problem never repeats personal data from the request. Every
// error case is otherwise correct and correctly signed (except where the case is the signature), so that only the
// rule under test decides the answer (chapter Core, "Order of evaluation").
import { randomBytes } from 'node:crypto';
import { problemType } from '../../../schemas/src/problems.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { generateEd25519SigningKey } from '../../../protocol/index.ts';
import { invalidBody, optionalCreatingRequest, optionalProbePath, creatingRequest } from '../../kit/requests.ts';
import { catalogueSlug, expectProblemFormat, expectRefusal } from '../../kit/refusals.ts';
import { happyShipment, postShipment, unknownWaybillNo } from '../../kit/shipping-data.ts';
import { expectRefusalNaming, withRecipient } from '../../kit/shipping-refusals.ts';
import { DAY, timestamp } from '../../kit/time.ts';
import { eventsPath } from '../../kit/trajectory.ts';
import { joinTexts, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { roleName, W } from '../../i18n/words.ts';

const MIB = 1024 * 1024;
/** The member the closest alternative of the address rule lacks (chapter Core §3, rule 2 of the closest alternative). */
const CLOSEST_MEMBER = '/recipient/address/divisionCode';
const JSON_HEADERS = { 'content-type': 'application/json' };
const unknownPath = () => `/v1/ecdx-conformance-no-such-resource-${randomBytes(3).toString('hex')}`;

interface Probe {
  what: Bilingual;
  response: HttpResponse;
}

/**
 * Requests every target must refuse, each with a different error: unknown path, wrong method, missing signature
 * and, where the harness knows a creating request, malformed JSON, another media type and a schema violation.
 */
async function errorProbes(t: TestContext): Promise<Probe[]> {
  const probes: Probe[] = [];
  const add = async (what: Bilingual, send: () => Promise<HttpResponse>) => probes.push({ what, response: await send() });
  const unknown = unknownPath();
  await add(W.unsignedGet({ path: unknown }), () => t.http.get(unknown, { sign: false }));
  await add(M.unsignedDeleteConformance(), () => t.http.delete('/v1/conformance', { sign: false }));
  const probe = optionalProbePath(t);
  if (probe) await add(W.unsignedGet({ path: probe.split('?')[0]! }), () => t.http.get(probe, { sign: false }));
  const request = optionalCreatingRequest(t);
  if (request) {
    await add(M.withMalformedJson({ request: request.label }), () =>
      t.http.post(request.path, undefined, { rawBody: '{"unfinished": ', headers: JSON_HEADERS }),
    );
    await add(M.asTextPlain({ request: request.label }), () =>
      t.http.post(request.path, undefined, { rawBody: JSON.stringify(request.fresh()), headers: { 'content-type': 'text/plain' } }),
    );
    await add(M.withSchemaBreak({ request: request.label }), () => t.http.post(request.path, invalidBody(request).body));
  }
  return probes;
}

const isError = (p: Probe) => p.response.status >= 400;

/** A Problem type and its catalogue title and status (ECDX-ERR-002); a body without a type fails ECDX-ERR-001. */
function expectCatalogueType(t: TestContext, { what, response }: Probe): void {
  const body = response.json as { type?: unknown; title?: unknown } | undefined;
  t.assert(body !== null && typeof body === 'object' && typeof body.type === 'string', M.jsonProblemWithType({ what, status: response.status }), {
    requirementId: 'ECDX-ERR-001',
  });
  const slug = catalogueSlug(body!.type);
  t.assert(slug !== undefined, M.catalogueType({ what, type: String(body!.type) }), { requirementId: 'ECDX-ERR-002' });
  const entry = problemType(slug!);
  t.assert(body!.title === entry.title, M.catalogueTitle({ what, slug: slug!, title: entry.title, got: String(body!.title) }), {
    requirementId: 'ECDX-ERR-002',
  });
  t.assert(entry.status === response.status, M.catalogueStatus({ what, slug: slug!, status: entry.status, got: response.status }), {
    requirementId: 'ECDX-ERR-002',
  });
}

export const errorChecks = [
  defineCheck({
    id: 'errors/problem-format',
    requirements: ['ECDX-ERR-001'],
    title: 'Every error is an application/problem+json Problem whose status is the HTTP status',
    description:
      'Provokes several errors — an unknown path, a wrong method, a missing signature, malformed JSON, a text/plain ' +
      'body, a schema violation — and expects each 4xx/5xx answer to be `application/problem+json`, a valid ' +
      '`Problem`, its `status` member equal to the HTTP status.',
    async run(t) {
      const errors = (await errorProbes(t)).filter(isError);
      t.precondition(errors.length > 0, M.noErrorCase());
      for (const probe of errors) expectProblemFormat(t, probe.response, probe.what);
    },
  }),
  defineCheck({
    id: 'errors/catalogue-types',
    requirements: ['ECDX-ERR-002'],
    title: 'Problem types come from the catalogue, with its title and status',
    description:
      "For the same error cases as `errors/problem-format`, expects each problem's `type` to be a catalogue URI " +
      '(`https://ecdx.dev/problems/<slug>`), its `title` the catalogue title, and the HTTP status the catalogue ' +
      'status of the type.',
    async run(t) {
      const errors = (await errorProbes(t)).filter(isError);
      t.precondition(errors.length > 0, M.noErrorCase());
      for (const probe of errors) expectCatalogueType(t, probe);
    },
  }),
  defineCheck({
    id: 'errors/invalid-params',
    requirements: ['ECDX-ERR-003'],
    title: 'A validation-failed problem names every violation by JSON Pointer',
    description:
      "Sends the role's creating request with two members that break the schema and expects 422 " +
      '`validation-failed` whose `invalidParams` names both by JSON Pointer. Where the target serves sharing ' +
      'statistics, sends a malformed `to` query parameter and expects the violation with `in: query`.',
    async run(t) {
      const request = creatingRequest(t);
      const { body, pointers } = invalidBody(request);
      const response = await t.http.post(request.path, body);
      const sent = M.withInvalid({ request: request.label, pointers: joinTexts(pointers, M.and()) });
      t.precondition(response.status === 422, M.invalidNot422({ what: sent, status: response.status }));
      expectRefusal(t, response, 422, 'validation-failed', { requirementId: 'ECDX-ERR-002', what: sent });
      const params = (response.json as { invalidParams?: { name: string; in?: string }[] }).invalidParams;
      t.assert(Array.isArray(params) && params.length > 0, M.listsInvalidParams());
      for (const pointer of pointers) {
        const named = params!.find((p) => p.name === pointer);
        t.assert(named !== undefined, M.namesViolation({ pointer, names: params!.map((p) => p.name || "''").join(', ') }), {
          pointer,
        });
        t.assert(named!.in === undefined || named!.in === 'body', M.violationInBody({ pointer, in: named!.in ?? M.inNotGiven() }), {
          pointer,
        });
      }
      if (!(t.claim?.classes ?? []).some((c) => c.endsWith('/statistics'))) return;
      const from = encodeURIComponent(timestamp(t.targetNow() - DAY));
      const query = await t.http.get(`/v1/statistics/sharing?from=${from}&to=yesterday`);
      if (query.status !== 422) return; // which status a bad period gets is the statistics rules' business
      const queryParams = (query.json as { invalidParams?: { name: string; in?: string }[] } | undefined)?.invalidParams ?? [];
      t.assert(
        queryParams.some((p) => p.name === '/to' && p.in === 'query'),
        M.queryParamNamed({
          names: queryParams.length ? joinTexts(queryParams.map((p) => M.paramIn({ name: p.name, in: p.in ?? 'body' }))) : M.nothing(),
        }),
      );
    },
  }),
  defineCheck({
    id: 'errors/conditional-rule-names-closest-member',
    requirements: ['ECDX-ERR-003'],
    role: 'carrier',
    class: 'carrier-shipping',
    title: 'A value that matches no alternative of a conditional rule is reported at the closest alternative’s member',
    description:
      'Sends `POST /v1/shipments` with a mainland recipient address (`countryCode` `CN`) without `divisionCode`. ' +
      'The address rule has two alternatives, an address outside the mainland (which `CN` breaks) and a mainland ' +
      'address (which lacks `divisionCode`): equally close, so the one that only lacks a member is the closest ' +
      '(chapter Core §3). Expects 422 `validation-failed` whose `invalidParams` name ' +
      '`/recipient/address/divisionCode`, not only the address as a whole; further entries are allowed.',
    async run(t) {
      const body = withRecipient(t, (recipient) => {
        const { divisionCode: _dropped, ...address } = recipient['address'] as Record<string, unknown>;
        recipient['address'] = { ...address, countryCode: 'CN' };
      });
      const response = await postShipment(t, body);
      const what = M.mainlandWithoutDivisionCode();
      t.precondition(response.status === 422, M.not422Shp003({ what, status: response.status }));
      expectRefusalNaming(t, response, { status: 422, slug: 'validation-failed', pointers: [CLOSEST_MEMBER], requirementId: 'ECDX-ERR-003', what });
    },
  }),
  defineCheck({
    id: 'errors/query-before-lookup',
    requirements: ['ECDX-ERR-011'],
    role: 'carrier',
    class: 'carrier-tracking-pull',
    uses: { shipment: happyShipment },
    title: 'The query is judged before the waybill is looked up, the cursor after',
    description:
      'Reads the events of an unknown waybill with `limit=0` and expects 422 `validation-failed` naming `/limit` ' +
      '(the query comes before the lookup); a 404 fails only if the same `limit=0` on a known waybill is refused ' +
      'with 422 (otherwise the target does not judge the limit at all, which is ECDX-TRK-010’s business). Then ' +
      'reads the unknown waybill with a cursor no target issued and expects 404 `not-found`: the cursor is judged ' +
      'against the waybill, after the lookup.',
    async run(t, { shipment }) {
      const unknown = unknownWaybillNo();
      const what = M.unknownWaybill({ request: `GET ${eventsPath(unknown, { limit: 0 })}` });
      const early = await t.http.get(eventsPath(unknown, { limit: 0 }));
      if (early.status === 404) {
        const { waybillNo } = await shipment();
        const known = await t.http.get(eventsPath(waybillNo, { limit: 0 }));
        t.precondition(known.status === 422, M.limitNotJudged({ waybillNo, status: known.status }));
      }
      expectRefusalNaming(t, early, { status: 422, slug: 'validation-failed', pointers: ['/limit'], what });
      const cursorPath = eventsPath(unknown, { cursor: 'ecdx-conformance-not-a-cursor' });
      const late = await t.http.get(cursorPath);
      if (late.status === 404 || late.status === 422) {
        expectRefusal(t, late, 404, 'not-found', { what: M.unknownWaybillCursor({ request: `GET ${cursorPath}` }) });
      } else {
        t.blocked(M.cursorAnswered({ path: cursorPath, status: late.status }));
      }
    },
  }),
  defineCheck({
    id: 'errors/no-server-error-for-bad-requests',
    requirements: ['ECDX-ERR-004'],
    title: 'A request that is wrong in itself never gets a 5xx',
    description:
      'Sends malformed JSON, a schema violation, a text/plain body, a body over 1 MiB, an unknown path, a wrong ' +
      'method, an unsigned request and one signed with an unknown key, and expects none of them to be answered ' +
      'with a 5xx.',
    async run(t) {
      const probes = await errorProbes(t);
      const request = optionalCreatingRequest(t);
      if (request) {
        const oversized = await t.http.post(request.path, { ...request.fresh(), padding: 'x'.repeat(MIB) });
        probes.push({ what: M.overOneMib({ request: request.label }), response: oversized });
        const stranger = generateEd25519SigningKey(`ecdx-conformance-unregistered-${Date.now().toString(36)}`);
        probes.push({ what: M.unknownKey({ request: request.label }), response: await t.http.post(request.path, request.fresh(), { sign: stranger }) });
      }
      const unknown = unknownPath();
      probes.push({ what: W.signedGet({ path: unknown }), response: await t.http.get(unknown) });
      for (const { what, response } of probes) t.assert(response.status < 500, M.notA5xx({ what, status: response.status }));
    },
  }),
  defineCheck({
    id: 'errors/malformed-json',
    requirements: ['ECDX-ERR-005'],
    title: 'A body that is not well-formed UTF-8 JSON is refused with 400 malformed-json',
    description:
      "Sends the role's creating request, correctly signed, with a truncated JSON document, with JSON holding a " +
      'byte sequence that is not UTF-8, and with an empty body; expects 400 `malformed-json` for each.',
    async run(t) {
      const request = creatingRequest(t);
      const cases: [Bilingual, string | Uint8Array][] = [
        [M.truncatedJson(), '{"platformOrderId": "ecdx-conf-truncated", '],
        [M.notUtf8(), new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
        [M.emptyBody(), ''],
      ];
      for (const [how, rawBody] of cases) {
        const response = await t.http.post(request.path, undefined, { rawBody, headers: JSON_HEADERS });
        expectRefusal(t, response, 400, 'malformed-json', { what: M.withBody({ request: request.label, how }) });
      }
    },
  }),
  defineCheck({
    id: 'errors/unknown-path',
    requirements: ['ECDX-ERR-006'],
    title: 'A path ECDX does not define, or the role does not serve, is answered 404 whether signed or not',
    description: 'Requests an undefined path under /v1 unsigned and signed, and a path of the other role signed; expects 404 ' + '`not-found` for each.',
    async run(t) {
      const path = unknownPath();
      expectRefusal(t, await t.http.get(path, { sign: false }), 404, 'not-found', { what: W.unsignedGet({ path }) });
      expectRefusal(t, await t.http.get(path), 404, 'not-found', { what: W.signedGet({ path }) });
      expectRefusal(t, await t.http.post(path, { probe: true }), 404, 'not-found', { what: M.signedPost({ path }) });
      // A deployment that serves both roles at one base URL (Core chapter, `?role=`) rightly serves the other
      // role's paths too; only a single-role target must refuse them.
      const otherRole = t.role === 'carrier' ? 'platform' : 'carrier';
      const otherClaim = await t.http.get(`/v1/conformance?role=${otherRole}`, { sign: false });
      if ((otherClaim.json as { role?: string } | undefined)?.role === otherRole) {
        t.blocked(M.alsoServesRole({ role: roleName(otherRole) }));
        return;
      }
      const other =
        t.role === 'carrier'
          ? {
              what: M.platformPathToCarrier(),
              send: () => t.http.post('/v1/tracking-events', { batchId: 'ecdx-conf-probe' }, { idempotencyKey: false }),
            }
          : { what: M.carrierPathToPlatform(), send: () => t.http.get('/v1/shipments/ECDX000000000018') };
      expectRefusal(t, await other.send(), 404, 'not-found', { what: other.what });
    },
  }),
  defineCheck({
    id: 'errors/method-not-allowed',
    requirements: ['ECDX-ERR-007'],
    title: 'A method a defined path does not support is answered 405 with Allow',
    description:
      "Sends DELETE /v1/conformance unsigned, PUT /v1/health signed, and DELETE to the role's creating path signed; " +
      'expects 405 `method-not-allowed` with an `Allow` header listing the supported method for each.',
    async run(t) {
      const cases: { what: Bilingual; allowed: string; send: () => Promise<HttpResponse> }[] = [
        { what: M.unsignedDeleteConformance(), allowed: 'GET', send: () => t.http.delete('/v1/conformance', { sign: false }) },
        { what: M.signedPutHealth(), allowed: 'GET', send: () => t.http.send({ method: 'PUT', path: '/v1/health' }) },
      ];
      const request = optionalCreatingRequest(t);
      if (request) cases.push({ what: M.signedDelete({ path: request.path }), allowed: 'POST', send: () => t.http.delete(request.path) });
      for (const { what, allowed, send } of cases) {
        const response = await send();
        expectRefusal(t, response, 405, 'method-not-allowed', { what });
        const allow = (response.headers['allow'] ?? '').split(',').map((m) => m.trim().toUpperCase());
        t.assert(allow.includes(allowed), M.allowLists({ what, allowed, got: response.headers['allow'] ?? W.none() }));
      }
    },
  }),
  defineCheck({
    id: 'errors/unsupported-media-type',
    requirements: ['ECDX-ERR-008'],
    title: 'A body not declared as application/json in UTF-8 is refused with 415',
    description:
      "Sends the role's creating request, correctly signed and with a valid JSON body, declared as text/plain, as " +
      'application/json with charset iso-8859-1, and with no Content-Type; expects 415 `unsupported-media-type`.',
    async run(t) {
      const request = creatingRequest(t);
      const mediaTypes: (string | undefined)[] = ['text/plain', 'application/json; charset=iso-8859-1', undefined];
      for (const contentType of mediaTypes) {
        const response = await t.http.post(request.path, undefined, {
          rawBody: JSON.stringify(request.fresh()),
          headers: contentType ? { 'content-type': contentType } : {},
        });
        const what = contentType ? M.declaredAs({ request: request.label, contentType }) : M.withoutContentType({ request: request.label });
        expectRefusal(t, response, 415, 'unsupported-media-type', { what });
      }
    },
  }),
  defineCheck({
    id: 'errors/payload-too-large',
    requirements: ['ECDX-ERR-009'],
    title: 'A body over 1 MiB is refused with 413 payload-too-large',
    description: "Sends the role's creating request, correctly signed, padded to just over 1 MiB of JSON; expects 413 `payload-too-large`.",
    async run(t) {
      const request = creatingRequest(t);
      const body = { ...request.fresh(), padding: 'x'.repeat(MIB) };
      const response = await t.http.post(request.path, body);
      expectRefusal(t, response, 413, 'payload-too-large', { what: M.withBytes({ request: request.label, bytes: JSON.stringify(body).length }) });
    },
  }),
  defineCheck({
    id: 'errors/no-personal-data-in-problems',
    requirements: ['ECDX-ERR-010'],
    title: 'A problem repeats no personal data, secret or stack trace from the request',
    description:
      "Sends the role's creating request with a mobile number in a member that breaks the schema (and another " +
      'violation), signed and unsigned, and scans each problem for unmasked mobile and identity numbers, the ' +
      'signature the harness sent, and stack traces.',
    async run(t) {
      const request = creatingRequest(t);
      const { body } = invalidBody(request);
      const signed = await t.http.post(request.path, body);
      t.precondition(
        signed.status >= 400 && signed.status < 500,
        M.notA4xxProblem({ what: M.withSchemaViolation({ request: request.label }), status: signed.status }),
      );
      const unsigned = await t.http.post(request.path, body, { sign: false });
      for (const [what, response] of [
        [M.problemForInvalidMember({ status: signed.status, request: request.label }), signed],
        [M.problemForUnsigned({ status: unsigned.status }), unsigned],
      ] as const) {
        t.expectNoLeaks(response.json ?? response.text, what);
        const signature = /ecdx=:([^:]{16,}):/.exec(response.sent.headers['signature'] ?? '')?.[1];
        t.assert(!signature || !response.text.includes(signature), M.noSignatureRepeated({ what }));
        t.assert(!/\bat [\w$.<>]+ \(|\.(ts|js|java|py|go):\d+|Traceback \(most recent call last\)/.test(response.text), M.noStackTrace({ what }));
      }
    },
  }),
];
