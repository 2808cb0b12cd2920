// Interruption notices (OP-07): the advance notice a party sends before it interrupts a data feed, and the
// negotiation that follows. The rules that decide whether a notice is acceptable (lead times, minimum severity,
// disclosure and reporting duties, the negotiation state machine) are in schemas/notice-rules.ts; the schemas
// here fix the shape only.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Count, ObjectId, ref, schemaId, StringEnum, Timestamp } from './common.ts';
import { DataFeed, ExchangeParty } from './discovery.ts';

export const InterruptionReason = StringEnum(
  ['AGREEMENT_EXPIRY', 'AGREEMENT_TERMINATION', 'PLANNED_MAINTENANCE', 'SYSTEM_CHANGE', 'SECURITY_INCIDENT', 'LEGAL_REQUIREMENT', 'OTHER'] as const,
  {
    $id: schemaId('InterruptionReason'),
    title: 'InterruptionReason',
    description:
      'Why a feed is interrupted. The reason sets the minimum notice lead time: the expiry (约定期满) or ' +
      'termination of the agreement 30 days, planned maintenance 72 hours, a system change or another reason ' +
      '7 days; a security incident or a legal requirement none, since neither can wait.',
    examples: ['PLANNED_MAINTENANCE', 'AGREEMENT_EXPIRY'],
  },
);
export type InterruptionReason = Static<typeof InterruptionReason>;

export const IMPACT_SEVERITIES = ['MINOR', 'SIGNIFICANT', 'SERIOUS'] as const;
export const ImpactSeverity = StringEnum(IMPACT_SEVERITIES, {
  description:
    "How badly users may be affected. `SERIOUS` is the policy's 重大影响: it is what, together with a failed " +
    'negotiation, obliges the parties to report to the authorities. The minimum a notice must declare follows ' +
    'from its reason, duration and volume.',
});
export type ImpactSeverity = Static<typeof ImpactSeverity>;

export const NegotiationState = StringEnum(['ISSUED', 'ACKNOWLEDGED', 'PROPOSED', 'AGREED', 'DISPUTED', 'WITHDRAWN'] as const, {
  $id: schemaId('NegotiationState'),
  title: 'NegotiationState',
  description:
    'Where the negotiation over a notice stands (OP-07 充分协商). `ISSUED` until the recipient acknowledges; ' +
    '`PROPOSED` while a proposal for other dates awaits an answer; `AGREED` once the recipient accepts the notice ' +
    "or either party accepts the other's proposal; `DISPUTED` once an objection stands; `WITHDRAWN` (terminal) " +
    'once the issuer withdraws the notice.',
  examples: ['ISSUED', 'DISPUTED'],
});
export type NegotiationState = Static<typeof NegotiationState>;

export const PublicDisclosure = Type.Object(
  {
    channels: Type.Array(StringEnum(['WEBSITE', 'APP', 'MERCHANT_BACKEND', 'SMS', 'OTHER'] as const), {
      description: 'Where users, merchants on the platform and other affected parties are told (OP-07 公示).',
      minItems: 1,
      uniqueItems: true,
      maxItems: 5,
    }),
    plannedAt: ref(Timestamp, { description: 'When the disclosure is (or was) published.' }),
    url: Type.Optional(Type.String({ description: 'Where the public announcement can be read.', format: 'uri', pattern: '^https://', maxLength: 2048 })),
  },
  {
    $id: schemaId('PublicDisclosure'),
    title: 'PublicDisclosure',
    description:
      'The public disclosure of an interruption: channels, time and, once published, where to read it. Planned in ' +
      'the notice, confirmed by a `DISCLOSED` response.',
    ...Closed,
    examples: [{ channels: ['WEBSITE', 'MERCHANT_BACKEND'], plannedAt: '2026-03-02T10:00:00+08:00', url: 'https://example.com/notices/2026-03' }],
  },
);
export type PublicDisclosure = Static<typeof PublicDisclosure>;

export const AuthorityReport = Type.Object(
  {
    authorities: Type.Array(StringEnum(['COMMERCE', 'POSTAL'] as const), {
      description: 'The authorities reported to: the commerce authority (商务主管部门) and the postal administration (邮政管理部门).',
      minItems: 1,
      uniqueItems: true,
      maxItems: 2,
    }),
    reportedAt: ref(Timestamp),
    reference: Type.String({ description: "The reference the authority gave, or the sender's own filing number.", minLength: 1, maxLength: 100 }),
  },
  {
    $id: schemaId('AuthorityReport'),
    title: 'AuthorityReport',
    description:
      'A report of an interruption to the authorities (OP-07 事先报告), required before the interruption starts when ' +
      'the parties cannot agree and users may be seriously affected. Reports to the two authorities may be made ' +
      'separately; the duty is met when both are recorded.',
    ...Closed,
    examples: [{ authorities: ['COMMERCE', 'POSTAL'], reportedAt: '2026-03-05T16:00:00+08:00', reference: '邮管〔2026〕0301号' }],
  },
);
export type AuthorityReport = Static<typeof AuthorityReport>;

// ---------------------------------------------------------------------------------------------------------
// Responses. One closed shape per kind of response, so that the member a type needs (a proposal, a report, a
// disclosure) is required for it and forbidden for every other type — expressed as `anyOf`, which every JSON
// Schema validator reads alike, rather than `if`/`then`.

const Respondent = StringEnum(['ISSUER', 'RECIPIENT'] as const, { description: 'Which side of the notice gives the response.' });

const responseBase = {
  responseId: ref(ObjectId, { description: 'Chosen by the respondent; unique within the notice.' }),
  respondent: Respondent,
  respondedAt: ref(Timestamp),
  comment: Type.Optional(Type.String({ description: 'Free text for the other party. No personal data.', minLength: 1, maxLength: 1000 })),
};

export const Proposal = Type.Object(
  {
    plannedStart: ref(Timestamp),
    plannedEnd: Type.Optional(ref(Timestamp, { description: 'Absent: the interruption is proposed to last indefinitely.' })),
  },
  { ...Closed, description: 'Other dates for the interruption, proposed by either party.' },
);
export type Proposal = Static<typeof Proposal>;

export const NoticeResponse = Type.Union(
  [
    Type.Object({ ...responseBase, type: StringEnum(['ACKNOWLEDGE', 'ACCEPT', 'OBJECT', 'WITHDRAW'] as const) }, Closed),
    Type.Object({ ...responseBase, type: Type.Literal('PROPOSE'), proposal: Proposal }, Closed),
    Type.Object({ ...responseBase, type: Type.Literal('AUTHORITY_REPORTED'), authorityReport: ref(AuthorityReport) }, Closed),
    Type.Object({ ...responseBase, type: Type.Literal('DISCLOSED'), disclosure: ref(PublicDisclosure) }, Closed),
  ],
  {
    $id: schemaId('NoticeResponse'),
    title: 'NoticeResponse',
    description:
      "One step of the negotiation over a notice, posted to the other party's copy of the notice " +
      '(POST /v1/interruption-notices/{noticeId}/responses). `ACKNOWLEDGE` (recipient: notice received), `ACCEPT` ' +
      "and `OBJECT` (to the notice, or to the other party's proposal), `PROPOSE` (other dates; carries " +
      '`proposal`), `WITHDRAW` (issuer only), `AUTHORITY_REPORTED` (carries `authorityReport`) and `DISCLOSED` ' +
      '(carries `disclosure`) record that a duty has been met.',
    // The first example is the issuer's, as the recipient's copy (the one a carrier or platform serves) takes it.
    examples: [
      { responseId: 'rsp-0003', respondent: 'ISSUER', type: 'WITHDRAW', respondedAt: '2026-03-01T10:05:00+08:00', comment: '维护计划取消' },
      { responseId: 'rsp-0001', respondent: 'RECIPIENT', type: 'ACKNOWLEDGE', respondedAt: '2026-03-01T10:05:00+08:00' },
      {
        responseId: 'rsp-0002',
        respondent: 'RECIPIENT',
        type: 'PROPOSE',
        respondedAt: '2026-03-01T11:00:00+08:00',
        comment: '周末促销期间请推迟维护',
        proposal: { plannedStart: '2026-03-08T01:00:00+08:00', plannedEnd: '2026-03-08T05:00:00+08:00' },
      },
    ],
  },
);
export type NoticeResponse = Static<typeof NoticeResponse>;
export type Respondent = NoticeResponse['respondent'];
export type NoticeResponseType = NoticeResponse['type'];

// ---------------------------------------------------------------------------------------------------------
// The notice

const noticeProperties = {
  noticeId: ref(ObjectId, { description: 'Chosen by the issuer; the two copies of a notice share it.' }),
  issuer: ref(ExchangeParty, { description: 'The party that will interrupt the feed.' }),
  recipient: ref(ExchangeParty, { description: 'The counterparty whose feed is interrupted.' }),
  affectedFeeds: Type.Array(ref(DataFeed), { description: 'The feeds to be interrupted.', minItems: 1, uniqueItems: true, maxItems: DataFeed.enum.length }),
  reason: ref(InterruptionReason),
  reasonDetail: Type.String({ description: 'The reason in words, for the people who negotiate.', minLength: 1, maxLength: 1000 }),
  issuedAt: ref(Timestamp, { description: 'When the issuer sent the notice; the lead time runs from here.' }),
  plannedStart: ref(Timestamp, { description: 'When the interruption starts.' }),
  plannedEnd: Type.Optional(ref(Timestamp, { description: 'When the feed resumes. Absent: indefinitely (as on the expiry of the agreement).' })),
  impact: Type.Object(
    {
      severity: ImpactSeverity,
      estimatedShipmentsPerDay: Count({ description: 'Parcels per day whose data the interruption affects, estimated.' }),
      affectedUsers: Type.String({ description: 'Who is affected, described (merchants, senders, recipients, regions).', minLength: 1, maxLength: 500 }),
      mitigation: Type.String({ description: 'What the issuer does to limit the harm (fallback channel, manual process …).', minLength: 1, maxLength: 1000 }),
    },
    { ...Closed, description: "The issuer's assessment of the impact on users (OP-06 risk assessment)." },
  ),
  publicDisclosure: Type.Optional(ref(PublicDisclosure, { description: 'The planned public disclosure; required for SIGNIFICANT and SERIOUS notices.' })),
  authorityReport: Type.Optional(ref(AuthorityReport, { description: 'A report already made to the authorities, if any.' })),
};

const noticeExample = {
  noticeId: 'ntc-20260301-01',
  issuer: { name: 'ECDX 示例快递有限公司', role: 'carrier', carrierCode: 'ECDXDEMO' },
  recipient: { name: '示例电商平台有限公司', role: 'platform' },
  affectedFeeds: ['PARCEL_DATA_PUSH', 'PARCEL_DATA_PULL'],
  reason: 'PLANNED_MAINTENANCE',
  reasonDetail: '轨迹推送集群数据库升级',
  issuedAt: '2026-03-01T10:00:00+08:00',
  plannedStart: '2026-03-05T01:00:00+08:00',
  plannedEnd: '2026-03-05T04:00:00+08:00',
  impact: {
    severity: 'SIGNIFICANT',
    estimatedShipmentsPerDay: 2500,
    affectedUsers: '平台商家查询轨迹延迟,收件人物流详情暂不更新',
    mitigation: '维护结束后补推全部轨迹;期间可通过官网查询',
  },
  publicDisclosure: { channels: ['MERCHANT_BACKEND'], plannedAt: '2026-03-02T10:00:00+08:00' },
};

export const InterruptionNoticeRequest = Type.Object(noticeProperties, {
  $id: schemaId('InterruptionNoticeRequest'),
  title: 'InterruptionNoticeRequest',
  description:
    'An advance notice that the issuer will interrupt one or more data feeds (OP-07 提前通知), as posted to the ' +
    'recipient (POST /v1/interruption-notices). It states the reason, the planned period, the impact assessment ' +
    'and, where required, the planned public disclosure. The recipient refuses a notice that is too late for its ' +
    'reason, understates its severity or omits a required disclosure.',
  ...Closed,
  examples: [noticeExample],
});
export type InterruptionNoticeRequest = Static<typeof InterruptionNoticeRequest>;

export const NoticeObligations = Type.Object(
  {
    publicDisclosureRequired: Type.Boolean(),
    publicDisclosureDueBy: Type.Optional(ref(Timestamp, { description: 'Present when a disclosure is required.' })),
    authorityReportRequired: Type.Boolean({ description: 'True while the notice is SERIOUS and the negotiation DISPUTED.' }),
    authorityReportDueBy: Type.Optional(ref(Timestamp, { description: 'Present when a report is required.' })),
  },
  { ...Closed, description: 'The duties the notice and its negotiation state impose, as the holder of the copy computes them.' },
);
export type NoticeObligations = Static<typeof NoticeObligations>;

export const InterruptionNotice = Type.Object(
  {
    ...noticeProperties,
    negotiation: Type.Object(
      {
        state: ref(NegotiationState),
        responses: Type.Array(ref(NoticeResponse), { description: 'Every response of either party, in the order received.', maxItems: 500 }),
        obligations: NoticeObligations,
      },
      { ...Closed, description: 'The negotiation as it stands.' },
    ),
    receivedAt: ref(Timestamp, { description: 'When the holder of this copy received the notice.' }),
  },
  {
    $id: schemaId('InterruptionNotice'),
    title: 'InterruptionNotice',
    description:
      'An interruption notice as held by a party (GET /v1/interruption-notices/{noticeId}): the notice as issued, ' +
      'the negotiation state with every response, and the resulting disclosure and reporting duties. Each party ' +
      "holds a copy; a response is posted to the other party's copy and recorded in one's own.",
    ...Closed,
    examples: [
      {
        ...noticeExample,
        negotiation: {
          state: 'ACKNOWLEDGED',
          responses: [{ responseId: 'rsp-0001', respondent: 'RECIPIENT', type: 'ACKNOWLEDGE', respondedAt: '2026-03-01T10:05:00+08:00' }],
          obligations: { publicDisclosureRequired: true, publicDisclosureDueBy: '2026-03-05T01:00:00+08:00', authorityReportRequired: false },
        },
        receivedAt: '2026-03-01T10:00:01+08:00',
      },
    ],
  },
);
export type InterruptionNotice = Static<typeof InterruptionNotice>;
