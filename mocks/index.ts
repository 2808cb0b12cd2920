// `ecdx/mocks`: the reference mock of ECDX, for vendors' tests and tools. Three ways to run it — in-process as msw
// handlers (`ecdx/mocks/msw`, which needs msw installed), as a standalone node:http server, and either of them over
// an SQLite file (which needs better-sqlite3) — share one core. This entry loads neither optional dependency.
export { createMock, DEMO_CARRIER_CODE, MAX_BODY_BYTES } from './core/mock.ts';
export type { Mock, MockOptions } from './core/mock.ts';
export type { MockContext, MockRequest, MockResponse, OperationInput, Party } from './core/types.ts';
export type { PartyRole, RoleScope } from '../schemas/src/index.ts';
export { MemoryStore } from './core/store.ts';
export type { Collection, Store } from './core/store.ts';

export { DEFAULT_HOST, DEFAULT_PORT, startMockServer } from './server.ts';
export type { MockServer, MockServerOptions } from './server.ts';
export { BUILD_SQLITE_HINT, DataFileError, INSTALL_SQLITE_HINT, openSqliteStore, SqliteStore } from './sqlite-store.ts';

export { defineFault } from './core/faults.ts';
export type { Fault, Rewrite, RewriteFault, RewriteScope, SwitchFault } from './core/faults.ts';
export type { OperationId } from './core/operations/index.ts';
export type { Switch } from './core/switches.ts';
export { faultByName, faultCatalogue, faults, faultsNamed, isFaultName } from './faults/index.ts';
export type { FaultName } from './faults/index.ts';
export { FAULT_CONTROL_PATH } from './fault-control.ts';

export { buildRequest, MOCK_ORIGIN, send } from './testing.ts';
export type { RequestOptions } from './testing.ts';

/** The published demo credentials (TEST ONLY): what the mock trusts by default and what clients sign with. */
export {
  DEMO_CARRIER_KEYID,
  DEMO_HMAC_KEYID,
  DEMO_PLATFORM_KEYID,
  DEMO_PUSH_PUBLIC_KEY,
  DEMO_WEBHOOK_SECRET,
  demoCredentials,
  demoKeyring,
  isDemoKeyid,
  signRequest,
} from '../protocol/index.ts';
