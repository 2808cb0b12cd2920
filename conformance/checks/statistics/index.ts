// Sharing statistics (chapter Sharing statistics; ECDX-PRV-015): the harness asks as the target's counterparty.
// Checks that need figures to count make exchanges first (kit/statistics.ts `makeExchanges`: a shipment for a
// carrier target, a push for a platform target) and ask for a window of time around them, so that what other checks
// do at the same time can only add to the figures, never make an assertion about them false.
import { MAX_STATISTICS_PERIOD_DAYS, statisticsInconsistencies, type SharingStatistics } from '../../../schemas/src/statistics.ts';
import { wholeSecond } from '../../../schemas/time.ts';
import { defineCheck } from '../../harness/check.ts';
import type { Finding, TestContext } from '../../harness/context.ts';
import { joinTexts, verbatim, type Bilingual } from '../../i18n/text.ts';
import { stringsIn } from '../../kit/json.ts';
import { expectRefusal, problemSummaryText } from '../../kit/refusals.ts';
import {
  getStatistics,
  makeExchanges,
  readStatistics,
  shortfalls,
  STATISTICS_PATH,
  statisticsPath,
  waybillLikeToken,
  type Exchanges,
} from '../../kit/statistics.ts';
import { isPersonalDatumKind, personalDatumKind } from '../../kit/shipping-data.ts';
import { DAY, HOUR, MINUTE, readTargetClock, SECOND, timestamp, utc } from '../../kit/time.ts';
import { generatedStatisticsChecks } from './generated.ts';
import { M } from './messages.ts';
import { roleName, W } from '../../i18n/words.ts';

const GET = verbatim(`GET ${STATISTICS_PATH}`);
/** ECDX-STA-005: figures include every exchange completed more than this before the request. */
const CURRENCY_MS = MINUTE;

/** A role in our words. */

/** What the harness sent, by its kind (kit/statistics.ts `secrets`); a kind not known here is shown as it is. */
/** What a secret is (kit/statistics.ts): a waybill number, or a kind of personal datum. */
const kindText = (kind: string): Bilingual =>
  kind === 'waybill number' ? M.kindWaybillNumber() : isPersonalDatumKind(kind) ? personalDatumKind(kind) : verbatim(kind);

/**
 * The target's clock as read, to the second (the period parameters are written in whole seconds): a test clock may
 * stand still while the harness's own runs on, so a period computed from the harness's estimate can begin in the
 * target's future.
 */
const nowSecond = async (t: TestContext): Promise<number> => wholeSecond(await readTargetClock(t));

/**
 * Read the figures for the window of `exchanges` until they count them, for at most 60 s (and a little) after the
 * exchanges completed: the figures may lag that long (ECDX-STA-005). Returns the last figures read.
 */
async function awaitFigures(
  t: TestContext,
  exchanges: Exchanges,
  why: Bilingual,
  sign?: TestContext['secondKey'],
): Promise<{ stats: SharingStatistics; missing: string[] }> {
  // Real time: a test clock that stands still would never let the 60 s pass.
  const deadline = Date.now() + CURRENCY_MS + 2 * SECOND;
  for (;;) {
    const stats = await readStatistics(t, exchanges.from, exchanges.to, why, sign);
    const missing = shortfalls(exchanges, stats);
    if (missing.length === 0 || Date.now() >= deadline) return { stats, missing };
    await t.sleep(Math.min(5 * SECOND, Math.max(100, deadline - Date.now())));
  }
}

export const statisticsChecks = [
  defineCheck({
    id: 'statistics/served-for-period',
    requirements: ['ECDX-STA-001'],
    title: 'A valid period is answered 200 with SharingStatistics for exactly that period and the requester',
    description:
      'Asks for the last day up to an hour ahead, `from` written in UTC and `to` in +08:00, and expects 200 with a ' +
      'valid `SharingStatistics` whose `period` denotes the same two instants and whose `role` and `party` are the ' +
      "target's role. A `counterparty`, which the schema leaves optional, must be of the harness's role when given " +
      '(whether the figures cover only the requester is `statistics/scoped-to-requester`).',
    async run(t) {
      const now = await nowSecond(t);
      const from = utc(now - DAY);
      const to = timestamp(now + HOUR);
      const response = await getStatistics(t, from, to);
      t.expectStatus(response, 200, M.requestFor({ request: GET, subject: M.aValidPeriod() }));
      const stats = t.expectSchema<SharingStatistics>(response, 'SharingStatistics', GET);
      t.assert(Date.parse(stats.period.from) === Date.parse(from), M.periodFrom({ requested: from, got: String(stats.period.from) }), {
        pointer: '/period/from',
      });
      t.assert(Date.parse(stats.period.to) === Date.parse(to), M.periodTo({ requested: to, got: String(stats.period.to) }), {
        pointer: '/period/to',
      });
      t.assert(
        stats.role === t.role && stats.party.role === t.role,
        M.reportingParty({ role: roleName(t.role), reported: String(stats.role), partyRole: String(stats.party.role) }),
        { pointer: '/role' },
      );
      const requester = t.role === 'carrier' ? 'platform' : 'carrier';
      if (stats.counterparty !== undefined)
        t.assert(stats.counterparty.role === requester, M.counterpartyRole({ requester: roleName(requester), got: String(stats.counterparty.role) }), {
          pointer: '/counterparty',
        });
    },
  }),
  defineCheck({
    id: 'statistics/scoped-to-requester',
    requirements: ['ECDX-STA-001'],
    title: "Statistics count only the requesting client's exchanges",
    description:
      "Makes exchanges as the harness's first client — three shipments for a carrier target, a push of two events " +
      'for a platform target —, waits until the statistics for a window around them count them (at most 60 s), and ' +
      "asks for the same window signed with the harness's second key: another client of the target, which made " +
      "none of them. Its figures must not reach the first client's counts.",
    async run(t) {
      const second = t.need(t.secondKey, M.noSecondKey());
      const exchanges = await makeExchanges(t, { shipments: 3 });
      const own = await awaitFigures(t, exchanges, M.firstClientFigures());
      t.precondition(own.missing.length === 0, M.ownFiguresNeverCounted({ missing: joinTexts(own.missing) }));
      const other = await getStatistics(t, exchanges.from, exchanges.to, second);
      t.precondition(other.status !== 401, M.secondKeyRefused({ keyid: second.keyid }));
      t.expectStatus(other, 200, M.signedWithSecondKey({ request: GET, keyid: second.keyid }));
      const stats = t.expectSchema<SharingStatistics>(other, 'SharingStatistics', M.signedWith({ request: GET, keyid: second.keyid }));
      for (const figure of exchanges.expected) {
        const counted = figure.count(stats);
        t.assert(
          counted < figure.atLeast,
          M.otherClientCount({
            keyid: second.keyid,
            label: figure.label,
            counted,
            more: counted >= figure.atLeast ? M.asManyAsFirst({ atLeast: figure.atLeast }) : '',
          }),
          { pointer: `/${figure.label.replace('.', '/')}` },
        );
      }
    },
  }),
  defineCheck({
    id: 'statistics/period-validated',
    requirements: ['ECDX-STA-002'],
    title: 'A missing, malformed, empty, reversed, future or over-long period is refused with 422',
    description:
      'Leaves out `from`, then `to`, sends `from` as a bare date and `to` without a UTC offset, and expects 422 ' +
      '`validation-failed` naming the parameter (`/from`, `/to`) in `invalidParams`. Then sends `to` equal to ' +
      '`from`, `to` before `from`, a period beginning an hour from now, and one of 366 days and a second, and ' +
      'expects 422 `statistics-period-invalid`; a period of exactly 366 days is answered 200.',
    async run(t) {
      const now = await nowSecond(t);
      const from = timestamp(now - DAY);
      const to = timestamp(now - HOUR);
      const malformed: [string | undefined, string | undefined, 'from' | 'to', Bilingual][] = [
        [undefined, to, 'from', M.withoutParam({ name: 'from' })],
        [from, undefined, 'to', M.withoutParam({ name: 'to' })],
        [from.slice(0, 10), to, 'from', M.dateNotDateTime({ value: from.slice(0, 10) })],
        [from, to.slice(0, 19), 'to', M.noUtcOffset({ value: to.slice(0, 19) })],
      ];
      for (const [f, tt, name, what] of malformed) {
        const response = await t.http.get(statisticsPath(f, tt));
        const request = M.requestWhat({ request: GET, what });
        expectRefusal(t, response, 422, 'validation-failed', { what: request });
        const params = (response.json as { invalidParams?: unknown }).invalidParams;
        if (!Array.isArray(params)) t.fail(M.noInvalidParams({ request }), { requirementId: 'ECDX-ERR-003' });
        const named = (params as { name?: unknown; in?: unknown }[]).find((p) => p?.name === `/${name}`);
        const names = (params as { name?: unknown }[]).map((p) => String(p?.name)).join(', ');
        t.assert(named !== undefined, M.invalidParamsNames({ request, name, names: names || M.nothing() }));
        t.assert(named?.in === 'query', M.invalidParamIn({ request, name, got: String(named?.in) }), {
          requirementId: 'ECDX-ERR-003',
        });
      }
      const year = MAX_STATISTICS_PERIOD_DAYS * DAY;
      const invalid: [string, string, Bilingual][] = [
        [from, from, M.toEqualsFrom()],
        [to, from, M.toBeforeFrom()],
        [timestamp(now + HOUR), timestamp(now + 2 * HOUR), M.fromInFuture()],
        [from, timestamp(now - DAY + year + SECOND), M.periodTooLong({ days: MAX_STATISTICS_PERIOD_DAYS })],
      ];
      for (const [f, tt, what] of invalid) {
        const response = await getStatistics(t, f, tt);
        expectRefusal(t, response, 422, 'statistics-period-invalid', { what: W.requestWith({ request: GET, what }) });
      }
      const longest = await getStatistics(t, from, timestamp(now - DAY + year));
      t.assert(
        longest.status === 200,
        M.answered200({
          request: M.requestFor({ request: GET, subject: M.exactPeriod({ days: MAX_STATISTICS_PERIOD_DAYS }) }),
          status: longest.status,
          problem: problemSummaryText(longest),
        }),
      );
    },
  }),
  defineCheck({
    id: 'statistics/no-personal-data',
    requirements: ['ECDX-STA-003', 'ECDX-PRV-015'],
    class: 'statistics',
    title: 'Statistics carry counts and codes only: no personal data, no waybill number',
    description:
      'Makes an exchange first (a shipment with names, telephone numbers and an address, or a push), then reads the ' +
      'statistics for a window around it and expects a valid `SharingStatistics` (closed at every level, so no ' +
      'member can hold a list of parcels), no unmasked mobile or identity number anywhere, none of the names, ' +
      'numbers, address details or waybill numbers the harness sent, and no token that reads like a waybill number ' +
      '(8–32 capitals and digits with at least six digits) in any text member.',
    async run(t) {
      const exchanges = await makeExchanges(t);
      const response = await getStatistics(t, exchanges.from, exchanges.to);
      t.expectStatus(response, 200, M.requestFor({ request: GET, subject: M.windowOfExchange() }));
      const stats = t.expectSchema<SharingStatistics>(response, 'SharingStatistics', GET);
      t.expectNoLeaks(stats, GET);
      const texts = stringsIn(stats);
      const findings: Finding[] = [];
      for (const secret of exchanges.secrets.filter((s) => s.value.length >= 2)) {
        const found = texts.find((text) => text.text.includes(secret.value));
        if (found) findings.push({ message: M.repeatsSecret({ kind: kindText(secret.kind), pointer: found.pointer }), pointer: found.pointer });
      }
      for (const { pointer, text } of texts) {
        const token = waybillLikeToken(text);
        if (token !== undefined) findings.push({ message: M.waybillLike({ pointer, token }), pointer });
      }
      t.expectNone(findings, M.textsScanned({ n: texts.length }));
    },
  }),
  defineCheck({
    id: 'statistics/figures-consistent',
    requirements: ['ECDX-STA-004'],
    title: 'The figures add up',
    description:
      'Makes exchanges first (an accepted and a refused shipment, or a push), then reads the statistics for a window ' +
      'around them and for the last day, and checks the arithmetic with `statisticsInconsistencies` ' +
      '(`schemas/src/statistics.ts`): accepted + rejected = received, the rejections by reason add up, the events by ' +
      'node add up, a median latency exactly when a push was delivered, interruption minutes within the period.',
    async run(t) {
      const exchanges = await makeExchanges(t, { rejected: true });
      const now = await nowSecond(t);
      const windows: [string, string, Bilingual][] = [
        [exchanges.from, exchanges.to, M.windowOfExchanges()],
        [timestamp(now - DAY), timestamp(now + MINUTE), M.lastDay()],
      ];
      for (const [from, to, subject] of windows) {
        const response = await getStatistics(t, from, to);
        const request = M.requestFor({ request: GET, subject });
        t.expectStatus(response, 200, request);
        const stats = t.expectSchema<SharingStatistics>(response, 'SharingStatistics', request);
        const findings = statisticsInconsistencies(stats).map((f) => ({
          message: M.inconsistency({ request, detail: { en: f.detail, 'zh-Hans': f.detailZh } }),
          pointer: f.pointer,
        }));
        t.expectNone(findings, M.figuresConsistent({ subject }));
      }
    },
  }),
  defineCheck({
    id: 'statistics/figures-current',
    requirements: ['ECDX-STA-005'],
    title: 'The figures include an exchange within 60 seconds',
    description:
      'Makes exchanges (a shipment, or a push of two events), then reads the statistics for a window around them ' +
      'until they count them, for at most 60 seconds after the exchanges completed; a warning if they still do not.',
    async run(t) {
      const exchanges = await makeExchanges(t);
      const { missing } = await awaitFigures(t, exchanges, M.windowOfExchanges());
      t.assert(missing.length === 0, missing.length === 0 ? M.figuresCount() : M.stillShort({ missing: joinTexts(missing) }));
    },
  }),
  defineCheck({
    id: 'statistics/past-year-answered',
    requirements: ['ECDX-STA-006'],
    title: 'A period beginning within the last 366 days is answered',
    description:
      `Asks for a day beginning ${MAX_STATISTICS_PERIOD_DAYS} days less five minutes ago, and for a period of ` +
      `${MAX_STATISTICS_PERIOD_DAYS} days from the same instant, and expects 200 with a valid \`SharingStatistics\` ` +
      'for each: the figures must be kept that long. (That they are kept, not merely answered, cannot be seen from ' +
      'outside within a test run.)',
    async run(t) {
      const from = (await nowSecond(t)) - MAX_STATISTICS_PERIOD_DAYS * DAY + 5 * MINUTE;
      const spans: [number, Bilingual][] = [
        [from + DAY, M.aDay()],
        [from + MAX_STATISTICS_PERIOD_DAYS * DAY, M.nDays({ days: MAX_STATISTICS_PERIOD_DAYS })],
      ];
      for (const [to, span] of spans) {
        const response = await getStatistics(t, timestamp(from), timestamp(to));
        const request = M.requestFor({ request: GET, subject: M.spanFrom({ span, from: timestamp(from) }) });
        t.assert(response.status === 200, M.answered200({ request, status: response.status, problem: problemSummaryText(response) }));
        t.expectSchema(response, 'SharingStatistics', request);
      }
    },
  }),
  ...generatedStatisticsChecks,
];
