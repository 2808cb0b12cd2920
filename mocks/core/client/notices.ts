// The notice actions: `issue-notice` plans an interruption and does what ECDX asks first — a notice with at least the
// minimum lead time and severity for its reason (ECDX-NTC-002), and the issuer's own copy, held for the recipient to
// read and answer (ECDX-NTC-018); `respond-to-notice` answers a notice the counterparty issued, posting the response
// to the issuer's copy and recording it in the mock's own. Every rule comes from schemas/notice-rules.ts.
import { randomUUID } from 'node:crypto';
import { addSeconds, effectiveSeverity, minimumLeadTimeSeconds, minimumSeverity, obligations, severityRank } from '../../../schemas/notice-rules.ts';
import type { DataFeed, InterruptionNotice, InterruptionNoticeRequest, InterruptionReason, NoticeResponse, PartyRole } from '../../../schemas/src/index.ts';
import { HOUR, SECOND, wholeSecond } from '../../../schemas/time.ts';
import { holdIssuedNotice, recordOwnResponse } from '../operations/notices.ts';
import { timestampAt } from '../operations/discovery.ts';
import { claimedParty, ownParty } from './parties.ts';
import { ActionFailed, type ClientSession, expectStatus } from './session.ts';

/** What each side interrupts: the feeds it sends. */
const FEEDS_OF: Record<PartyRole, DataFeed[]> = { platform: ['SHIPPING_DATA'], carrier: ['PARCEL_DATA_PUSH', 'PARCEL_DATA_PULL'] };
/** Past the minimum lead time by this much, so that a notice a second late in transit is still on time. */
const LEAD_MARGIN_SECONDS = HOUR / SECOND;
/** How long a planned interruption lasts, where the reason has an end. */
const DURATION_SECONDS = HOUR / SECOND;
/** Few enough parcels a day that the volume alone raises no severity. */
const SHIPMENTS_PER_DAY = 100;

/** Issue a notice for `reason`; its noticeId, or undefined when the interruption-without-notice fault sends nothing. */
export async function issueNotice(session: ClientSession, reason: InterruptionReason): Promise<string | undefined> {
  // The fault: the interruption goes ahead with no notice sent, so no copy can be held either (ECDX-NTC-002 and 018).
  if (session.mock.fault('interruption-without-notice')) return undefined;
  const claim = await session.claim();
  const role = await session.role();
  const notice = noticeFor(session, reason, role, claimedParty(claim));
  const answer = await session.create('/v1/interruption-notices', notice, notice.noticeId);
  expectStatus(answer, 201, 'POST /v1/interruption-notices');
  if (!session.mock.fault('issued-notice-not-held')) {
    const copy: InterruptionNotice = {
      ...notice,
      negotiation: { state: 'ISSUED', responses: [], obligations: obligations(notice, 'ISSUED') },
      receivedAt: notice.issuedAt,
    };
    holdIssuedNotice(session.mock, copy);
  }
  return notice.noticeId;
}

function noticeFor(
  session: ClientSession,
  reason: InterruptionReason,
  role: PartyRole,
  recipient: InterruptionNoticeRequest['recipient'],
): InterruptionNoticeRequest {
  const issuedAt = timestampAt(wholeSecond(session.mock.clock.now()));
  const lead = session.mock.fault('notice-lead-time-too-short') ? HOUR / SECOND : minimumLeadTimeSeconds(reason) + LEAD_MARGIN_SECONDS;
  const plannedStart = addSeconds(issuedAt, lead);
  // The end of an agreement has no end date: the feed stops for good.
  const indefinite = reason === 'AGREEMENT_EXPIRY' || reason === 'AGREEMENT_TERMINATION';
  const period = { plannedStart, ...(indefinite ? {} : { plannedEnd: addSeconds(plannedStart, DURATION_SECONDS) }) };
  const assessed = {
    severity: 'MINOR' as const,
    estimatedShipmentsPerDay: SHIPMENTS_PER_DAY,
    affectedUsers: '平台商家与收件人',
    mitigation: '中断结束后补发全部数据',
  };
  const impact = { ...assessed, severity: minimumSeverity({ reason, ...period, impact: assessed }) };
  const disclosed = severityRank(effectiveSeverity({ reason, ...period, impact })) >= severityRank('SIGNIFICANT');
  return {
    noticeId: `ntc-${randomUUID()}`,
    issuer: ownParty(session.mock, role),
    recipient,
    affectedFeeds: FEEDS_OF[role],
    reason,
    reasonDetail: `ECDX 参考实现的测试中断(${reason})`,
    issuedAt,
    ...period,
    impact,
    ...(disclosed ? { publicDisclosure: { channels: ['WEBSITE'], plannedAt: issuedAt } } : {}),
  };
}

/** Respond to a notice the counterparty issued and the mock holds as recipient; the response's id. */
export async function respondToNotice(session: ClientSession, noticeId: string, type: 'ACKNOWLEDGE' | 'ACCEPT' | 'OBJECT'): Promise<string> {
  const claim = await session.claim();
  const response: NoticeResponse = {
    responseId: `rsp-${randomUUID()}`,
    respondent: 'RECIPIENT',
    type,
    respondedAt: timestampAt(wholeSecond(session.mock.clock.now())),
  };
  const path = `/v1/interruption-notices/${encodeURIComponent(noticeId)}/responses`;
  expectStatus(await session.create(path, response, response.responseId), 201, `POST ${path}`);
  const refused = recordOwnResponse(session.mock, noticeId, claim.role, response);
  if (refused) throw new ActionFailed(`the issuer took the response, but the mock's own copy refuses it: ${refused}`);
  return response.responseId;
}
