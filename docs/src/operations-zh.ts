// The Chinese one-line summary of every operation of the ECDX interface (spec/openapi/operations.ts and the push
// webhook), for the operation guide on docs/zh-Hans/api.html. Redocly renders the OpenAPI document in English; the
// guide gives each operation in Chinese and links to the English reference for the details. Keyed by operationId:
// docs/src/languages.test.ts fails when an operation has no summary here, or a summary names no operation.
export const OPERATION_SUMMARIES_ZH: Record<string, string> = {
  getConformanceClaim: '读取一致性声明：实现的角色及其声明的一致性类别',
  getHealth: '检查数据互联状态（健康状态文档），供自动监测使用',
  createShipment: '为一个快件发送寄递数据，取回运单号',
  getShipment: '读取一个快件的寄递数据及其状态',
  cancelShipment: '在收寄之前取消一个快件',
  listTrackingEvents: '读取一个快件的轨迹（快件数据，拉取）',
  createSubscription: '订阅快件数据推送，登记回调地址',
  getSubscription: '读取一个订阅',
  deleteSubscription: '结束一个订阅',
  receiveTrackingEvents: '接收一批推送的轨迹事件（平台的推送接收端）',
  receiveInterruptionNotice: '接收数据中断的提前通知',
  getInterruptionNotice: '读取一份中断通知及其协商过程',
  respondToInterruptionNotice: '协商中断通知：确认、接受、反对、提议、撤回、报告',
  receiveSecurityIncident: '接收数据安全事件的通知',
  getSharingStatistics: '读取汇总的共享统计',
  getTestClock: '读取测试时钟（仅测试部署）',
  advanceTestClock: '拨快测试时钟（仅测试部署）',
  performTestAction: '以测试套件客户端的身份执行一个动作（仅测试部署）',
  pushTrackingEvents: '向已订阅的回调地址推送新的轨迹事件（Standard Webhooks 签名）',
};
