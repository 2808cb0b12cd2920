// Request signatures as the target verifies them (chapter Security §1): a request that is unsigned, covers too
// little, carries another body than it signed, lies outside its validity, repeats a nonce, names an unknown key or
// algorithm, or does not verify is refused with 401 and the problem that names the failure — before anything else
// is looked at (ECDX-SEC-010). Each check first sends what it needs correctly (or learns the harness's own key from
// a correctly signed request), then the faulty variants; the status and problem type name the SEC requirement, the
// problem's format the error rules (support/requests.ts `expectRefusal`).
import { createHash } from 'node:crypto';
import { CLOCK_SKEW_SECONDS, generateEd25519SigningKey, generateHmacKey, MAX_SIGNATURE_LIFETIME_SECONDS } from '../../../protocol/index.ts';
import type { ProblemSlug } from '../../../schemas/src/problems.ts';
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { creatingRequest, probePath, resend, signatureOf } from '../../kit/requests.ts';
import { expectRefusal } from '../../kit/refusals.ts';
import { MINUTE, readTargetClock, SECOND } from '../../kit/time.ts';
import type { Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { W } from '../../i18n/words.ts';

const SIGNATURE_PROBLEMS: readonly ProblemSlug[] = [
  'signature-missing',
  'signature-invalid',
  'signature-expired',
  'nonce-replayed',
  'digest-mismatch',
  'unknown-key',
];

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/**
 * How far outside the allowed skew the validity probes lie: twice the skew, so that what the harness does not know
 * of the target's clock (the latency of reading it, a clock that moved on since) cannot bring them within it.
 */
const OUTSIDE_SKEW_S = 2 * CLOCK_SKEW_SECONDS;
/** When the late replay of a nonce is sent: well past the minute a careless receiver keeps nonces, before expires. */
const LATE_IN_WINDOW_S = MAX_SIGNATURE_LIFETIME_SECONDS - 60;
/** The last replay: after expires, within the skew for which the nonce must still be remembered. */
const AFTER_EXPIRY_S = CLOCK_SKEW_SECONDS / 2;

/** The created parameter (epoch ms) of the harness's own signature on a request it sent. */
function createdOf(response: HttpResponse): number | undefined {
  const created = /;created=(\d+)/.exec(response.sent.headers['signature-input'] ?? '')?.[1];
  return created === undefined ? undefined : Number(created) * SECOND;
}

/** A correctly signed GET the target serves: the harness's own key must be accepted before faulty variants mean anything. */
export async function ownSignature(t: TestContext): Promise<{ response: HttpResponse; keyid: string; alg: string; path: string }> {
  const path = probePath(t);
  const response = await t.http.get(path);
  t.precondition(response.status !== 401, M.ownKeyRefused({ path: path.split('?')[0]! }));
  const own = t.need(signatureOf(response), M.noOwnSignature());
  return { response, ...own, path };
}

export const signatureChecks = [
  defineCheck({
    id: 'security/unsigned-request-refused',
    requirements: ['ECDX-SEC-002'],
    title: 'A request without an ecdx signature is refused with 401 signature-missing',
    description:
      "Sends the role's creating request (a valid body) and a GET without any signature, and the creating request " +
      'signed only under another label (`gateway`), and expects 401 `signature-missing` for each.',
    async run(t) {
      const request = creatingRequest(t);
      const unsigned = await t.http.post(request.path, request.body, { sign: false });
      expectRefusal(t, unsigned, 401, 'signature-missing', { what: M.unsigned({ request: request.label }) });
      const path = probePath(t);
      const get = await t.http.get(path, { sign: false });
      expectRefusal(t, get, 401, 'signature-missing', { what: M.unsigned({ request: `GET ${path.split('?')[0]}` }) });
      const otherLabel = await t.http.post(request.path, request.fresh(), { tamper: { label: 'gateway' } });
      expectRefusal(t, otherLabel, 401, 'signature-missing', { what: M.signedOnlyAsGateway({ request: request.label }) });
    },
  }),
  defineCheck({
    id: 'security/uncovered-component-refused',
    requirements: ['ECDX-SEC-003'],
    title: 'A signature that leaves out a required component is refused with 401 signature-invalid',
    description:
      'Signs the creating request four times, each time leaving one required component out of the covered list ' +
      '(`content-digest`, `idempotency-key`, `content-type`, `@target-uri`), and expects 401 `signature-invalid`.',
    async run(t) {
      const request = creatingRequest(t);
      const all = ['@method', '@target-uri', 'content-type', 'content-digest', 'idempotency-key'];
      for (const left of ['content-digest', 'idempotency-key', 'content-type', '@target-uri']) {
        const response = await t.http.post(request.path, request.fresh(), { tamper: { components: all.filter((c) => c !== left) } });
        expectRefusal(t, response, 401, 'signature-invalid', { what: M.notCovering({ request: request.label, component: left }) });
      }
    },
  }),
  defineCheck({
    id: 'security/content-digest-verified',
    requirements: ['ECDX-SEC-004'],
    title: 'A body that does not match its Content-Digest is refused with 401 digest-mismatch',
    description:
      'Sends the creating request with its body swapped after signing (another valid body), with content but no ' +
      'Content-Digest field, and with a Content-Digest that has no `sha-256` member; expects 401 `digest-mismatch` ' +
      'for each.',
    async run(t) {
      const request = creatingRequest(t);
      const swapped = encode(request.fresh());
      const tampered = await t.http.post(request.path, request.body, { afterSigning: () => swapped });
      expectRefusal(t, tampered, 401, 'digest-mismatch', { what: M.bodyReplaced({ request: request.label }) });

      // Signed without content (so without Content-Digest), the content added afterwards.
      const content = encode(request.fresh());
      const undigested = await t.http.send({
        method: 'POST',
        path: request.path,
        headers: { 'content-type': 'application/json' },
        afterSigning: () => content,
      });
      expectRefusal(t, undigested, 401, 'digest-mismatch', { what: M.contentWithoutDigest({ request: request.label }) });

      const body = request.fresh();
      const sha512 = createHash('sha512').update(encode(body)).digest('base64');
      const noSha256 = await t.http.post(request.path, body, { headers: { 'content-digest': `sha-512=:${sha512}:` } });
      expectRefusal(t, noSha256, 401, 'digest-mismatch', { what: M.onlySha512({ request: request.label }) });
    },
  }),
  defineCheck({
    id: 'security/signature-validity-enforced',
    requirements: ['ECDX-SEC-005'],
    title: 'Stale, future and over-long signatures are refused',
    description:
      `Signs the creating request as of ${OUTSIDE_SKEW_S} s ahead of the target's clock and so that it expired ` +
      `${OUTSIDE_SKEW_S} s ago — just outside the ${CLOCK_SKEW_SECONDS} s of skew a receiver allows — and as of 10 ` +
      'minutes ahead and 10 minutes ago, and expects 401 `signature-expired` for each; signs it with a validity of ' +
      "3600 s and expects 401 `signature-invalid`. Times are the target's clock as read (its test clock, when it has " +
      'one; else the server time of its health document).',
    async run(t) {
      const request = creatingRequest(t);
      const outside = OUTSIDE_SKEW_S * SECOND;
      const cases: [Bilingual, (now: number) => number][] = [
        [M.signedAhead({ request: request.label, seconds: OUTSIDE_SKEW_S }), (now) => now + outside],
        [
          M.expiredAgo({ request: request.label, seconds: OUTSIDE_SKEW_S, signedAgo: MAX_SIGNATURE_LIFETIME_SECONDS + OUTSIDE_SKEW_S }),
          (now) => now - MAX_SIGNATURE_LIFETIME_SECONDS * SECOND - outside,
        ],
        [M.signedInFuture({ request: request.label }), (now) => now + 10 * MINUTE],
        [M.signedTenMinutesAgo({ request: request.label, seconds: MAX_SIGNATURE_LIFETIME_SECONDS }), (now) => now - 10 * MINUTE],
      ];
      for (const [what, signAt] of cases) {
        const response = await t.http.post(request.path, request.fresh(), { signAt: signAt(await readTargetClock(t)) });
        expectRefusal(t, response, 401, 'signature-expired', { what });
      }
      const created = Math.floor((await readTargetClock(t)) / SECOND);
      const long = await t.http.post(request.path, request.fresh(), { signAt: created * SECOND, tamper: { params: { expires: created + 3600 } } });
      expectRefusal(t, long, 401, 'signature-invalid', { what: M.longValidity({ request: request.label }) });
    },
  }),
  defineCheck({
    id: 'security/nonce-replay-refused',
    requirements: ['ECDX-SEC-006'],
    title: 'A request sent again with the same signature is refused with 401 nonce-replayed',
    description:
      'Sends a correctly signed creating request, then the same bytes with the same header fields (signature, ' +
      'nonce, Idempotency-Key) again; expects the repeat to be refused with 401 `nonce-replayed` — a replay must not ' +
      'even reach the idempotency store. Does the same with a signed GET.',
    async run(t) {
      const request = creatingRequest(t);
      const first = await t.http.post(request.path, request.body);
      t.precondition(first.status !== 401, M.replayPointless({ request: request.label }));
      const replay = await resend(t, first);
      expectRefusal(t, replay, 401, 'nonce-replayed', { what: M.replayed({ request: request.label }) });
      const own = await ownSignature(t);
      const replayedGet = await resend(t, own.response);
      expectRefusal(t, replayedGet, 401, 'nonce-replayed', { what: M.replayed({ request: `GET ${own.path.split('?')[0]}` }) });
    },
  }),
  defineCheck({
    id: 'security/nonce-remembered-until-expiry',
    requirements: ['ECDX-SEC-006'],
    needs: ['clock'],
    title: "A nonce is remembered until the signature's expires plus 30 s",
    description:
      `Sends a correctly signed GET (valid for ${MAX_SIGNATURE_LIFETIME_SECONDS} s), moves the target's clock to ` +
      `${LATE_IN_WINDOW_S} s after the signature's created and replays the request exactly: expects 401 ` +
      `\`nonce-replayed\`. Moves the clock on to ${AFTER_EXPIRY_S} s after its expires — still within the ` +
      `${CLOCK_SKEW_SECONDS} s of skew for which the receiver must remember the nonce — and replays it again: expects ` +
      '401 `nonce-replayed` (or `signature-expired`, for a receiver that allows no skew), never the request processed.',
    async run(t) {
      t.requireTestMode();
      const path = probePath(t);
      const first = await t.http.get(path, { signAt: await readTargetClock(t) });
      t.precondition(first.status !== 401, M.replayPointlessGet({ path: path.split('?')[0]! }));
      const created = t.need(createdOf(first), M.noOwnCreated());
      const request = `GET ${path.split('?')[0]}`;
      await t.advanceClock(Math.max(SECOND, created + LATE_IN_WINDOW_S * SECOND - (await readTargetClock(t))));
      expectRefusal(t, await resend(t, first), 401, 'nonce-replayed', { what: M.replayedAfterCreated({ request, seconds: LATE_IN_WINDOW_S }) });
      const expires = created + MAX_SIGNATURE_LIFETIME_SECONDS * SECOND;
      await t.advanceClock(Math.max(SECOND, expires + AFTER_EXPIRY_S * SECOND - (await readTargetClock(t))));
      expectRefusal(t, await resend(t, first), 401, ['nonce-replayed', 'signature-expired'], {
        what: M.replayedAfterExpired({ request, seconds: AFTER_EXPIRY_S }),
      });
    },
  }),
  defineCheck({
    id: 'security/unknown-key-and-algorithm-refused',
    requirements: ['ECDX-SEC-007'],
    title: 'An unregistered keyid is refused with unknown-key, a wrong alg with signature-invalid',
    description:
      'Signs a GET and the creating request with a freshly generated ed25519 key under a keyid the target cannot ' +
      "know and expects 401 `unknown-key`; signs with the harness's key but declares `alg` as `rsa-pss-sha512` " +
      "(not allowed) and as the other ECDX algorithm (not the key's), and expects 401 `signature-invalid`.",
    async run(t) {
      const own = await ownSignature(t);
      const stranger = generateEd25519SigningKey(`ecdx-conformance-unregistered-${Date.now().toString(36)}`);
      const unknownGet = await t.http.get(probePath(t), { sign: stranger });
      expectRefusal(t, unknownGet, 401, 'unknown-key', { what: M.unregisteredKeyid({ request: 'GET', keyid: stranger.keyid }) });
      const request = creatingRequest(t);
      const unknownPost = await t.http.post(request.path, request.body, { sign: stranger });
      expectRefusal(t, unknownPost, 401, 'unknown-key', { what: M.unregisteredKeyid({ request: request.label, keyid: stranger.keyid }) });
      const foreignAlg = await t.http.get(probePath(t), { tamper: { params: { alg: 'rsa-pss-sha512' } } });
      expectRefusal(t, foreignAlg, 401, 'signature-invalid', { what: M.declaresAlg({ request: 'GET', alg: 'rsa-pss-sha512' }) });
      const other = own.alg === 'ed25519' ? 'hmac-sha256' : 'ed25519';
      const mismatched = await t.http.get(probePath(t), { tamper: { params: { alg: other } } });
      expectRefusal(t, mismatched, 401, 'signature-invalid', { what: M.algMismatch({ request: 'GET', alg: own.alg, keyid: own.keyid, other }) });
    },
  }),
  defineCheck({
    id: 'security/signature-value-verified',
    requirements: ['ECDX-SEC-008'],
    title: 'A signature that does not verify with the registered key is refused with 401 signature-invalid',
    description:
      "Signs a GET and the creating request under the harness's own keyid and algorithm but with a freshly " +
      'generated key, so that every parameter is right and only the signature value is wrong; expects 401 ' +
      '`signature-invalid`.',
    async run(t) {
      const own = await ownSignature(t);
      const impostor = own.alg === 'hmac-sha256' ? generateHmacKey(own.keyid) : generateEd25519SigningKey(own.keyid);
      const get = await t.http.get(probePath(t), { sign: impostor });
      expectRefusal(t, get, 401, 'signature-invalid', { what: M.impostorKey({ request: 'GET', keyid: own.keyid, alg: own.alg }) });
      const request = creatingRequest(t);
      const post = await t.http.post(request.path, request.body, { sign: impostor });
      expectRefusal(t, post, 401, 'signature-invalid', { what: M.impostorKey({ request: request.label, keyid: own.keyid, alg: own.alg }) });
    },
  }),
  defineCheck({
    id: 'security/ed25519-offered',
    requirements: ['ECDX-SEC-009'],
    title: 'The claim offers ed25519 for requests (and a carrier v1a for pushes)',
    description:
      'Reads the conformance claim: `signatureAlgorithms` should list `ed25519`, and a carrier that lists push ' +
      'signature schemes should list `v1a`. A warning otherwise (the requirement is a SHOULD).',
    async run(t) {
      const claim = t.need(t.claim, W.claimUnreadable());
      t.assert(claim.signatureAlgorithms.includes('ed25519'), M.listsEd25519({ listed: claim.signatureAlgorithms.join(', ') }));
      const schemes = claim.webhookSignatureSchemes ?? [];
      if (claim.role === 'carrier' && schemes.length > 0) {
        t.assert(schemes.includes('v1a'), M.listsV1a({ listed: schemes.join(', ') }));
      }
    },
  }),
  defineCheck({
    id: 'security/authentication-before-validation',
    requirements: ['ECDX-SEC-010'],
    title: 'An unsigned request is refused with 401 even when it is also malformed',
    description:
      'Having seen that an unsigned, otherwise correct creating request is refused with 401, sends unsigned ones ' +
      'that are also wrong in another way — malformed JSON, a body that breaks the schema, no Idempotency-Key — and ' +
      'expects 401 for each, not the 400 or 422 a signed request would get: the signature is checked first.',
    async run(t) {
      const request = creatingRequest(t);
      const correct = await t.http.post(request.path, request.body, { sign: false });
      t.precondition(correct.status === 401, M.unsignedCorrectNot401({ request: request.label, status: correct.status }));
      const malformed = await t.http.post(request.path, undefined, {
        sign: false,
        rawBody: '{"unfinished": ',
        headers: { 'content-type': 'application/json' },
      });
      expectRefusal(t, malformed, 401, SIGNATURE_PROBLEMS, { what: M.unsignedMalformed({ request: request.label }) });
      const invalid = await t.http.post(request.path, { unexpected: true }, { sign: false });
      expectRefusal(t, invalid, 401, SIGNATURE_PROBLEMS, { what: M.unsignedSchemaBreak({ request: request.label }) });
      const keyless = await t.http.post(request.path, request.fresh(), { sign: false, idempotencyKey: false });
      expectRefusal(t, keyless, 401, SIGNATURE_PROBLEMS, { what: M.unsignedWithoutKey({ request: request.label }) });
    },
  }),
];
