// The mock's core speaks in these plain shapes: no msw, no sockets, no Fetch objects. The adapters
// (mocks/handlers.ts for msw, mocks/server.ts for node:http) translate to and from them.
import type { TSchema } from '@sinclair/typebox';
import type { PartyRole, RoleScope } from '../../schemas/src/index.ts';
import type { OperationSpec } from '../../spec/openapi/operations.ts';
import type { Clock } from './clock.ts';
import type { OperationId } from './operations/index.ts';
import type { Store } from './store.ts';
import type { Switch } from './switches.ts';

/** An HTTP request as the core sees it. Header names are lower case; `url` is absolute. */
export interface MockRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  /** The adapter stopped reading because the body exceeded MAX_BODY_BYTES; `body` is then incomplete. */
  oversized?: boolean;
}

/** An HTTP response as the core produces it. A `body` that is not a string is sent as JSON. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Who signed a request: resolved from the signature's keyid. */
export interface Party {
  keyid: string;
  role: PartyRole;
  name: string;
  carrierCode?: string;
}

/** The parts of a running mock that operations use. */
export interface MockContext {
  /** The role the mock plays; `both` serves the operations of either role at one base URL. */
  readonly role: RoleScope;
  readonly seed: number;
  readonly clock: Clock;
  readonly store: Store;
  /** Whether a switch is on (mocks/core/switches.ts lists them, by the module that reads each). */
  fault(name: Switch): boolean;
  /** Counts the changes of the active faults, so that what is computed from them is computed again after one. */
  readonly faultGeneration: number;
  /** The identity this mock presents: its own party, as a carrier and as a platform. */
  readonly self: { carrier: Omit<Party, 'keyid'>; platform: Omit<Party, 'keyid'> };
  /** Background work the core starts (push deliveries): tests await it, the server ignores it. */
  readonly background: Background;
  /** Extension slots that areas register at start-up (e.g. the push dispatcher). */
  readonly services: Map<string, unknown>;
  /** Whether the mock runs as a test deployment (it then claims `testMode` and honours the test controls). */
  readonly testMode: boolean;
}

export interface Background {
  track(task: Promise<unknown>): void;
  /** Resolves when every tracked task has settled. */
  idle(): Promise<void>;
}

/** What an operation handler receives: the request already routed, authenticated, parsed and validated. */
export interface OperationInput {
  request: MockRequest;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed, schema-valid body (undefined for operations without one). */
  body: unknown;
  /** The authenticated caller; undefined on the unsigned discovery operations and on pushes. */
  caller: Party | undefined;
  mock: MockContext;
}

export type OperationHandler = (input: OperationInput) => MockResponse | Promise<MockResponse>;

/** A route: an operation of the standard (spec/openapi/operations.ts) with the handler that serves it. */
export interface Route {
  operationId: OperationId;
  operation: OperationSpec;
  bodySchema: TSchema | undefined;
  handler: OperationHandler;
  /** The roles whose keys may call it on this mock (callers.ts); a key of another role is refused. */
  callers: readonly PartyRole[];
  /** Matches the path; the groups are the path parameters. */
  pattern: RegExp;
  parameterNames: string[];
}
