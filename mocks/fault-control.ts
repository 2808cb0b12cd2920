// The standalone mock's own control of its faults, for a test that drives a running server from outside (another
// process, another language), as msw's `server.use()` / `server.resetHandlers()` do in-process:
//   GET    /v1/test/faults                          the names of the faults committed now
//   PUT    /v1/test/faults  {"faults": ["name", …]}  commit exactly these from the next request on
//   DELETE /v1/test/faults                          commit again the faults the server started with
// Each answers 200 with `{"faults": [...]}` as it then stands. This is the mock's, not the standard's (the OpenAPI
// document does not have it), and a test deployment's only: without test mode the path is as unknown as any other
// and the core answers 404. It is unsigned, like the health document, so that a shell script can flip a fault; and
// its answers are never rewritten by a fault, so that a fault can always be switched off again.
import { Type, type Static } from '@sinclair/typebox';
import { violations } from '../schemas/validate.ts';
import { isJsonMediaType, parseJson } from './core/json-body.ts';
import { MAX_BODY_BYTES, type Mock } from './core/mock.ts';
import { json, problemResponse, validationProblem } from './core/respond.ts';
import type { MockRequest, MockResponse } from './core/types.ts';
import { faultsNamed, isFaultName, unknownFaultMessage, type FaultName } from './faults/index.ts';

export const FAULT_CONTROL_PATH = '/v1/test/faults';

const ALLOWED = 'GET, PUT, DELETE';

/** The body of a PUT: the names of the faults to commit, nothing else. */
const FaultSelection = Type.Object({ faults: Type.Array(Type.String(), { maxItems: 1000 }) }, { additionalProperties: false });

/** The answer to a request for the fault control, or undefined when the request is not one (the core answers it). */
export function faultControl(mock: Mock, request: MockRequest): MockResponse | undefined {
  if (request.url.pathname !== FAULT_CONTROL_PATH || !mock.context.testMode) return undefined;
  switch (request.method) {
    case 'GET':
      return active(mock);
    case 'PUT': {
      const selection = selectionOf(request);
      if (!Array.isArray(selection)) return selection;
      mock.replaceFaults(faultsNamed(...selection));
      return active(mock);
    }
    case 'DELETE':
      mock.resetFaults();
      return active(mock);
    default:
      return problemResponse('method-not-allowed', { detail: `allowed: ${ALLOWED}` }, { allow: ALLOWED });
  }
}

const active = (mock: Mock): MockResponse => json(200, { faults: mock.faults.map((f) => f.name) });

/** The fault names a PUT asks for, or the 4xx problem that refuses it. */
function selectionOf(request: MockRequest): FaultName[] | MockResponse {
  if (request.oversized) return problemResponse('payload-too-large', { detail: `the body exceeds ${MAX_BODY_BYTES} bytes` });
  const contentType = request.headers['content-type'] ?? '';
  if (!isJsonMediaType(contentType)) {
    return problemResponse('unsupported-media-type', { detail: `send application/json in UTF-8, not '${contentType || 'nothing'}'` });
  }
  const parsed = parseJson(request.body);
  if (!parsed.ok) return problemResponse('malformed-json', { detail: parsed.reason });
  const found = violations(FaultSelection, parsed.value);
  if (found.length > 0) return validationProblem(found.map((v) => ({ name: v.pointer, reason: v.message, in: 'body' as const })));
  const names = (parsed.value as Static<typeof FaultSelection>).faults;
  const unknown = names.flatMap((name, i) => (isFaultName(name) ? [] : [{ name: `/faults/${i}`, reason: unknownFaultMessage(name), in: 'body' as const }]));
  return unknown.length > 0 ? validationProblem(unknown, 'The body names faults the mock does not have.') : names.filter(isFaultName);
}
