// The monitor's own catalogue (decision 0064): every text report.html writes itself, and the reasons of the
// verdicts, by a stable key, in English and Simplified Chinese. What the report holds — ids, URLs, feed and reason
// names, times, the target's and the probes' own words — is not here: it is shown as it is. The English forms are
// the page's and the verdicts' wording as it was before the catalogue, so an English report reads as before.
// `{name}` is a parameter, `{n:one|other}` an English plural (conformance/i18n/index.ts, formatMessage);
// messages.test.ts fails when a key lacks a language, a Chinese text has no Chinese in it, or the two use different
// parameters. The Chinese uses the glossary's terms (spec/glossary.yaml) and the monitoring guide's wording.
import { formatMessage, type Language, type MessageParams } from '../conformance/i18n/index.ts';

export const MONITOR_MESSAGES = {
  // --- the verdicts' reasons (verdict.ts): a violation carries both, `detail` and `detailZh` ---
  'verdict.lateAfterStart': {
    en: 'notice {noticeId} ({reason}) arrived {late} after the interruption began; it may follow by at most {allowance}',
    'zh-Hans': '通知 {noticeId}（{reason}）在数据中断开始 {late}后才到达；它最多只能晚于数据中断开始 {allowance}',
  },
  'verdict.leadTooShort': {
    en: 'notice {noticeId} arrived {lead} before its planned start; {reason} needs {required}',
    'zh-Hans': '通知 {noticeId} 在其计划开始时间前 {lead}才到达；{reason} 的最短提前期为 {required}',
  },
  'verdict.severityUnderstated': {
    en: 'notice {noticeId} declares {severity}; its reason, duration and volume make it at least {minimum}',
    'zh-Hans': '通知 {noticeId} 申报的严重程度为 {severity}；按其理由、时长和数据量，应至少为 {minimum}',
  },
  'verdict.noDisclosure': {
    en: 'no public disclosure of notice {noticeId} was recorded (DISCLOSED) by its deadline {due}',
    'zh-Hans': '截至期限 {due}，未记录到通知 {noticeId} 的公开披露（DISCLOSED）',
  },
  'verdict.noAuthorityReport': {
    en: 'notice {noticeId} is SERIOUS and DISPUTED, and no report to both authorities was recorded (AUTHORITY_REPORTED) by {deadline}',
    'zh-Hans': '通知 {noticeId} 为 SERIOUS 且处于 DISPUTED，截至 {deadline} 未记录到向商务主管部门和邮政管理部门的事先报告（AUTHORITY_REPORTED）',
  },
  'verdict.outlasted': {
    en: 'the interruption lasted {over} past the planned end of notice {noticeId}',
    'zh-Hans': '数据中断在通知 {noticeId} 的计划结束时间之后又持续了 {over}',
  },
  'verdict.beforeStart': {
    en: 'the {feed} feed was interrupted {early} before the planned start of notice {noticeId}',
    'zh-Hans': '数据流 {feed} 在通知 {noticeId} 的计划开始时间前 {early}即已中断',
  },
  'verdict.uncovered': {
    en: 'the {feed} feed was interrupted and no interruption notice received covers it',
    'zh-Hans': '数据流 {feed} 发生数据中断，而收到的中断通知均未涵盖它',
  },
  'verdict.noNotice': {
    en: 'no interruption notice for {feed} reached the monitor before the interruption',
    'zh-Hans': '数据中断前，监测进程未收到关于 {feed} 的中断通知',
  },
  // --- durations (roughDuration) and units ---
  'duration.days': { en: '{n} d', 'zh-Hans': '{n} 天' },
  'duration.hours': { en: '{n} h', 'zh-Hans': '{n} 小时' },
  'duration.minutes': { en: '{n} min', 'zh-Hans': '{n} 分钟' },
  'duration.seconds': { en: '{n} s', 'zh-Hans': '{n} 秒' },
  'unit.ms': { en: '{n} ms', 'zh-Hans': '{n} 毫秒' },
  // --- the words of the report's values ---
  'compliance.compliant': { en: 'compliant', 'zh-Hans': '合规' },
  'compliance.non-compliant': { en: 'non-compliant', 'zh-Hans': '不合规' },
  'compliance.pending': { en: 'pending', 'zh-Hans': '待定' },
  'count.compliance': { en: '{n} {compliance}', 'zh-Hans': '{compliance} {n} 次' },
  'role.carrier': { en: 'carrier', 'zh-Hans': '快递企业' },
  'role.platform': { en: 'platform', 'zh-Hans': '平台' },
  'cause.probes-failed': { en: 'probes-failed', 'zh-Hans': '探测连续失败' },
  'cause.push-gap': { en: 'push-gap', 'zh-Hans': '推送间隔超时' },
  'state.up': { en: 'up', 'zh-Hans': '可用' },
  'state.down': { en: 'down', 'zh-Hans': '不可用' },
  'state.unmeasured': { en: 'unmeasured', 'zh-Hans': '未测量' },
  'word.none': { en: 'none', 'zh-Hans': '无' },
  'word.no': { en: 'no', 'zh-Hans': '无' },
  'time.unknown': { en: 'unknown time', 'zh-Hans': '未知时间' },
  'requirement.tooltip': { en: '{level}: {text}', 'zh-Hans': '{level}：{text}' },
  'party.withCode': { en: '{name} ({code})', 'zh-Hans': '{name}（{code}）' },
  'party.unread': { en: 'claim not read', 'zh-Hans': '未能读取一致性声明' },
  // --- the page's header and footer ---
  'report.title': { en: 'ECDX monitor report', 'zh-Hans': 'ECDX 监测报告' },
  'header.generator': { en: 'Generator', 'zh-Hans': '生成程序' },
  'header.generated': { en: 'Generated', 'zh-Hans': '生成时间' },
  'header.since': { en: 'Monitoring since', 'zh-Hans': '监测开始时间' },
  'header.interruptions': { en: 'Interruptions', 'zh-Hans': '数据中断' },
  'header.interruptionCount': {
    en: '{n} {n:interruption|interruptions} of {targets} {targets:target|targets}: {counts}',
    'zh-Hans': '{targets} 个被测实现共 {n} 次数据中断：{counts}',
  },
  'header.evidence': { en: 'Evidence log', 'zh-Hans': '证据日志' },
  'header.evidenceLine': { en: '{file} · {records} {records:record|records} · {head}', 'zh-Hans': '{file} · {records} 条记录 · {head}' },
  'header.head': { en: 'head SHA-256 {hash}', 'zh-Hans': '链头 SHA-256 {hash}' },
  'header.noHead': { en: 'no record yet, so no head', 'zh-Hans': '尚无记录，因此没有链头' },
  'header.verify': { en: 'Check the log', 'zh-Hans': '校验日志' },
  'header.verifyNote': {
    en: 'exits 1 on any edit, deletion or reordering of a record, and 0 on an intact log',
    'zh-Hans': '任何记录被编辑、删除或调换顺序时以 1 退出，日志完好时以 0 退出',
  },
  'header.times': { en: 'Times', 'zh-Hans': '时间' },
  'header.timesNote': {
    en: 'in UTC, as the monitor stamped them (report.json has them as recorded)',
    'zh-Hans': '均为 UTC，按监测进程所记（report.json 中为记录时的原样）',
  },
  footer: {
    en: "Generated by {generator} from the monitor's observations. The evidence log is the record; this page is a reading of it.",
    'zh-Hans': '由 {generator} 根据监测进程的观测生成。证据日志是记录本身；本页是对它的解读。',
  },
  // --- the overview and each target's details ---
  'overview.heading': { en: 'Targets', 'zh-Hans': '被测实现' },
  'overview.none': { en: 'The monitor watched no target.', 'zh-Hans': '监测进程未监测任何被测实现。' },
  'meta.role': { en: 'Role', 'zh-Hans': '角色' },
  'meta.party': { en: 'Party', 'zh-Hans': '参与方' },
  'meta.period': { en: 'Period', 'zh-Hans': '期间' },
  'meta.counterparty': { en: 'Counterparty', 'zh-Hans': '对方' },
  'col.target': { en: 'target', 'zh-Hans': '被测实现' },
  'col.role': { en: 'role', 'zh-Hans': '角色' },
  'col.party': { en: 'party', 'zh-Hans': '参与方' },
  'col.period': { en: 'period', 'zh-Hans': '期间' },
  'col.lowestAvailability': { en: 'lowest availability', 'zh-Hans': '最低可用率' },
  'col.interruptions': { en: 'interruptions', 'zh-Hans': '数据中断' },
  'col.notices': { en: 'notices', 'zh-Hans': '通知' },
  'col.feed': { en: 'feed', 'zh-Hans': '数据流' },
  'col.availability': { en: 'availability', 'zh-Hans': '可用率' },
  'col.minutesAvailable': { en: 'minutes available', 'zh-Hans': '可用分钟数' },
  'col.minutesMeasured': { en: 'minutes measured', 'zh-Hans': '已测量分钟数' },
  'col.minutesPeriod': { en: 'minutes in the period', 'zh-Hans': '期间分钟数' },
  'col.feedCause': { en: 'feed, cause', 'zh-Hans': '数据流、原因' },
  'col.startEnd': { en: 'start → end', 'zh-Hans': '开始 → 结束' },
  'col.minutes': { en: 'minutes', 'zh-Hans': '分钟数' },
  'col.verdict': { en: 'verdict', 'zh-Hans': '结论' },
  'col.violations': { en: 'violations', 'zh-Hans': '违反的要求' },
  'col.notice': { en: 'notice', 'zh-Hans': '通知' },
  'col.firstFailure': { en: 'first failure', 'zh-Hans': '首次失败' },
  'col.reason': { en: 'reason', 'zh-Hans': '理由' },
  'col.feeds': { en: 'feeds', 'zh-Hans': '数据流' },
  'col.severity': { en: 'severity, negotiation', 'zh-Hans': '严重程度、协商状态' },
  'col.received': { en: 'received', 'zh-Hans': '收到时间' },
  'col.planned': { en: 'planned', 'zh-Hans': '计划期间' },
  'col.leadTime': { en: 'lead time', 'zh-Hans': '提前期' },
  'col.duties': { en: 'duties', 'zh-Hans': '义务' },
  'heading.availability': { en: 'Availability', 'zh-Hans': '可用性' },
  'heading.interruptions': { en: 'Interruptions ({n})', 'zh-Hans': '数据中断（{n} 次）' },
  'heading.notices': { en: 'Notices received ({n})', 'zh-Hans': '收到的通知（{n} 条）' },
  'heading.statistics': { en: 'SharingStatistics', 'zh-Hans': '共享统计（SharingStatistics）' },
  'heading.probes': { en: 'Probes and pushes', 'zh-Hans': '探测与推送' },
  'availability.none': { en: 'No feed was measured.', 'zh-Hans': '未测量任何数据流。' },
  'availability.note': {
    en: 'As SharingStatistics counts it: whole minutes in which every probe was answered, over the whole minutes of the period; a minute not measured is not available.',
    'zh-Hans': '按 SharingStatistics 的计法：每次探测均得到应答的整分钟数，占期间全部整分钟数的比例；未测量的分钟不计为可用。',
  },
  'timeline.caption': {
    en: "Each feed's row: up, down, unmeasured (the monitor was not running) over the period; under it each interruption from its start, {marks}; above, each notice as received (▼) and the period it announced (bracket). Hover for the details.",
    'zh-Hans':
      '每个数据流一行：期间内的可用、不可用、未测量（监测进程未运行）；其下为每次数据中断，自其开始处标出，{marks}；其上为每条通知的收到时间（▼）及其宣布的期间（括号线）。悬停可查看详情。',
  },
  'interruptions.none': { en: 'No interruption in the period.', 'zh-Hans': '期间内无数据中断。' },
  'interruption.ongoing': { en: 'ongoing', 'zh-Hans': '未结束' },
  'interruption.noticeUnknown': { en: '(not among the notices received)', 'zh-Hans': '（不在已收到的通知之中）' },
  'notices.none': { en: 'No interruption notice was received from this target.', 'zh-Hans': '未收到该被测实现的中断通知。' },
  'notices.note': {
    en: 'The lead time runs from when the monitor received the notice to its planned start, not from the issue time the issuer wrote.',
    'zh-Hans': '提前期自监测进程收到通知时起算，至其计划开始时间止，而不是自发出方所写的发出时间起算。',
  },
  'notice.issued': { en: 'issued {time}, by its own account', 'zh-Hans': '据其自述发出于 {time}' },
  'notice.noEnd': { en: 'no end given', 'zh-Hans': '未给出结束时间' },
  'notice.disclosed': { en: 'disclosed {time}', 'zh-Hans': '公开披露：{time}' },
  'notice.reported': { en: 'reported to the authorities {time}', 'zh-Hans': '向主管部门报告：{time}' },
  'notice.late': { en: '−{duration} (received after the planned start)', 'zh-Hans': '−{duration}（晚于计划开始时间收到）' },
  // --- SharingStatistics, probes and pushes ---
  'statistics.none': {
    en: 'Not computed: the figures name the party, and its claim could not be read.',
    'zh-Hans': '未计算：统计数字须写明参与方，而其一致性声明无法读取。',
  },
  'statistics.intro': {
    en: "The standard's figures for this party (OP-11), computed from what the monitor observed: the object an authority also receives from the party's own {endpoint}.",
    'zh-Hans': '标准为该参与方规定的统计数字（OP-11），根据监测进程的观测计算：即主管部门也从该方自己的 {endpoint} 收到的对象。',
  },
  'statistics.period': { en: '{from} → {to}, counted up to {generatedAt}', 'zh-Hans': '{from} → {to}，计至 {generatedAt}' },
  'statistics.everyCounterparty': { en: 'every counterparty (what an authority receives)', 'zh-Hans': '全部对方（即主管部门收到的范围）' },
  'figure.shipping': { en: 'Shipping data (OP-01)', 'zh-Hans': '寄递数据（OP-01）' },
  'figure.received': { en: 'received', 'zh-Hans': '收到' },
  'figure.accepted': { en: 'accepted', 'zh-Hans': '接受' },
  'figure.rejected': { en: 'rejected', 'zh-Hans': '拒收' },
  'figure.parcel': { en: 'Parcel data (OP-02)', 'zh-Hans': '快件数据（OP-02）' },
  'figure.eventsProvided': { en: 'tracking events provided', 'zh-Hans': '提供的轨迹事件' },
  'figure.pushes': { en: 'Pushes', 'zh-Hans': '推送' },
  'figure.delivered': { en: 'delivered', 'zh-Hans': '已送达' },
  'figure.retried': { en: 'retried', 'zh-Hans': '重试' },
  'figure.failed': { en: 'failed', 'zh-Hans': '失败' },
  'figure.medianLatency': { en: 'median latency', 'zh-Hans': '延迟中位数' },
  'figure.interruptionsEtc': {
    en: 'Interruptions, incidents, availability (OP-06, OP-07, OP-08)',
    'zh-Hans': '数据中断、网络安全事件、可用率（OP-06、OP-07、OP-08）',
  },
  'figure.interruptions': { en: 'interruptions', 'zh-Hans': '数据中断' },
  'figure.minutesInterrupted': { en: 'minutes interrupted', 'zh-Hans': '中断分钟数' },
  'figure.incidents': { en: 'security incidents', 'zh-Hans': '网络安全事件' },
  'figure.availability': { en: 'availability', 'zh-Hans': '可用率' },
  'figure.probes': { en: 'Probes', 'zh-Hans': '探测' },
  'figure.sent': { en: 'sent', 'zh-Hans': '已发送' },
  'figure.pushesReceived': { en: 'Pushes received', 'zh-Hans': '收到的推送' },
  'figure.medianFromOccurred': { en: 'median latency from occurredAt', 'zh-Hans': '自 occurredAt 起的延迟中位数' },
  // --- the timeline (report-timeline.ts): its labels, legend and hover texts ---
  'timeline.summary': {
    en: 'Timeline of {id}, {period}: {feeds} {feeds:feed|feeds}, {interruptions} interruptions ({counts}), {notices} notices',
    'zh-Hans': '{id} 的时间线，{period}：{feeds} 个数据流，{interruptions} 次数据中断（{counts}），{notices} 条通知',
  },
  'timeline.period': { en: '{from} to {to}', 'zh-Hans': '{from} 至 {to}' },
  'timeline.periodEmpty': { en: 'the period {from}, which has no length', 'zh-Hans': '期间 {from}，长度为零' },
  'timeline.noStart': { en: "No timeline: the period's start is not a time.", 'zh-Hans': '无时间线：期间的开始不是有效时间。' },
  'timeline.emptyPeriod': { en: 'The period has no length: drawn as one minute from its start.', 'zh-Hans': '期间长度为零：按自其开始的一分钟绘制。' },
  'timeline.notices': { en: 'notices', 'zh-Hans': '通知' },
  'timeline.noneReceived': { en: 'none received', 'zh-Hans': '未收到' },
  'timeline.moreNotices': { en: '+{n} more', 'zh-Hans': '另有 {n} 条' },
  'timeline.moreInterruptions': { en: '+{n} more interruptions (see the table)', 'zh-Hans': '另有 {n} 次数据中断（见表格）' },
  'timeline.available': { en: '{percent} % available', 'zh-Hans': '可用率 {percent} %' },
  'timeline.noTimeline': { en: 'no timeline', 'zh-Hans': '无时间线' },
  'timeline.when': { en: '{from} → {to} ({duration})', 'zh-Hans': '{from} → {to}（{duration}）' },
  'timeline.span': { en: '{state} {when}', 'zh-Hans': '{state}：{when}' },
  'timeline.spanCoarse': { en: '{state} at some time in {when}', 'zh-Hans': '{when}内某时{state}' },
  'timeline.interruption': {
    en: 'Interruption of {feed} ({cause}) {start} → {end}, {minutes} min · {compliance}{violations} · {notice} · {firstFailure}',
    'zh-Hans': '{feed} 的数据中断（{cause}）{start} → {end}，{minutes} 分钟 · {compliance}{violations} · {notice} · {firstFailure}',
  },
  'timeline.violations': { en: ': {list}', 'zh-Hans': '：{list}' },
  'timeline.notice': { en: 'notice {noticeId}', 'zh-Hans': '通知 {noticeId}' },
  'timeline.noNotice': { en: 'no notice matched', 'zh-Hans': '无匹配的通知' },
  'timeline.noticeTitle': {
    en: 'Notice {noticeId} ({reason}, {severity}) for {feeds}: received {received}, planned {start} → {end}, {lead}',
    'zh-Hans': '通知 {noticeId}（{reason}，{severity}），涉及 {feeds}：收到于 {received}，计划 {start} → {end}，{lead}',
  },
  'timeline.openEnd': { en: 'open end', 'zh-Hans': '未定结束时间' },
  'timeline.leadTime': { en: 'lead time {duration}', 'zh-Hans': '提前期 {duration}' },
  'timeline.receivedLate': { en: 'received {duration} after its planned start', 'zh-Hans': '晚于计划开始时间 {duration}收到' },
  'timeline.legendInterruption': { en: 'interruption, {compliance}', 'zh-Hans': '数据中断，{compliance}' },
  'timeline.legendNotice': { en: 'notice received, planned', 'zh-Hans': '收到通知、计划期间' },
} as const satisfies Record<string, { en: string; 'zh-Hans': string }>;

export type MonitorMessageKey = keyof typeof MONITOR_MESSAGES;

/** The monitor's messages in one language, their parameters filled in. */
export type MonitorTranslate = (key: MonitorMessageKey, params?: MessageParams) => string;

export const monitorTranslator =
  (lang: Language): MonitorTranslate =>
  (key, params) =>
    formatMessage(MONITOR_MESSAGES[key][lang], params);
