// What the harness itself says in a check's evidence and result (decision 0062): the framing of a precondition, of
// a rule that does not apply, of the common expectations (a status, a schema, a problem, no leak), and how the
// runner sums up a check. The checks' own messages are in their areas' catalogues.
import { defineMessages } from '../i18n/text.ts';

export const HARNESS = defineMessages('harness', {
  precondition: { en: 'precondition: {reason}', 'zh-Hans': '前提条件：{reason}' },
  doesNotApply: { en: 'does not apply: {reason}', 'zh-Hans': '不适用：{reason}' },
  moreFindings: { en: '{first} (and {n} more {n:finding|findings})', 'zh-Hans': '{first}（另有 {n} 项发现）' },
  labelled: { en: '{what}: {message}', 'zh-Hans': '{what}：{message}' },
  expectedStatus: { en: 'expected HTTP {expected}, got {status}{problem}', 'zh-Hans': '应为 HTTP {expected}，实际为 {status}{problem}' },
  statusOr: { en: ' or ', 'zh-Hans': ' 或 ' },
  problemTitle: { en: ' ({title})', 'zh-Hans': '（{title}）' },
  validSchema: { en: 'body is a valid {schema}', 'zh-Hans': '响应体是有效的 {schema}' },
  invalidSchema: { en: 'body is not a valid {schema}: {violations}', 'zh-Hans': '响应体不是有效的 {schema}：{violations}' },
  problemContentType: {
    en: "Content-Type is application/problem+json (got '{contentType}')",
    'zh-Hans': 'Content-Type 应为 application/problem+json（实际为“{contentType}”）',
  },
  none: { en: 'none', 'zh-Hans': '无' },
  problemStatus: {
    en: 'problem status {status} equals the HTTP status {httpStatus}',
    'zh-Hans': '问题详情的 status {status} 与 HTTP 状态码 {httpStatus} 相同',
  },
  problemType: { en: 'problem type is {expected} (got {type})', 'zh-Hans': '问题类型为 {expected}（实际为 {type}）' },
  leak: {
    en: '{where} leaks personal data: an unmasked {kind} ({masked}) at {pointer}{more}',
    'zh-Hans': '{where}泄露个人信息：{pointer} 处有未脱敏的{kind}（{masked}）{more}',
  },
  leakMore: { en: ' and {n} more', 'zh-Hans': '，另有 {n} 处' },
  mobileNumber: { en: 'mobile number', 'zh-Hans': '手机号码' },
  identityNumber: { en: 'resident identity number', 'zh-Hans': '居民身份证号码' },
  noLeak: { en: '{where} carries no unmasked mobile or identity number', 'zh-Hans': '{where}不含未脱敏的手机号码或身份证号码' },
  fixtureFailed: {
    en: "the shared fixture '{fixture}' could not be set up: {reason}",
    'zh-Hans': '共享测试夹具“{fixture}”无法建立：{reason}',
  },
  noTestMode: {
    en: 'the target does not claim testMode, so its test controls (the clock) are not available',
    'zh-Hans': '被测实现未声明 testMode，其测试控制接口（时钟）不可用',
  },
  clockAnswered: { en: 'POST /v1/test/clock answered {status}', 'zh-Hans': 'POST /v1/test/clock 应答为 {status}' },
  clockNotTestClock: { en: 'POST /v1/test/clock did not answer a TestClock', 'zh-Hans': 'POST /v1/test/clock 未应答 TestClock' },
  noReceiver: {
    en: 'no push receiver is running (use --callback-host or --callback-url)',
    'zh-Hans': '推送接收端未运行（请使用 --callback-host 或 --callback-url）',
  },
  noCounterparty: { en: 'no judging counterparty is running', 'zh-Hans': '评判用对端未运行' },
  // --- a run or a check stopped ---
  runDeadline: { en: 'the run reached its deadline (max duration {max})', 'zh-Hans': '运行已到截止时间（最长时长 {max}）' },
  checkDeadline: { en: 'the check did not finish within {within}', 'zh-Hans': '该检查未在 {within} 内完成' },
  harnessFailed: { en: 'the harness failed: {reason}', 'zh-Hans': '一致性测试套件出错：{reason}' },
  // A runtime's or a library's own words: English as they were (what report.json always held), introduced in Chinese.
  errorRaised: { en: '{error}', 'zh-Hans': '出错：{error}' },
  checkFinished: { en: 'the check had finished', 'zh-Hans': '该检查已完成' },
  harnessFailedBare: { en: 'the harness failed', 'zh-Hans': '一致性测试套件出错' },
  notRun: { en: 'not run: {reason}', 'zh-Hans': '未运行：{reason}' },
  notRunBefore: { en: 'not run: {reason} before this check started', 'zh-Hans': '未运行：在该检查开始前{reason}' },
  stopped: { en: 'stopped: {reason}', 'zh-Hans': '已停止：{reason}' },
  stoppedBefore: { en: 'stopped: {reason} before this check finished', 'zh-Hans': '已停止：在该检查完成前{reason}' },
  // --- how the runner sums up a check ---
  classNotClaimed: { en: 'class {class} is not claimed by the target', 'zh-Hans': '被测实现未声明一致性类别 {class}' },
  classNotClaimedOrSelected: {
    en: 'class {class} is not claimed by the target (or not selected with --classes)',
    'zh-Hans': '被测实现未声明一致性类别 {class}（或未用 --classes 选择）',
  },
  held: { en: '{n} {n:assertion|assertions} held', 'zh-Hans': '{n} 项断言成立' },
  stepNotTaken: { en: '{held}; a step was not taken: {first}', 'zh-Hans': '{held}；1 个步骤未执行：{first}' },
  stepsNotTaken: { en: '{held}; {n} steps were not taken: {first}', 'zh-Hans': '{held}；{n} 个步骤未执行：{first}' },
  nothingObserved: { en: 'nothing could be observed: {reason}', 'zh-Hans': '无可观察的内容：{reason}' },
  observedNothing: { en: 'the check observed nothing it could judge', 'zh-Hans': '该检查未观察到任何可判定的内容' },
  targetDidNotAnswer: { en: 'the target did not answer: {reason}', 'zh-Hans': '被测实现未应答：{reason}' },
  harnessCouldNotDecide: { en: 'the harness could not decide: {reason}', 'zh-Hans': '一致性测试套件无法判定：{reason}' },
});
