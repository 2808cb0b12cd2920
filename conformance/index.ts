// `ecdx/conformance`: the conformance toolkit as a library. For now the security protocol (request and push
// signatures, digests, demo credentials); the suite runner joins it when the harness lands.
export * from './protocol/index.ts';
