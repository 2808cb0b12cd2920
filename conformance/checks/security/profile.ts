// Where the ECDX signature profile is stricter than RFC 9421 (chapter Security §1.2–1.4, decision 0028): a nonce
// under 16 characters, a covered component with parameters, a derived component the profile does not compute, and
// a Content-Digest on a request without content, which is checked against the empty content. Each variant is a
// correct RFC 9421 signature, so that a receiver that leaves the rule to its library accepts it; each check first
// shows the harness's own key accepted, so that a refusal means the rule and not the key.
import { randomBytes } from 'node:crypto';
import { contentDigest } from '../../../protocol/index.ts';
import { defineCheck } from '../../harness/check.ts';
import { creatingRequest } from '../../kit/requests.ts';
import { expectRefusal } from '../../kit/refusals.ts';
import { M } from './messages.ts';
import { ownSignature } from './signatures.ts';

const route = (path: string) => path.split('?')[0]!;
/** A fresh random nonce of exactly `length` characters (base64url of 12 random bytes, cut). */
const nonceOf = (length: number) => randomBytes(12).toString('base64url').slice(0, length);

export const profileChecks = [
  defineCheck({
    id: 'security/short-nonce-refused',
    requirements: ['ECDX-SEC-020'],
    title: 'A nonce shorter than 16 characters is refused with 401 signature-invalid; one of 16 is accepted',
    description:
      'Signs a GET the target serves with a nonce of exactly 16 characters and expects it not to be refused with ' +
      '401; signs it again with a nonce of 15 characters, every other part of the signature correct, and expects ' +
      '401 `signature-invalid`.',
    async run(t) {
      const { path } = await ownSignature(t);
      const sixteen = await t.http.get(path, { tamper: { params: { nonce: nonceOf(16) } } });
      t.assert(sixteen.status !== 401, M.nonce16Answered({ path: route(path), status: sixteen.status }));
      const fifteen = nonceOf(15);
      const short = await t.http.get(path, { tamper: { params: { nonce: fifteen } } });
      expectRefusal(t, short, 401, 'signature-invalid', { what: M.nonce15({ path: route(path), nonce: fifteen }) });
    },
  }),
  defineCheck({
    id: 'security/component-profile-enforced',
    requirements: ['ECDX-SEC-021'],
    title: 'A covered component with parameters, or an unknown derived component, is refused with 401 signature-invalid',
    description:
      'Signs the creating request with `"content-digest";sf` in the covered components (a correct RFC 9421 ' +
      'signature: the field is already in its canonical form), and a GET the target serves covering `@status` (a ' +
      'response component) and, separately, `@ecdx-unknown` (a name RFC 9421 does not define); expects 401 ' +
      '`signature-invalid` for each.',
    async run(t) {
      const { path } = await ownSignature(t);
      const request = creatingRequest(t);
      const parameterised = await t.http.post(request.path, request.body, { tamper: { componentParams: { 'content-digest': { sf: true } } } });
      expectRefusal(t, parameterised, 401, 'signature-invalid', { what: M.coversSf({ request: request.label }) });
      for (const derived of ['@status', '@ecdx-unknown']) {
        const response = await t.http.get(path, { tamper: { components: ['@method', '@target-uri', derived], componentValues: { [derived]: '200' } } });
        expectRefusal(t, response, 401, 'signature-invalid', { what: M.coversDerived({ path: route(path), component: derived }) });
      }
    },
  }),
  defineCheck({
    id: 'security/content-digest-without-content',
    requirements: ['ECDX-SEC-004'],
    title: 'A Content-Digest on a request without content is checked against the empty content',
    description:
      'Sends a GET the target serves with a covered Content-Digest of zero octets and expects it not to be refused ' +
      'with 401; sends it with a covered Content-Digest of the content `{}`, which the request does not carry, and ' +
      'expects 401 `digest-mismatch`.',
    async run(t) {
      const { path } = await ownSignature(t);
      const empty = await t.http.get(path, { headers: { 'content-digest': contentDigest('') } });
      t.assert(empty.status !== 401, M.emptyDigestAnswered({ path: route(path), status: empty.status }));
      const other = await t.http.get(path, { headers: { 'content-digest': contentDigest('{}') } });
      expectRefusal(t, other, 401, 'digest-mismatch', { what: M.digestOfOther({ path: route(path), content: '{}' }) });
    },
  }),
];
