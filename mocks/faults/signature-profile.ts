// Faults of the ECDX signature profile where it is stricter than RFC 9421 (chapter Security §1.2–1.4, decision
// 0028): a short nonce, a covered component with parameters, a derived component the profile does not compute, and
// a Content-Digest on a request without content. Each is a switch of the request pipeline (mocks/core/mock.ts),
// which accepts, as the demo platform, the one refusal the fault names and nothing else.
import { defineFault } from '../core/faults.ts';

export const signatureProfileFaults = [
  defineFault({
    name: 'accept-short-nonce',
    switch: 'accept-short-nonce',
    requirements: ['ECDX-SEC-020'],
    role: 'both',
    description: 'Accepts a signature whose nonce is shorter than 16 characters.',
  }),
  defineFault({
    name: 'accept-component-parameters',
    switch: 'accept-component-parameters',
    requirements: ['ECDX-SEC-021'],
    role: 'both',
    description: 'Accepts a signature that covers a component with parameters, such as "content-digest";sf.',
  }),
  defineFault({
    name: 'accept-unknown-derived-component',
    switch: 'accept-unknown-derived-component',
    requirements: ['ECDX-SEC-021'],
    role: 'both',
    description: 'Accepts a signature that covers a derived component RFC 9421 does not define for requests, such as @status or @ecdx-unknown.',
  }),
  defineFault({
    name: 'digest-unchecked-without-content',
    switch: 'digest-unchecked-without-content',
    requirements: ['ECDX-SEC-004'],
    role: 'both',
    description:
      'Does not check the Content-Digest of a request without content: a GET carrying the digest of some other content is accepted. Digests of requests with content are still checked.',
  }),
];
