// What the tracking checks say about a target, in both languages (decision 0062), grouped by the file that says it.
// `{parcel}` is how kit/trajectory.ts names a parcel ("the delivered parcel …"), `{event}` how it names an event
// ("event 3 (DELIVERED)"); `{what}` and `{request}` are the request or the walk judged, as the calling check names it.
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('tracking', {
  // --- shared by several files ---
  noEvents: { en: 'no events', 'zh-Hans': '无事件' },
  parcelSays: { en: '{parcel}: {message}', 'zh-Hans': '{parcel}：{message}' },

  // --- cancellation.ts ---
  cancellationNotAnswered: {
    en: 'POST /v1/shipments/{waybillNo}/cancellation was answered {status} without a cancelled shipment (ECDX-SHP-009 is checked on its own)',
    'zh-Hans': 'POST /v1/shipments/{waybillNo}/cancellation 的应答为 {status}，其中没有已取消的快件（ECDX-SHP-009 另行检查）',
  },
  eventsBeforeCancellationKept: {
    en: 'the {n} event(s) recorded before the cancellation stay in the trajectory, in order (got {statuses})',
    'zh-Hans': '取消前记录的 {n} 个事件按原顺序保留在轨迹中（实际为 {statuses}）',
  },
  endsWithNewCancelled: {
    en: 'right after the cancellation the trajectory ends with one new CANCELLED event (before: {before}; after: {after})',
    'zh-Hans': '取消之后，轨迹随即以一个新的 CANCELLED 事件结束（取消前：{before}；取消后：{after}）',
  },
  takesNextSequence: {
    en: '{event} takes the next sequence after {previous}',
    'zh-Hans': '{event}取下一个 sequence，其前一事件：{previous}',
  },
  cancelledIsTerminal: { en: '{event} is terminal (got terminal {terminal})', 'zh-Hans': '{event}为终结事件（实际 terminal 为 {terminal}）' },
  cancelledAtAcceptance: { en: '{event} is at the ACCEPTANCE node (got {node})', 'zh-Hans': '{event}位于 ACCEPTANCE 节点（实际为 {node}）' },
  cancelledOccurredAt: {
    en: "{event} occurred at the shipment's cancelledAt {cancelledAt} (got {occurredAt})",
    'zh-Hans': '{event}的发生时间为快件的 cancelledAt {cancelledAt}（实际为 {occurredAt}）',
  },

  // --- page-size.ts ---
  longWalkIncomplete: {
    en: "walking the trajectory of {waybillNo} {cap} events a page (the claim's maxPageSize) did not reach its end (ECDX-TRK-001 and ECDX-TRK-009 are checked on their own)",
    'zh-Hans': '以每页 {cap} 个事件（一致性声明的 maxPageSize）遍历 {waybillNo} 的轨迹，未能到达其末尾（ECDX-TRK-001 和 ECDX-TRK-009 另行检查）',
  },
  longPathNotOffered: {
    en: 'the parcel ordered on ecdx-path-long- ({waybillNo}) has {total} events, no more than a page without limit holds ({defaultSize}): the deployment does not offer the long test path',
    'zh-Hans':
      '以 ecdx-path-long- 下单的快件（{waybillNo}）有 {total} 个事件，不多于未带 limit 时一页所容纳的数量（{defaultSize}）：该部署未提供 long 测试路径',
  },
  servedWithAPage: {
    en: '{what} is served with a page ({why}), not refused: got HTTP {status}',
    'zh-Hans': '{what} 应以一页提供（{why}），而不被拒绝：实际为 HTTP {status}',
  },
  firstPageHoldsPageSize: {
    en: '{what}: the first page of {total} events holds the page size {size} ({why}) and a nextCursor (got {got} events, {cursor} nextCursor)',
    'zh-Hans': '{what}：共 {total} 个事件时，第一页容纳页大小 {size}（{why}）并带 nextCursor（实际为 {got} 个事件，{cursor} nextCursor）',
  },
  noNextCursor: { en: 'no', 'zh-Hans': '无' },
  aNextCursor: { en: 'a', 'zh-Hans': '有' },
  whyNoLimitCapped: { en: 'no limit: 20, capped at maxPageSize {cap}', 'zh-Hans': '未带 limit：20，以 maxPageSize {cap} 为上限' },
  whyNoLimit: { en: 'no limit: 20', 'zh-Hans': '未带 limit：20' },
  whyLimit7: { en: 'limit 7', 'zh-Hans': 'limit 为 7' },
  whyAboveCap: { en: 'a limit above maxPageSize {cap} is served as {cap}', 'zh-Hans': '大于 maxPageSize {cap} 的 limit 按 {cap} 提供' },
  capNotSeen: {
    en: 'the trajectory has {total} events, no more than maxPageSize {cap}, so the cap cannot be seen',
    'zh-Hans': '轨迹有 {total} 个事件，不多于 maxPageSize {cap}，因此无法观察到该上限',
  },

  // --- regular-path.ts ---
  offRegularPath: { en: '{waybillNo} (statuses {statuses}): {deviation}', 'zh-Hans': '{waybillNo}（状态：{statuses}）：{deviation}' },
  allOnRegularPath: {
    en: 'each of the {n} ecdx-happy- parcels follows the regular path',
    'zh-Hans': '全部 {n} 个 ecdx-happy- 快件均遵循常规路径',
  },

  // --- journey.ts ---
  eventAtNode: {
    en: 'the delivered parcel {waybillNo} has an event at the {node} node (statuses: {statuses})',
    'zh-Hans': '已投递的快件 {waybillNo} 在 {node} 节点有事件（状态：{statuses}）',
  },
  wrongNode: {
    en: '{parcel}: {event} carries the node {node}, but {reason}',
    'zh-Hans': '{parcel}：{event}带有节点 {node}，但{reason}',
  },
  nodeTableAssigns: { en: 'the node table assigns {status} to {expected}', 'zh-Hans': '节点表将 {status} 归于 {expected}' },
  keepsNodeBefore: {
    en: 'it keeps the node of the event before it, {expected}',
    'zh-Hans': '它应沿用前一事件的节点 {expected}',
  },
  nodesOfStatuses: {
    en: '{parcel}: each of the {n} events carries the node of its status',
    'zh-Hans': '{parcel}：全部 {n} 个事件均带有其状态所属的节点',
  },
  subStatusMisplaced: {
    en: '{parcel}: {event}: the sub-status {subStatus} belongs to {parents}, not {status}',
    'zh-Hans': '{parcel}：{event}：子状态 {subStatus} 所属的状态为 {parents}，而非 {status}',
  },
  noTaxonomyStatus: { en: 'no status of the taxonomy', 'zh-Hans': '无（分类体系中没有该子状态）' },
  subStatusesFit: {
    en: '{parcel}: every sub-status accompanies a status it belongs to',
    'zh-Hans': '{parcel}：每个子状态都随其所属的状态出现',
  },
  numberedInOrder: {
    en: '{parcel}: the events are numbered 1 … {n} in the order listed',
    'zh-Hans': '{parcel}：各事件按排列顺序编号为 1 … {n}',
  },
  sequenceGap: {
    en: '{parcel}: the event listed {position}. carries sequence {sequence}, expected {position} (sequences: {sequences})',
    'zh-Hans': '{parcel}：排在第 {position} 位的事件带有 sequence {sequence}，应为 {position}（各 sequence：{sequences}）',
  },
  eventOf: { en: '{event} of {parcel}', 'zh-Hans': '{parcel}的{event}' },
  duplicateEventId: {
    en: '{parcel}: {event} has the eventId {eventId}, which {other} has too',
    'zh-Hans': '{parcel}：{event}的 eventId 为 {eventId}，而{other}也使用该 eventId',
  },
  distinctEventIds: {
    en: 'the {n} events of both waybills have distinct eventIds',
    'zh-Hans': '两个运单的 {n} 个事件的 eventId 互不相同',
  },
  eventGone: {
    en: '{event} of {waybillNo} (eventId {eventId}) was served while the parcel travelled but is no longer in its trajectory',
    'zh-Hans': '{waybillNo} 的{event}（eventId {eventId}）在快件运送期间曾被提供，但已不在其轨迹中',
  },
  eventChanged: {
    en: '{event} of {waybillNo} (eventId {eventId}) changed: earlier {earlier}; now {now}',
    'zh-Hans': '{waybillNo} 的{event}（eventId {eventId}）发生了变化：先前为 {earlier}；现在为 {now}',
  },
  eventsUnchanged: {
    en: '{n} events read while the parcels travelled are identical to the events with their eventIds now',
    'zh-Hans': '快件运送期间读取的 {n} 个事件与现在具有相同 eventId 的事件完全一致',
  },
  recordedBeforeOccurred: {
    en: '{waybillNo} {event}: recordedAt {recordedAt} is before occurredAt {occurredAt}',
    'zh-Hans': '{waybillNo} {event}：recordedAt {recordedAt} 早于 occurredAt {occurredAt}',
  },
  recordedAfterAnswer: {
    en: "{waybillNo} {event}: recordedAt {recordedAt} is more than 30 s after the answer that served it ({answeredAt} on the target's clock)",
    'zh-Hans': '{waybillNo} {event}：recordedAt {recordedAt} 比提供该事件的应答（被测实现时钟上的 {answeredAt}）晚 30 秒以上',
  },
  noneRecordedEarly: {
    en: 'in {n} reads, no event was recorded before it occurred',
    'zh-Hans': '在 {n} 次读取中，没有事件在发生之前就被记录',
  },
  noneRecordedAhead: {
    en: "in {n} reads, no event's recordedAt lies more than 30 s after the answer",
    'zh-Hans': '在 {n} 次读取中，没有事件的 recordedAt 比应答晚 30 秒以上',
  },
  recordedLate: {
    en: '{parcel}: {event} was recorded {lag} after it occurred (at most 30)',
    'zh-Hans': '{parcel}：{event}在发生 {lag} 之后才被记录（至多 30 分钟）',
  },
  recordedPromptly: {
    en: '{parcel}: every event was recorded within 30 minutes of occurring',
    'zh-Hans': '{parcel}：每个事件都在发生后 30 分钟内记录',
  },
  terminalNotAllowed: {
    en: '{parcel}: {event} is flagged terminal, which its status may not be',
    'zh-Hans': '{parcel}：{event}被标记为 terminal，而其状态不可作为终结事件',
  },
  terminalNotLast: {
    en: '{parcel}: {event} is flagged terminal but {n} event(s) follow it: the flag belongs on the event that ends the trajectory',
    'zh-Hans': '{parcel}：{event}被标记为 terminal，但其后还有 {n} 个事件：该标记应位于结束轨迹的事件上',
  },
  endNotFlagged: {
    en: '{parcel}: the trajectory ends with {event}, yet that event is not flagged terminal (terminal: {terminal})',
    'zh-Hans': '{parcel}：轨迹以{event}结束，但该事件未被标记为 terminal（terminal：{terminal}）',
  },
  onlyLastTerminal: { en: 'only the last event, {event}, is terminal', 'zh-Hans': '只有最后一个事件{event}为终结事件' },
  noneTerminal: { en: 'no event is terminal, and the trajectory has not ended', 'zh-Hans': '没有终结事件，且轨迹尚未结束' },
  notEnded: { en: '{parcel}: the trajectory has not ended', 'zh-Hans': '{parcel}：轨迹尚未结束' },
  nothingAfterEnd: {
    en: '{parcel}: nothing follows {event}, which ends the trajectory',
    'zh-Hans': '{parcel}：结束轨迹的{event}之后没有其他事件',
  },
  eventsAfterEnd: {
    en: '{parcel}: {event} ends the trajectory, yet {after} {n:follows|follow} it',
    'zh-Hans': '{parcel}：{event}结束了轨迹，但其后仍有 {n} 个事件：{after}',
  },
  noLocation: { en: '{parcel}: {event} carries no location', 'zh-Hans': '{parcel}：{event}不带 location' },
  noFacility: {
    en: '{parcel}: {event}: the location names no facility (facilityCode or facilityName)',
    'zh-Hans': '{parcel}：{event}：location 未指明处理场所（facilityCode 或 facilityName）',
  },
  noDivisionCode: {
    en: '{parcel}: {event} took place in the mainland, yet its location has no divisionCode ({location})',
    'zh-Hans': '{parcel}：{event}发生在中国大陆，但其 location 没有 divisionCode（{location}）',
  },
  locationsPresent: {
    en: '{parcel}: every handled event names its facility, with a division code in the mainland',
    'zh-Hans': '{parcel}：每个处理事件都指明其处理场所，在中国大陆并带行政区划代码',
  },
  noAcceptedEvent: { en: 'neither parcel has an ACCEPTED event', 'zh-Hans': '两个快件均没有 ACCEPTED 事件' },
  noRealName: {
    en: '{parcel}: {event} carries no realNameVerification',
    'zh-Hans': '{parcel}：{event}不带 realNameVerification',
  },
  realNameInvalid: {
    en: '{parcel}: {event}: realNameVerification is not valid: {violations}',
    'zh-Hans': '{parcel}：{event}：realNameVerification 无效：{violations}',
  },
  realNameValid: {
    en: '{parcel}: {event} carries a valid realNameVerification',
    'zh-Hans': '{parcel}：{event}带有有效的 realNameVerification',
  },
  noRawCode: { en: '{parcel}: {event} carries no carrierRawCode', 'zh-Hans': '{parcel}：{event}不带 carrierRawCode' },
  rawCodesCarried: {
    en: '{parcel}: every mapped event carries its carrierRawCode',
    'zh-Hans': '{parcel}：每个经过映射的事件都带有其 carrierRawCode',
  },

  // --- pull.ts ---
  cursorExpected422: {
    en: '{what}: expected HTTP 422 (a cursor it did not issue), got {status}{page}',
    'zh-Hans': '{what}：应为 HTTP 422（并非其签发的游标），实际为 {status}{page}',
  },
  withAPage: { en: ' with a page', 'zh-Hans': '（并返回了一页）' },
  catalogueType: {
    en: '{what}: the problem type {type} is a URI of the ECDX problem catalogue',
    'zh-Hans': '{what}：问题类型 {type} 是 ECDX 问题目录中的 URI',
  },
  validationFailedType: {
    en: '{what}: a 422 the catalogue names no type for is validation-failed (got {type})',
    'zh-Hans': '{what}：问题目录未为其指定类型的 422 应为 validation-failed（实际为 {type}）',
  },
  pageNamesWaybill: {
    en: 'the page names the waybill asked for ({waybillNo}, got {got})',
    'zh-Hans': '该页指明所请求的运单（{waybillNo}，实际为 {got}）',
  },
  eventNamesOtherWaybill: {
    en: 'event {sequence} names the waybill {other}, not {waybillNo}',
    'zh-Hans': '事件 {sequence} 指明的运单为 {other}，而非 {waybillNo}',
  },
  everyEventNamesWaybill: { en: 'every event names the waybill asked for', 'zh-Hans': '每个事件都指明所请求的运单' },
  labelPage: { en: '{request} (page {page})', 'zh-Hans': '{request}（第 {page} 页）' },
  labelPageOfTrajectory: { en: 'page {page} of the trajectory of {waybillNo}', 'zh-Hans': '{waybillNo} 轨迹的第 {page} 页' },
  labelUnknownWaybill: { en: '{request} (a waybill nobody issued)', 'zh-Hans': '{request}（无人签发的运单号）' },
  noSecondKey: {
    en: 'the harness has no second key, so the answer to another client could not be observed',
    'zh-Hans': '一致性测试套件没有第二个密钥，因此无法观察对另一客户端的应答',
  },
  labelSecondKey: { en: '{request} signed with the second key {keyid}', 'zh-Hans': '以第二个密钥 {keyid} 签名的 {request}' },
  secondKeyRefused: {
    en: '{what} was refused with 401 (the key is not registered): the answer to another client was not seen',
    'zh-Hans': '{what}被以 401 拒绝（该密钥未注册）：未能看到对另一客户端的应答',
  },
  expected200Or404: {
    en: '{what}: expected 200 (the same platform) or 404 (as if the waybill did not exist), got {status}{reveals}',
    'zh-Hans': '{what}：应为 200（同一平台）或 404（如同该运单不存在），实际为 {status}{reveals}',
  },
  forbiddenReveals: { en: ': a 403 reveals that the waybill exists', 'zh-Hans': '：403 暴露了该运单的存在' },
  same404: {
    en: '{what}: the 404 problem is the same as for a waybill nobody issued (status, type, title): {got} vs {unknown}',
    'zh-Hans': '{what}：该 404 的问题详情与无人签发的运单号的相同（status、type、title）：{got}，对照 {unknown}',
  },
  invalidParamsNamesLimit: {
    en: '{what}: invalidParams names /limit with in: query (got {got})',
    'zh-Hans': '{what}：invalidParams 指明 /limit 且 in 为 query（实际为 {got}）',
  },
  limitAbove100Served: {
    en: '{what}: a limit above 100 is served as 100: expected HTTP 200, got {status}',
    'zh-Hans': '{what}：大于 100 的 limit 按 100 提供：应为 HTTP 200，实际为 {status}',
  },
  answeredWithoutPage: {
    en: '{what} answered {status} without a readable page (see ECDX-TRK-001)',
    'zh-Hans': '{what} 的应答为 {status}，其中没有可读的页（见 ECDX-TRK-001）',
  },
  atMost100: { en: '{what}: at most 100 events (got {got})', 'zh-Hans': '{what}：至多 100 个事件（实际为 {got}）' },
  tooFewForPageSizes: {
    en: 'the trajectory of {waybillNo} holds {total} event(s); page sizes need at least 2',
    'zh-Hans': '{waybillNo} 的轨迹有 {total} 个事件；检查页大小至少需要 2 个',
  },
  pageHolds: { en: '{what}: {expected} (got {got})', 'zh-Hans': '{what}：{expected}（实际为 {got}）' },
  thePageSize: { en: 'the page size {size}', 'zh-Hans': '页大小 {size}' },
  allFewerThanPageSize: {
    en: 'all {total} events, fewer than the page size {size}',
    'zh-Hans': '全部 {total} 个事件，少于页大小 {size}',
  },
  tooFewForWalk: {
    en: 'the trajectory of {waybillNo} holds {total} event(s); a walk needs at least 2',
    'zh-Hans': '{waybillNo} 的轨迹有 {total} 个事件；遍历至少需要 2 个',
  },
  labelWalk: { en: 'walking the trajectory of {waybillNo} {limit} a page', 'zh-Hans': '以每页 {limit} 个事件遍历 {waybillNo} 的轨迹' },
  walkPageRefused: {
    en: '{what}: page {page} (a cursor issued moments before) was answered {status}, not a page',
    'zh-Hans': '{what}：第 {page} 页（游标刚刚签发）的应答为 {status}，而不是一页',
  },
  walkPagesServed: { en: '{what}: every one of the {n} pages was served', 'zh-Hans': '{what}：全部 {n} 页均已提供' },
  walkDidNotEnd: {
    en: '{what}: the walk did not end (no page without nextCursor after {n} pages)',
    'zh-Hans': '{what}：遍历未结束（{n} 页之后仍没有不带 nextCursor 的页）',
  },
  everyEventReturned: {
    en: '{what}: every event is returned (missing {missing})',
    'zh-Hans': '{what}：每个事件都被返回（缺少：{missing}）',
  },
  noEventTwiceRepeated: {
    en: '{what}: no event is returned twice (repeated {repeated})',
    'zh-Hans': '{what}：没有事件被返回两次（重复：{repeated}）',
  },
  ascendingAsOnePage: {
    en: '{what}: the events come in ascending sequence, as in one page (got {got})',
    'zh-Hans': '{what}：各事件按 sequence 升序排列，与单页读取时相同（实际为 {got}）',
  },
  tooFewWithin12Hours: {
    en: 'the parcel {waybillNo} recorded fewer than 3 events within 12 hours of test-clock time',
    'zh-Hans': '快件 {waybillNo} 在测试时钟的 12 小时内记录的事件少于 3 个',
  },
  cursorRefusedAfter55: {
    en: 'a cursor was refused 55 minutes after it was issued (ECDX-TRK-011), so the walk could not go on',
    'zh-Hans': '一个游标在签发 55 分钟后被拒绝（ECDX-TRK-011），因此遍历无法继续',
  },
  walkPageWithoutPage: {
    en: 'page {page} of the walk was answered {status} without a readable page',
    'zh-Hans': '遍历的第 {page} 页的应答为 {status}，其中没有可读的页',
  },
  labelWalkWhileRecording: {
    en: 'walking {waybillNo} one event a page over {pages} pages ({hours} h)',
    'zh-Hans': '以每页一个事件遍历 {waybillNo}，共 {pages} 页（{hours} 小时）',
  },
  walkReachedEnd: { en: '{what}: the walk reached a page without nextCursor', 'zh-Hans': '{what}：遍历到达了不带 nextCursor 的页' },
  earlierEventsReturned: {
    en: '{what}: every event recorded before the walk is returned ({n} events)',
    'zh-Hans': '{what}：遍历前记录的每个事件都被返回（{n} 个事件）',
  },
  noEventTwice: { en: '{what}: no event is returned twice (got {got})', 'zh-Hans': '{what}：没有事件被返回两次（实际为 {got}）' },
  walkInOrder: {
    en: '{what}: the walk returned the trajectory in order, events recorded during the walk after the others (walk: {walk}; trajectory: {n} events)',
    'zh-Hans': '{what}：遍历按顺序返回了轨迹，遍历期间记录的事件排在其他事件之后（遍历：{walk}；轨迹：{n} 个事件）',
  },
  noCursorToKeep: {
    en: 'the first page (limit 1) of the trajectory of {waybillNo} gave no nextCursor to keep',
    'zh-Hans': '{waybillNo} 轨迹的第一页（limit 为 1）未给出可留存的 nextCursor',
  },
  labelKeptCursor: {
    en: 'the cursor of the first page of {waybillNo}, followed 55 minutes after it was issued',
    'zh-Hans': '{waybillNo} 第一页的游标（在签发 55 分钟后使用）',
  },
  expected200NextPage: {
    en: '{what}: expected HTTP 200 with the next page, got {status}',
    'zh-Hans': '{what}：应为带有下一页的 HTTP 200，实际为 {status}',
  },
  notAReadablePage: {
    en: '{what}: the answer is not a readable page (see ECDX-TRK-001)',
    'zh-Hans': '{what}：应答不是可读的页（见 ECDX-TRK-001）',
  },
  continuesAfterFirst: {
    en: '{what}: the page continues after the first event (got sequences {got})',
    'zh-Hans': '{what}：该页从第一个事件之后继续（实际 sequence 为 {got}）',
  },
  noCursor: {
    en: 'the first page (limit 1) of the trajectory of {waybillNo} gave no nextCursor',
    'zh-Hans': '{waybillNo} 轨迹的第一页（limit 为 1）未给出 nextCursor',
  },
  labelNeverIssuedCursor: { en: '{request} (a cursor it never issued)', 'zh-Hans': '{request}（其从未签发的游标）' },
  labelForeignCursor: {
    en: '{request} with the cursor issued for {waybillNo}',
    'zh-Hans': '携带为 {waybillNo} 签发的游标的 {request}',
  },
});
