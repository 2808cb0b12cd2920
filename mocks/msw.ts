// `ecdx/mocks/msw`: the reference mock as msw request handlers, for a vendor's own tests (`setupServer(...handlers)`).
// It needs msw (2.7 or later 2.x) in the vendor's project, which is why it is an entry of its own: `ecdx/mocks` and
// the CLI load without it.
export { createHandlers, defaultHandlersMock, handlers, toHttpResponse, toMockRequest } from './handlers.ts';
export type { HandlersOptions } from './handlers.ts';
