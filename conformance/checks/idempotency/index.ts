// Idempotency of creating requests (chapter Security §3): a creating POST needs an Idempotency-Key; a repeat gets
// the original answer and creates nothing; the key with another body is refused (422), while the first is in
// flight too (409); keys are kept as long as the claim says, per client, and a request refused before processing
// does not use its key up. On a platform the checks that must see whether a request was processed twice prefer
// security incidents, whose receipt dates each processing (a notice with a known noticeId is answered with the
// held copy whether or not the request is processed again).
import { defineCheck } from '../../harness/check.ts';
import type { HttpResponse } from '../../harness/client.ts';
import type { TestContext } from '../../harness/context.ts';
import { creatingRequest, probePath, type CreatingRequest } from '../../kit/requests.ts';
import { creatingPosts } from './creating-posts.ts';
import { notCreatingChecks } from './not-creating.ts';
import { expectRefusal, problemSummaryText } from '../../kit/refusals.ts';
import { newIdempotencyKey } from '../../kit/ids.ts';
import { SECOND } from '../../../schemas/time.ts';
import { sameJson } from '../../../protocol/json.ts';
import { isValid } from '../../../schemas/validate.ts';
import { verbatim, type Bilingual } from '../../i18n/text.ts';
import { M } from './messages.ts';
import { roleName, W } from '../../i18n/words.ts';

const MIN_EXPIRY_SECONDS = 86_400;
/** The longest move of the test clock (TestClockAdvance allows 30 days). */
const MAX_ADVANCE_SECONDS = 30 * 86_400;

const isSuccess = (r: HttpResponse) => r.status >= 200 && r.status < 300;

/**
 * The first answer under a key, which must be the operation's own answer to a request it processed (its success
 * status with a valid body of its schema: a new waybill number, a receipt dated to the second): only then can a
 * repeat be told apart from a second processing. Anything else ends the check precondition-failed.
 */
async function original(t: TestContext, request: CreatingRequest, key: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
  const response = await t.http.post(request.path, request.body, { idempotencyKey: key, headers });
  const { status, schema } = request.success;
  t.precondition(
    response.status === status && isValid(schema, response.json),
    response.status === status
      ? M.noOriginalInvalidBody({ request: request.label, status, schema })
      : M.noOriginal({ request: request.label, got: response.status, problem: problemSummaryText(response), status, schema }),
  );
  return response;
}

/** The repeat answers the original's status and body. */
function expectReplay(t: TestContext, first: HttpResponse, repeat: HttpResponse, what: Bilingual): void {
  t.assert(repeat.status === first.status, M.replayStatus({ what, expected: first.status, got: repeat.status }));
  const same = first.json === undefined ? repeat.text === first.text : sameJson(repeat.json, first.json);
  t.assert(same, same ? M.replaySameBody({ what }) : M.replayBodyDiffers({ what, differences: differences(first.json, repeat.json) }));
}

/** The first members whose values differ, for the message. */
function differences(a: unknown, b: unknown): Bilingual {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return verbatim('');
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const differing = keys.filter((k) => !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  return differing.length
    ? M.membersDiffer({
        members: differing
          .slice(0, 4)
          .map((k) => `/${k}`)
          .join(', '),
      })
    : verbatim('');
}

/** Where the created resource can be read back (shipments, notices), or undefined. */
function readBackPath(request: CreatingRequest, body: Record<string, unknown>, response?: HttpResponse): string | undefined {
  if (request.kind === 'shipment') {
    const waybillNo = (response?.json as { waybillNo?: unknown } | undefined)?.waybillNo;
    return typeof waybillNo === 'string' ? `/v1/shipments/${encodeURIComponent(waybillNo)}` : undefined;
  }
  if (request.kind === 'notice') return `/v1/interruption-notices/${encodeURIComponent(String(body['noticeId']))}`;
  return undefined;
}

function judgeInFlight(t: TestContext, request: CreatingRequest, first: HttpResponse, second: HttpResponse): void {
  t.precondition(isSuccess(first), M.heldNot2xx({ request: request.label, status: first.status }));
  // No requirement asks a test deployment to hold a request (decision 0015): without the control nothing was in
  // flight, so the rule does not apply to this target and the run does not fail for it.
  if (first.durationMs < 1_000) {
    // Only the answer the operation gives when it creates shows that the request was processed at once.
    const { status, schema } = request.success;
    t.precondition(first.status === status && isValid(schema, first.json), M.heldNotProcessed({ request: request.label, got: first.status, status, schema }));
    t.notApplicable(M.noDelayControl({ request: request.label, ms: first.durationMs }));
  }
  expectRefusal(t, second, 409, 'idempotency-request-in-flight', { what: M.sentInFlight({ request: request.label }) });
}

/** The idempotency-key-missing problem names the header: `{name: "/Idempotency-Key", in: "header"}` (ECDX-IDM-002). */
function expectKeyNamed(t: TestContext, response: HttpResponse, what: Bilingual): void {
  const params = (response.json as { invalidParams?: unknown } | undefined)?.invalidParams;
  const named =
    Array.isArray(params) &&
    params.some((p: { name?: unknown; in?: unknown }) => typeof p?.name === 'string' && p.name.toLowerCase() === '/idempotency-key' && p.in === 'header');
  t.assert(named, M.keyNamed({ what, got: JSON.stringify(params ?? null).slice(0, 200) }));
}

export const idempotencyChecks = [
  defineCheck({
    id: 'idempotency/key-required',
    requirements: ['ECDX-IDM-002'],
    title: 'Every creating POST without a usable Idempotency-Key is refused with 400',
    description:
      'Sends every creating POST the target serves for the classes it claims (the operations the operations table ' +
      'flags idempotent: shipments, cancellations, subscriptions, interruption notices and their responses, incident ' +
      'notifications), correctly signed with a valid body, without an Idempotency-Key, with an empty one, with one ' +
      'of 256 characters and with one containing a space; expects 400 `idempotency-key-missing` for each, its ' +
      '`invalidParams` naming `/Idempotency-Key` `in: header` (the name compared case-insensitively), and where ' +
      'the result can be read back (a notice, a response, a cancellation) that nothing was done. A shipment to cancel ' +
      'and a notice to respond to are made first, with keys.',
    async run(t) {
      t.precondition(t.claim !== undefined, M.claimUnreadableForPosts());
      const posts = await creatingPosts(t);
      t.precondition(posts.length > 0, M.noCreatingPost());
      const cases: [Bilingual, string | false][] = [
        [M.withoutKey(), false],
        [M.withEmptyKey(), ''],
        [M.withLongKey(), 'k'.repeat(256)],
        [M.withSpacedKey(), 'ecdx conformance key'],
      ];
      for (const post of posts) {
        for (const [how, key] of cases) {
          const body = post.fresh();
          const response = await t.http.post(post.path, body, { idempotencyKey: key });
          await post.undo?.(t, response);
          const what = M.sentHow({ request: post.label, how });
          expectRefusal(t, response, 400, 'idempotency-key-missing', { what });
          expectKeyNamed(t, response, what);
          await post.unchanged?.(t, body, how);
        }
      }
    },
  }),
  defineCheck({
    id: 'idempotency/replay-answers-original',
    requirements: ['ECDX-IDM-003'],
    title: 'A repeated request gets the original answer and creates nothing',
    description:
      "Sends the role's creating request, waits a second, and sends it again with the same Idempotency-Key and " +
      'body (a new signature); expects the same status and body, and the resource read back unchanged where it ' +
      'can be read.',
    async run(t) {
      const request = creatingRequest(t, ['incident', 'notice']);
      const key = newIdempotencyKey();
      const first = await original(t, request, key);
      await t.sleep(1_100); // a second processing would date its answer a second later
      const repeat = await t.http.post(request.path, request.body, { idempotencyKey: key });
      expectReplay(t, first, repeat, M.repeated({ request: request.label }));
      const readBack = readBackPath(request, request.body, first);
      if (readBack) {
        const read = await t.http.get(readBack);
        t.assert(read.status === 200, M.readBackOne({ path: readBack, status: read.status }));
      }
    },
  }),
  defineCheck({
    id: 'idempotency/key-reuse-refused',
    requirements: ['ECDX-IDM-004'],
    title: 'An Idempotency-Key reused with another body is refused with 422',
    description:
      "Sends the role's creating request, then another valid one of the same kind under the same Idempotency-Key; " +
      'expects 422 `idempotency-key-reused` and (for a notice) that the second was not created.',
    async run(t) {
      const request = creatingRequest(t);
      const key = newIdempotencyKey();
      await original(t, request, key);
      const other = request.fresh();
      const reused = await t.http.post(request.path, other, { idempotencyKey: key });
      expectRefusal(t, reused, 422, 'idempotency-key-reused', { what: M.otherBody({ request: request.label }) });
      const readBack = readBackPath(request, other);
      if (readBack) {
        const read = await t.http.get(readBack);
        t.assert(read.status === 404, M.refusedCreatedNothingRead({ path: readBack, status: read.status }));
      }
    },
  }),
  defineCheck({
    id: 'idempotency/in-flight-conflict',
    requirements: ['ECDX-IDM-005'],
    needs: ['test-mode'],
    title: 'A request whose key is still in flight is refused with 409',
    description:
      "Sends the role's creating request with the test control `ecdx-test-delay-ms: 1000` (the target holds it " +
      'after registering its key), and a quarter of a second later the same request again; expects 409 ' +
      '`idempotency-request-in-flight` for the second and a 2xx for the first. When the two did not overlap at the ' +
      'target (the second was answered as a replay of the first, or the first as a replay of the second: a loaded ' +
      'network or harness delayed the held one), it tries once more with 4 s held and 1.5 s between. The control ' +
      'is optional (chapter *Test controls*): a target that answers the held request at once is not judged on the ' +
      'rule, and says why.',
    async run(t) {
      t.requireTestMode();
      const request = creatingRequest(t, ['incident', 'notice']);
      for (const [holdMs, gapMs, last] of [
        [1_000, 250, false],
        [4_000, 1_500, true],
      ] as const) {
        const key = newIdempotencyKey();
        const body = request.fresh();
        const held = t.http.post(request.path, body, { idempotencyKey: key, headers: { 'ecdx-test-delay-ms': String(holdMs) } }).then(
          (response) => ({ response }),
          (error: unknown) => ({ error }),
        );
        await t.sleep(gapMs);
        const second = await t.http.post(request.path, body, { idempotencyKey: key });
        const first = await held;
        if ('error' in first) throw first.error;
        // Both answered alike: one was the replay of the other, so they did not overlap at the target; that shows
        // nothing of the in-flight rule either way.
        const heldThere = first.response.durationMs >= holdMs / 2; // an answer at once: the control is not offered (judged below)
        const overlapped = !heldThere || !(isSuccess(second) && second.status === first.response.status && sameJson(second.json, first.response.json));
        if (!overlapped && !last) continue;
        t.precondition(overlapped, M.noOverlap({ status: second.status }));
        judgeInFlight(t, request, first.response, second);
        return;
      }
    },
  }),
  /** The held request and the one sent while it was held: a 409 for the second, unless nothing was held at all. */
  defineCheck({
    id: 'idempotency/expiry-published',
    requirements: ['ECDX-IDM-006'],
    title: 'The claim publishes an idempotency-key expiry of at least a day',
    description: 'Reads `idempotencyKeyExpirySeconds` from the conformance claim as served and expects an integer of at least ' + '86400 (seconds: 24 hours).',
    async run(t) {
      const raw = t.rawClaim;
      t.precondition(raw !== null && typeof raw === 'object', W.claimUnreadable());
      const value = (raw as { idempotencyKeyExpirySeconds?: unknown }).idempotencyKeyExpirySeconds;
      t.assert(
        Number.isInteger(value) && (value as number) >= MIN_EXPIRY_SECONDS,
        M.expiryPublished({ value: String(JSON.stringify(value)), min: MIN_EXPIRY_SECONDS }),
        { pointer: '/idempotencyKeyExpirySeconds' },
      );
    },
  }),
  defineCheck({
    id: 'idempotency/kept-for-published-expiry',
    requirements: ['ECDX-IDM-006'],
    needs: ['clock'],
    title: 'An Idempotency-Key is honoured until the published expiry',
    description:
      "Sends the role's creating request and repeats it once the clock has moved 2 s (it must be replayed), moves the target's clock " +
      "to 10 minutes before the claim's `idempotencyKeyExpirySeconds` has passed (at most 30 days), and repeats " +
      'it again; expects the original status and body.',
    async run(t) {
      t.requireTestMode();
      const claim = t.need(t.claim, W.claimUnreadable());
      const request = creatingRequest(t, ['incident', 'notice']);
      const key = newIdempotencyKey();
      const first = await original(t, request, key);
      // The check moves the clock anyway: two seconds on it date a second processing later, as waiting would.
      await t.advanceClock(2 * SECOND);
      const immediate = await t.http.post(request.path, request.body, { idempotencyKey: key });
      t.precondition(immediate.status === first.status && sameJson(immediate.json, first.json), M.noImmediateReplay({ request: request.label }));
      const advance = Math.min(claim.idempotencyKeyExpirySeconds, MAX_ADVANCE_SECONDS) - 600;
      await t.advanceClock(advance * SECOND);
      const repeat = await t.http.post(request.path, request.body, { idempotencyKey: key });
      expectReplay(
        t,
        first,
        repeat,
        M.repeatedLater({ request: request.label, hours: Math.round(advance / 360) / 10, seconds: claim.idempotencyKeyExpirySeconds }),
      );
    },
  }),
  defineCheck({
    id: 'idempotency/scoped-per-client',
    requirements: ['ECDX-IDM-007'],
    title: 'The same Idempotency-Key from two clients names two requests',
    description:
      "Sends the role's creating request under a key, then another one under the same key signed by a second " +
      'key of the same counterparty (another keyid); expects the second to be processed on its own (2xx), not ' +
      "refused as a reuse or answered with the first client's response.",
    async run(t) {
      const second = t.need(t.secondKey, M.noSecondKey({ role: roleName(t.role === 'carrier' ? 'platform' : 'carrier') }));
      const request = creatingRequest(t, ['incident', 'notice']);
      const key = newIdempotencyKey();
      const first = await original(t, request, key);
      const other = await t.http.post(request.path, request.fresh(), { idempotencyKey: key, sign: second });
      t.precondition(other.status !== 401, M.secondKeyRefused({ keyid: second.keyid }));
      t.assert(isSuccess(other), M.secondClientNewRequest({ request: request.label, keyid: second.keyid, status: other.status }));
      t.assert(!sameJson(other.json, first.json), M.ownAnswer());
    },
  }),
  defineCheck({
    id: 'idempotency/refused-request-keeps-key',
    requirements: ['ECDX-IDM-008'],
    title: 'A request refused with 401 does not use up its Idempotency-Key',
    description:
      "Sends the role's creating request with the harness's own key but a signature that expired 5 minutes ago " +
      '(refused with 401), then the same request under the same Idempotency-Key signed now; expects it to be ' +
      'processed (2xx), not answered with the stored 401 or a conflict.',
    async run(t) {
      const request = creatingRequest(t);
      const probe = await t.http.get(probePath(t));
      t.precondition(probe.status !== 401, M.keyNotAccepted());
      const key = newIdempotencyKey();
      const stale = await t.http.post(request.path, request.body, { idempotencyKey: key, signAt: t.targetNow() - 600_000 });
      t.precondition(stale.status === 401, M.staleNot401({ request: request.label, status: stale.status }));
      const retried = await t.http.post(request.path, request.body, { idempotencyKey: key });
      t.assert(isSuccess(retried), M.retriedProcessed({ request: request.label, status: retried.status }));
    },
  }),
  ...notCreatingChecks,
];
