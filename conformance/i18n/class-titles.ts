// The Chinese title of every conformance class (一致性类别) of schemas/src/classes.ts, for the reports' per-class
// table. class-titles.test.ts fails when a class has none, or an entry names no class.
export const CLASS_TITLES_ZH: Readonly<Record<string, string>> = {
  core: '核心：发现、健康状态文档、错误',
  security: '安全：请求签名与幂等键',
  privacy: '隐私：脱敏、最小化、目的限制',
  'carrier-shipping': '快递企业：接收寄递数据',
  'carrier-tracking-pull': '快递企业：按请求提供轨迹（拉取）',
  'carrier-tracking-push': '快递企业：订阅与推送',
  'platform-tracking-receiver': '平台：接收推送',
  notices: '中断通知与协商',
  incidents: '网络安全事件通报',
  statistics: '向主管部门提供的共享统计',
  client: '客户端义务：一方作为客户端所发送的内容',
};
