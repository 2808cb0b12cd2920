// What the privacy checks of tracking events say about a target, in both languages (decision 0062). `{parcel}` is
// how kit/trajectory.ts names a parcel ("the delivered parcel …"), `{event}` how it names an event ("event 3
// (DELIVERED)"); `{where}` is what was scanned (the events of a parcel, a cursor).
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('tracking-privacy', {
  // --- leaks the privacy scanner finds ---
  eventsOf: { en: 'the events of {parcel}', 'zh-Hans': '{parcel}的事件' },
  leakFound: {
    en: '{where}: personal data leaks: {what} ({masked}) at {pointer}',
    'zh-Hans': '{where}：泄露个人信息：{pointer} 处有{what}（{masked}）',
  },
  noLeakOf: { en: '{where}: no {what}', 'zh-Hans': '{where}：不含{what}' },
  anUnmaskedMobileNumber: { en: 'an unmasked mobile number', 'zh-Hans': '未脱敏的手机号码' },
  aResidentIdNumber: { en: 'a resident identity number', 'zh-Hans': '居民身份证号码' },
  unmaskedMobileNumber: { en: 'unmasked mobile number', 'zh-Hans': '未脱敏的手机号码' },
  residentIdNumber: { en: 'resident identity number', 'zh-Hans': '居民身份证号码' },

  // --- names (ECDX-PRV-001) ---
  courier: { en: 'courier', 'zh-Hans': '快递员' },
  signatory: { en: 'signatory', 'zh-Hans': '签收人' },
  nameNotM1: {
    en: "{parcel}: {event}: the {role}'s name {name} does not have the form of rule M1",
    'zh-Hans': '{parcel}：{event}：{role}的姓名 {name} 不符合规则 M1 的形式',
  },
  signatoryNotM1OfName: {
    en: '{parcel}: {event}: the recipient {recipient} signed in person, so rule M1 on the name sent makes the signatory {expected}, not {got}',
    'zh-Hans': '{parcel}：{event}：收件人 {recipient} 本人签收，因此对所发送的姓名应用规则 M1 后，签收人应为 {expected}，而非 {got}',
  },
  nameInClear: {
    en: '{parcel}: {event} shows a name the harness sent in clear at {pointer}',
    'zh-Hans': '{parcel}：{event}在 {pointer} 处以明文显示了一致性测试套件发送的姓名',
  },
  noneSignedInPerson: {
    en: 'no DELIVERED event of the parcels on the regular path names its recipient as signatory (relation SELF), so rule M1 was not seen applied to a name the harness sent',
    'zh-Hans': '常规路径上快件的 DELIVERED 事件均未将其收件人列为签收人（relation 为 SELF），因此未能看到规则 M1 应用于一致性测试套件发送的姓名',
  },
  namesMasked: {
    en: 'every name is masked by rule M1; the recipients who signed in person show {shown}',
    'zh-Hans': '每个姓名都按规则 M1 脱敏；本人签收的收件人显示为 {shown}',
  },

  // --- mobile numbers (ECDX-PRV-002) ---
  courierPhoneNotM2: {
    en: "{parcel}: {event}: the courier's phone {phone} is not masked by rule M2",
    'zh-Hans': '{parcel}：{event}：快递员电话 {phone} 未按规则 M2 脱敏',
  },
  maskedMobileNotM2: {
    en: '{parcel}: {event}: the masked mobile number {number} at {pointer} does not keep exactly the first 3 and last 4 digits (rule M2: 138****5678)',
    'zh-Hans': '{parcel}：{event}：{pointer} 处已脱敏的手机号码 {number} 未恰好保留前 3 位和后 4 位数字（规则 M2：138****5678）',
  },
  noMobileShown: {
    en: "no event of the parcels shows a mobile number, as a courier's phone or in its text, so rule M2 had nothing to apply to",
    'zh-Hans': '快件的事件均未显示手机号码（无论是作为快递员电话还是在文本中），因此规则 M2 无可适用的对象',
  },
  mobilesMasked: {
    en: "the {phones} courier phone(s) and the {inText} masked mobile number(s) in the events' text are masked by rule M2",
    'zh-Hans': '{phones} 个快递员电话和事件文本中的 {inText} 个已脱敏手机号码均按规则 M2 脱敏',
  },

  // --- landlines (ECDX-PRV-003) ---
  maskedLandlineNotM3: {
    en: '{parcel}: {event}: the masked landline {number} at {pointer} does not keep just the area code and the last 2 subscriber digits without extension (rule M3: {example})',
    'zh-Hans': '{parcel}：{event}：{pointer} 处已脱敏的固定电话号码 {number} 并非只保留区号和用户号码末 2 位且去掉分机号（规则 M3：{example}）',
  },
  senderLandlineNotM3: {
    en: "{parcel}: {event}: the sender's landline at {pointer} is {got}, but rule M3 makes it {expected}",
    'zh-Hans': '{parcel}：{event}：{pointer} 处寄件人的固定电话号码为 {got}，但按规则 M3 应为 {expected}',
  },
  landlineInClear: {
    en: '{parcel}: {event}: a landline the harness sent appears in clear at {pointer}',
    'zh-Hans': '{parcel}：{event}：一致性测试套件发送的固定电话号码以明文出现在 {pointer} 处',
  },
  noLandlineShown: {
    en: 'no event of the parcels shows a landline, so rule M3 had nothing to apply to: {why}',
    'zh-Hans': '快件的事件均未显示固定电话号码，因此规则 M3 无可适用的对象：{why}',
  },
  returnedShowsNoLandline: {
    en: "the returned parcel {waybillNo} does not show its sender's ({landline}) either",
    'zh-Hans': '已退回的快件 {waybillNo} 也未显示其寄件人的固定电话号码（{landline}）',
  },
  rejectedNotReturned: {
    en: 'the parcel {waybillNo} ordered on the rejected path (which the Test controls chapter leaves optional) was not returned to its sender, whose landline its RETURNED event could show',
    'zh-Hans': '以 rejected 路径（“测试控制”一章将其列为可选）下单的快件 {waybillNo} 未退回寄件人，因此没有可显示寄件人固定电话号码的 RETURNED 事件',
  },
  landlinesMasked: {
    en: 'the landline(s) shown ({seen}) are masked by rule M3',
    'zh-Hans': '所显示的固定电话号码（{seen}）均按规则 M3 脱敏',
  },

  // --- the recipient's contact and address (ECDX-PRV-006) ---
  telephoneOrPrivacyNumber: { en: 'telephone or privacy number', 'zh-Hans': '电话号码或隐私号' },
  addressDetail: { en: 'address detail', 'zh-Hans': '详细地址' },
  postalCode: { en: 'postal code', 'zh-Hans': '邮政编码' },
  recipientDataAppears: {
    en: "{parcel}: {event}: the recipient's {what} appears at {pointer}",
    'zh-Hans': '{parcel}：{event}：收件人的{what}出现在 {pointer} 处',
  },
  noRecipientData: {
    en: "{parcel}: no event carries the recipient's telephone, privacy number, address detail or postal code",
    'zh-Hans': '{parcel}：没有事件带有收件人的电话号码、隐私号、详细地址或邮政编码',
  },

  // --- courier and signatory (ECDX-PRV-007) ---
  courierNameNotMasked: { en: "{parcel}: {event}: the courier's name is not masked", 'zh-Hans': '{parcel}：{event}：快递员姓名未脱敏' },
  courierPhoneNotMasked: { en: "{parcel}: {event}: the courier's phone is not masked", 'zh-Hans': '{parcel}：{event}：快递员电话未脱敏' },
  signatoryNameNotMasked: { en: "{parcel}: {event}: the signatory's name is not masked", 'zh-Hans': '{parcel}：{event}：签收人姓名未脱敏' },
  couriersMasked: { en: '{parcel}: couriers and signatories appear masked', 'zh-Hans': '{parcel}：快递员和签收人均以脱敏形式出现' },

  // --- cursors (ECDX-PRV-016) ---
  noCursors: {
    en: 'no page of either trajectory (1 or 2 events a page) gave a nextCursor',
    'zh-Hans': '两条轨迹的任何一页（每页 1 或 2 个事件）均未给出 nextCursor',
  },
  cursorAt: { en: 'nextCursor {index} of {count}', 'zh-Hans': '第 {index} 个 nextCursor（共 {count} 个）' },
  cursorDecodedAt: { en: 'nextCursor {index} of {count} ({how})', 'zh-Hans': '第 {index} 个 nextCursor（共 {count} 个，{how}）' },
  percentDecoded: { en: 'percent-decoded', 'zh-Hans': '经百分号解码' },
  base64Decoded: { en: 'base64-decoded', 'zh-Hans': '经 base64 解码' },
  cursorUnmasked: { en: '{where} carries an unmasked {kind} ({masked})', 'zh-Hans': '{where}含有未脱敏的{kind}（{masked}）' },
  cursorPersonalData: {
    en: '{where} carries personal data the harness sent: the {kind} at {pointer} of the shipping data',
    'zh-Hans': '{where}含有一致性测试套件发送的个人信息：寄递数据中 {pointer} 处的{kind}',
  },
  cursorsClean: { en: 'the {n} cursors carry no personal data', 'zh-Hans': '{n} 个游标均不含个人信息' },
  // --- the kinds of personal data (PersonalDatum.kind, shown as it is in English) ---
});
