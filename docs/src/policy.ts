// The twelve clauses of the 2019 Guiding Opinions (State Post Bureau and Ministry of Commerce), keyed OP-01 …
// OP-12 as in the registry. The docs build must not read the policy text itself (it lives outside the
// repository), so the headings are kept here: the Chinese heading of the original (in simplified characters)
// and a one-line English summary of what the clause asks, in the project's working rendering.
import type { POLICY_CLAUSES } from '../../spec/registry.ts';

export type ClauseKey = (typeof POLICY_CLAUSES)[number];

export interface PolicyClause {
  title: string;
  zh: string;
  section: string;
  summary: string;
}

export const POLICY_SOURCE =
  '国家邮政局 商务部关于规范快递与电子商务数据互联共享的指导意见 (Guiding Opinions on Regulating Data Interconnection ' +
  'and Sharing between Express Delivery and E-commerce), State Post Bureau and Ministry of Commerce, 2019-06-12';

export const policyClauses: Record<ClauseKey, PolicyClause> = {
  'OP-01': {
    title: 'The e-commerce operator provides shipping data',
    zh: '（一）电子商务经营者提供寄递数据',
    section: 'I. Keep e-commerce and express data flowing normally',
    summary:
      'The platform or merchant gives the carrier the necessary shipping data (names, addresses, telephone numbers, contents) promptly over the agreed channel, and must not obstruct the free choice of carrier by restricting interconnection.',
  },
  'OP-02': {
    title: 'The carrier provides parcel data',
    zh: '（二）经营快递业务的企业提供快件数据',
    section: 'I. Keep e-commerce and express data flowing normally',
    summary:
      'The carrier gives the e-commerce operator the necessary parcel data — the acceptance, sorting, transport and delivery nodes and the trajectory — and must not restrict sharing to obstruct service to consumers.',
  },
  'OP-03': {
    title: 'Collect and share user data lawfully',
    zh: '（三）依法采集共享用户数据',
    section: 'II. Strengthen control over the data',
    summary:
      'Real-name sending rules apply; user information is collected and shared under the personal-information laws and used for nothing unrelated to the delivery service.',
  },
  'OP-04': {
    title: 'Store and use user data properly',
    zh: '（四）妥善存储使用用户数据',
    section: 'II. Strengthen control over the data',
    summary:
      'Both parties store user data properly, protect it by encryption and desensitisation, need the user’s consent for value-added use, and follow the law on cross-border flows.',
  },
  'OP-05': {
    title: 'A sound interconnection mechanism',
    zh: '（五）建立完善的数据互联共享机制',
    section: 'III. Manage interconnection and sharing',
    summary:
      'With user information kept secure, the parties interconnect and share data according to standards, so that workflows and data exchange connect effectively.',
  },
  'OP-06': {
    title: 'Risk assessment of data interruption',
    zh: '（六）建立数据中断风险评估制度',
    section: 'IV. Notification and reporting of data interruption',
    summary: 'The parties check the interconnection automatically and monitor it end to end; neither may interrupt data transmission maliciously.',
  },
  'OP-07': {
    title: 'Advance notice and prior reporting',
    zh: '（七）完善提前通知和事先报告制度',
    section: 'IV. Notification and reporting of data interruption',
    summary:
      'A party that interrupts transmission for a legitimate reason notifies the other in advance and negotiates; failing agreement with serious impact it reports to the authorities beforehand, and it discloses the situation to those affected.',
  },
  'OP-08': {
    title: 'Data security assurance',
    zh: '（八）加强数据安全保障',
    section: 'V. Raise the level of data security protection',
    summary:
      'The parties keep data secure by technical and organisational measures, assess information-security risk, and strengthen the security of transmission.',
  },
  'OP-09': {
    title: 'Emergency management of security incidents',
    zh: '（九）加强数据安全应急管理',
    section: 'V. Raise the level of data security protection',
    summary:
      'The parties keep a cybersecurity incident emergency plan, start it at once when an incident occurs, take remedial measures and report to the competent authorities.',
  },
  'OP-10': {
    title: 'Standards',
    zh: '（十）完善相关标准',
    section: 'VI. Government supervision',
    summary: 'The authorities promote standards for collecting, transmitting, using and sharing the data and for preventing security risks.',
  },
  'OP-11': {
    title: 'Supervision according to law',
    zh: '（十一）依法加强监管',
    section: 'VI. Government supervision',
    summary: 'The authorities assess the state of interconnection and sharing objectively and supervise market actors during and after the fact.',
  },
  'OP-12': {
    title: 'Mediation of disputes',
    zh: '（十二）协调化解纠纷',
    section: 'VI. Government supervision',
    summary: 'Where a dispute over data sharing may cause market risk, the authorities may mediate and disclose how it was handled.',
  },
};
