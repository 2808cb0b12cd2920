// docs/zh-Hans/monitoring.html: "Monitoring many links" in Chinese — everything docs/monitoring.html says, with the
// same configuration files, rules, dashboard and commands as they are. The texts the English page takes from the
// files (the alert rules' annotations, the dashboard's panels, the monitor's series) have their Chinese here, keyed by
// the alert, the panel title and the series name: the page is not built while one of them has no Chinese text, or a
// Chinese text names nothing in the files, so a new alert, panel or series cannot show up in English.
import { MONITOR_HELP } from '../../../cli/monitor.ts';
import { VERIFY_LOG_HELP } from '../../../cli/verify-log.ts';
import { MOCK_METRICS } from '../../../mocks/metrics.ts';
import { html, type Html } from '../html.ts';

/** What docs/src/pages/monitoring.ts reads from the files and the monitor for both pages. */
export interface MonitoringSources {
  folder: string;
  rules: readonly { alert: string; expr: string; for?: string; labels: { severity: string } }[];
  /** The dashboard's panels, rows left out. */
  panels: readonly { title: string }[];
  series: readonly { name: string; type: string }[];
  /** The alerts the English page explains beyond their annotations. */
  notes: readonly string[];
  /** A shipped file: a link to it and its text, shown open or under a summary. */
  shown: (file: string, summary?: string) => Html;
}

interface AlertZh {
  summary: string;
  description: string;
  /** What the rule's expression does not say by itself: for each alert the English page has a note for. */
  note?: Html;
}

/**
 * Each alert of monitor/prometheus/alerts.yml in Chinese: its summary and description annotations as the English page
 * shows them (a label as `<target>`, the value as `<value>`, the runbook link left out).
 */
export const ALERTS_ZH: Readonly<Record<string, AlertZh>> = {
  EcdxInterruptionWithoutCompliantNotice: {
    summary: '<target>：<feed> 发生一次没有合规通知的数据中断',
    description:
      '监测进程判定来自 <target> 的数据流 <feed> 的一次数据中断不合规（OP-07：没有涵盖它的通知、提前期短于其理由所要求的提前期，或未在期限前公示或向主管部门报告）；其状态中共有 <value> 次这样的数据中断。报告和证据日志写明了所违反的要求；请保留证据日志，发生纠纷时主管部门读的就是它。',
    note: html`<p>该规则关注不合规计数的<em>上升</em>，而不是其水平。<code>ecdx_monitor_interruptions</code> 是一个 gauge 类型的指标，表示监测进程状态中持有的数据中断数，按数据流以及每次中断相对于所收通知的情况分列：一次数据中断被判定为不合规时（当即判定，或在稍后某项公示或向主管部门的报告到期未做时判定），它就上升；监测进程重启时它保持不变，只有在状态被替换时才降为 0。若按水平告警，只要状态还在，告警就一直持续；因此，该规则在计数高于其过去一小时内的最低值时触发，或在一小时前尚不存在的时间序列已经大于 0 时触发（一个数据流的第一次不合规数据中断以 1 创建其时间序列，任何速率函数都看不到这一点）。告警在最后一次上升一小时后解除；报告和证据日志则永久保留该次数据中断。不用 <code>increase()</code>，因为它用于计数器（任何下降都被当作重置，而且它会外推出小数）；也不用 <code>delta()</code>，因为它要求窗口内有两个样本，并且会用下降抵消上升。</p>`,
  },
  EcdxFeedAvailabilityBelowTarget: {
    summary: '<target>：<feed> 的可用率低于 99.5%',
    description:
      '来自 <target> 的数据流 <feed> 在所监测的分钟中可用的比例为 <value>，已连续 15 分钟低于 99.5% 的目标。监测进程的报告列出了造成这一结果的数据中断。',
  },
  EcdxFeedInterrupted: {
    summary: '<target>：<feed> 数据中断',
    description:
      '来自 <target> 的数据流 <feed> 的一次数据中断，在监测进程中已至少 5 分钟未结束。请检查对方是否发送了中断通知；若没有合规的通知，随后将触发 EcdxInterruptionWithoutCompliantNotice。',
  },
  EcdxMonitorStale: {
    summary: '<target>：监测进程已超过 5 分钟未探测',
    description: '对 <target> 的最近一轮探测结束于 <value> 之前。此状态持续期间，监测进程的其他时间序列反映的是过去的情况，不会检测或记录任何数据中断。',
  },
  EcdxMonitorDown: {
    summary: '<instance>：无法抓取监测进程',
    description:
      'Prometheus 已有 5 分钟未能抓取位于 <instance> 的监测进程：它所监测的链路都没有在探测，其证据日志也不记录任何内容。请以相同的 --state 重新启动它；它会接续每一次未结束的数据中断，而不会重复计数。',
  },
};

/** Each panel of monitor/prometheus/grafana-dashboard.json (rows left out) in Chinese, keyed by its title. */
export const PANELS_ZH: Readonly<Record<string, { title: string; description: string }>> = {
  'Availability per feed': {
    title: '各数据流的可用率',
    description:
      '所监测的整分钟中，该数据流的每次探测都得到应答的分钟所占的比例（SharingStatistics.availabilityPercent / 100）。红线是 EcdxFeedAvailabilityBelowTarget 的 99.5%。',
  },
  'Feed state': {
    title: '数据流状态',
    description: '数据流正常工作时为 1，监测进程持有其一次未结束的数据中断时为 0（连续多次探测失败，或推送间隔超过所声明的推送频率）。',
  },
  'Probe latency (p50, p95, p99)': {
    title: '探测延迟',
    description: '从发出探测到收到其应答最后一个字节的时间，按探测种类分列。ECDX-HLT-009 要求在 2 秒内给出健康状态应答。',
  },
  'Push latency from occurredAt (p50, p95, p99)': {
    title: '自 occurredAt 起的推送延迟',
    description:
      '从事件的 occurredAt 到收到承载它的推送的时间。红线是 ECDX-PSH-009 对首次尝试规定的 300 秒；该上限从 recordedAt 起算，而 recordedAt 晚于 occurredAt，因此高于红线的延迟提示推送可能迟到，但并不能证明推送迟到。',
  },
  'Probes failed': {
    title: '探测失败',
    description: '失败的探测所占的比例：未在时限内得到应答、得到 5xx，或应答体未通过校验。',
  },
  'Pushes received': {
    title: '收到的推送',
    description: '每秒从该目标收到并已验证的推送批次数。',
  },
  'Interruptions by compliance': {
    title: '按合规情况分列的数据中断',
    description:
      '监测进程状态中持有的数据中断，按每次中断相对于所收通知的情况分列：compliant（合规）、pending（某项义务尚未到期）或 non-compliant（违反 OP-07；该值上升时触发 EcdxInterruptionWithoutCompliantNotice）。',
  },
  'Interruption notices received per hour': {
    title: '每小时收到的中断通知',
    description: '过去一小时内从该目标收到的中断通知，按理由分列。',
  },
  'Evidence records appended': {
    title: '追加的证据记录',
    description: '每个监测进程每秒追加到哈希链式证据日志的记录数。正在探测的监测进程会持续追加记录；一直为 0 的平直线表示该监测进程已经停止。',
  },
  'Since the last probe round': {
    title: '距最近一轮探测',
    description: '每个目标的最近一轮探测在多久之前结束。超过 300 秒时触发 EcdxMonitorStale。',
  },
};

/** What each series of the monitor (monitor/metrics.ts) counts, in Chinese, keyed by its name. */
export const SERIES_ZH: Readonly<Record<string, string>> = {
  ecdx_monitor_probes_total: '对对方的探测，按探测种类和结果分列（ok：在时限内得到非 5xx 的应答，且应答体有效）。',
  ecdx_monitor_probe_duration_seconds: '从发出探测到收到其应答最后一个字节的时间。',
  ecdx_monitor_last_probe_timestamp_seconds: '对该目标的最近一轮探测的结束时间（Unix 秒，真实时钟）：值陈旧即表示监测进程停滞。',
  ecdx_monitor_feed_up: '数据流正常工作时为 1，存在其未结束的数据中断时为 0。',
  ecdx_monitor_feed_availability_ratio: '所监测的整分钟中，该数据流的每次探测都得到应答的分钟所占的比例（SharingStatistics.availabilityPercent / 100）。',
  ecdx_monitor_pushes_received_total: '从该目标收到并已验证的推送批次。',
  ecdx_monitor_push_latency_seconds: '从事件的 occurredAt 到收到承载它的推送的时间。',
  ecdx_monitor_interruptions: '自状态创建以来观测到的数据中断，按数据流以及相对于所收通知的情况分列。',
  ecdx_monitor_notices_received_total: '从该目标收到的中断通知，按理由分列。',
  ecdx_monitor_evidence_records_total: '追加到哈希链式证据日志的记录。',
};

/** The Prometheus metric types in Chinese. */
const TYPES_ZH: Readonly<Record<string, string>> = { counter: '计数器', gauge: '仪表', histogram: '直方图', summary: '摘要' };

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/**
 * The Chinese text of each of `names` in `texts` (the map named `map` above), or an Error that names the entry
 * without one, or the Chinese text that names no entry: the Chinese page is never built with a gap.
 */
export function inChinese<T>(texts: Readonly<Record<string, T>>, names: readonly string[], what: string, map: string): (name: string) => T {
  const missing = names.filter((name) => !Object.hasOwn(texts, name));
  if (missing.length > 0) {
    throw new Error(`docs/zh-Hans/monitoring.html: no Chinese text for the ${what} ${quoted(missing)}; add it to ${map} in docs/src/pages/monitoring-zh.ts`);
  }
  const stray = Object.keys(texts).filter((name) => !names.includes(name));
  if (stray.length > 0) {
    throw new Error(`docs/src/pages/monitoring-zh.ts: ${map} has a Chinese text for ${quoted(stray)}, which is no ${what}; remove or rename it`);
  }
  return (name) => texts[name]!;
}

function alertSectionsZh(rules: MonitoringSources['rules'], notes: readonly string[]): Html {
  const zh = inChinese(
    ALERTS_ZH,
    rules.map((r) => r.alert),
    'alert of alerts.yml',
    'ALERTS_ZH',
  );
  const unexplained = notes.filter((alert) => zh(alert).note === undefined);
  const extra = rules.filter((r) => zh(r.alert).note !== undefined && !notes.includes(r.alert)).map((r) => r.alert);
  if (unexplained.length > 0) {
    throw new Error(`docs/zh-Hans/monitoring.html: no Chinese note for the alert ${quoted(unexplained)}, which the English page explains; add it to ALERTS_ZH`);
  }
  if (extra.length > 0) throw new Error(`docs/src/pages/monitoring-zh.ts: ALERTS_ZH has a note for ${quoted(extra)}, which the English page does not explain`);
  return html`${rules.map((rule) => {
    const text = zh(rule.alert);
    return html`<h3 id="${rule.alert}"><code>${rule.alert}</code></h3>
<p>级别 <strong>${rule.labels.severity}</strong>，${rule.for ? `持续 ${rule.for} 后触发` : '立即触发'}：${text.summary}。</p>
<pre><code>${rule.expr.trim()}</code></pre>
<p>${text.description}</p>
${text.note}
`;
  })}`;
}

function dashboardPanelsZh(panels: MonitoringSources['panels']): Html {
  const zh = inChinese(
    PANELS_ZH,
    panels.map((p) => p.title),
    'panel of grafana-dashboard.json',
    'PANELS_ZH',
  );
  return html`<ul>${panels.map((p) => html`<li><strong>${zh(p.title).title}</strong>（<span lang="en">${p.title}</span>）：${zh(p.title).description}</li>`)}</ul>`;
}

function seriesTableZh(series: MonitoringSources['series']): Html {
  const zh = inChinese(
    SERIES_ZH,
    series.map((s) => s.name),
    'series of the monitor',
    'SERIES_ZH',
  );
  const type = (name: string): string => {
    const text = TYPES_ZH[name];
    if (text === undefined) throw new Error(`docs/zh-Hans/monitoring.html: no Chinese name for the metric type "${name}"; add it to TYPES_ZH`);
    return text;
  };
  return html`<div class="table-wrap"><table><thead><tr><th>时间序列</th><th>类型</th><th>计量内容</th></tr></thead>
<tbody>${series.map((s) => html`<tr><td><code>${s.name}</code></td><td>${type(s.type)}（${s.type}）</td><td>${zh(s.name)}</td></tr>`)}</tbody></table></div>`;
}

/** The body of docs/zh-Hans/monitoring.html. */
export function monitoringBodyZh({ folder, rules, panels, series, notes, shown }: MonitoringSources): Html {
  return html`<h1>监测众多数据链路</h1>
<p class="lead">持续检查与每个对方之间的每条数据链路，为每次数据中断保留在纠纷中站得住的证据，并在 Prometheus 和 Grafana 中查看每条链路的状态。</p>
<p>《指导意见》要求各方对数据互联进行自动检查、全程监控（OP-06），禁止未经提前通知的数据中断（OP-07），并由主管部门评估数据互联共享状况、处理双方之间的纠纷（OP-11、OP-12）。一次一致性测试运行说明不了这些；连续运行数周的 <code>ecdx monitor</code> 可以。它按计划探测对方（健康状态文档、一次金丝雀轨迹查询，有订阅时还有推送数据流，并测量每个事件从 <code>occurredAt</code> 到被接收的延迟），在连续多次探测失败或推送间隔超过所声明的推送频率时开启一次数据中断，把每次数据中断与从该对方收到的中断通知相对照（是否有通知、其提前期是否满足其理由的要求，以及标准要求时的公示和向主管部门的报告），把每一项观测追加到哈希链式的证据日志中，并向 Prometheus 导出其时间序列。</p>

<h2 id="one-link">一条链路</h2>
<p><code>ecdx monitor --target URL --role carrier|platform</code> 监测一个对方；与 <code>ecdx test</code> 中一样，<code>--role</code> 是对方的角色，凭据选项也与 <code>ecdx test</code> 相同（<code>--key-id</code>、<code>--key-file</code> 或 <code>--key-env</code>，私钥绝不出现在命令行上）。<code>--interval 30s</code> 设定探测的频率，<code>--duration 24h</code> 设定运行时长，<code>--state FILE</code> 设定一个 SQLite 文件，跨重启保存未结束的数据中断和各项计数（监测进程被停止、重启或以 SIGKILL 终止，都不会丢失任何记录，跨越重启的一次数据中断只计一次），<code>--metrics-port 9464</code> 设定供 Prometheus 抓取的端口，<code>--report-dir DIR</code> 设定写入 <code>report.json</code> 和 HTML 报告（含可用性和数据中断的时间线）的目录。<code>--config FILE</code> 从 YAML 或 JSON 文件读取同样的选项，以及多个目标。</p>
<details><summary><code>ecdx monitor --help</code></summary><pre><code>${MONITOR_HELP.trim()}</code></pre></details>

<h2 id="shards">众多链路：每个分片一个监测进程</h2>
<p>有数百个对方的一方，把其链路分成若干分片，每个分片运行一个监测进程，各用一个列出该分片 <code>targets</code> 的配置文件。分片是一个故障域：一个监测进程停止，只会带走其所在分片的链路，<code>EcdxMonitorDown</code> 会指出这一点。分片也是一个证据单元：每个分片有自己的状态文件和证据日志，一方可以只把发生纠纷的那条链路所在分片的证据日志交给主管部门，而无需公开其他分片。分片要足够小，使对每个目标的一轮探测远在探测间隔之内完成（默认 30 秒时为几十条链路）；每条链路只放在一个分片中：两个监测进程监测同一条链路，会各自计入其数据中断。</p>
<p>该文件为整个进程设定一次选项（<code>interval</code>、<code>failuresToOpen</code>、<code>probeTimeout</code>、<code>state</code>、<code>metricsPort</code>、<code>reportDir</code> …），并为每个目标设定 <code>name</code>（即它在每个时间序列中的 <code>target</code> 标签，以及它在每条证据记录中的名称）、<code>target</code>（基础 URL）、<code>role</code>，以及可选的 <code>canaryWaybill</code>、<code>pushGap</code>（所声明的推送频率）和它的密钥选项。私钥通过文件或环境变量给出，绝不写在该文件中。</p>
${shown('ecdx-monitor.links-01.yml')}

<h2 id="prometheus">Prometheus</h2>
<p>每个分片的监测进程由其旁边的一个 Prometheus 抓取，该 Prometheus 同时评估告警规则，使告警不依赖分片以外的任何网络连接。时间序列再从那里以下述两种方式之一，到达读取它们的地方。</p>
<h3 id="remote-write">远程写入主管部门的存储</h3>
<p>若主管部门（或该方自己的中心运维）维护一个接受 Prometheus 远程写入（remote-write）的长期存储（启用 <code>--web.enable-remote-write-receiver</code> 的 Prometheus、Thanos Receive、Mimir、VictoriaMetrics …），每个分片的 Prometheus 就把监测进程的时间序列写入该存储。每个时间序列都带有分片的外部标签（<code>shard</code>、<code>party</code>），使存储能够区分各分片和各方；离开分片的只有监测进程的时间序列和抓取的健康状况。与存储断开的分片把样本保存在其预写日志中，连接恢复后再发送。</p>
${shown('prometheus-shard.yml')}
<h3 id="federation">或由中心 Prometheus 联邦采集</h3>
<p>没有这样的存储时，由一个中心 Prometheus 联邦（federation）采集各分片：它从每个分片的 <code>/federate</code> 端点拉取监测进程的时间序列（附带分片的外部标签），供仪表盘和跨所有链路的查询使用。告警规则仍由各分片评估；中心 Prometheus 不加载任何规则，以免同一告警触发两次。联邦只拉取最新的样本：中心 Prometheus 无法访问某个分片期间，数据会出现缺口，而远程写入不会有这种缺口。</p>
${shown('prometheus-federation.yml')}
<h3 id="single">单机</h3>
<p>用于单个监测进程（在测试台上，还可抓取参考模拟服务经 <code>ecdx mock --metrics-port</code> 导出的自身时间序列：${Object.values(MOCK_METRICS).map((name, i) => html`${i > 0 ? '、' : ''}<code>${name}</code>`)}）：</p>
${shown('prometheus.yml')}

<h2 id="alerts">告警规则</h2>
<p><a href="../${folder}/alerts.yml"><code>${folder}/alerts.yml</code></a> 包含这些规则，每条规则都有一个 <code>severity</code> 标签，以及写明目标和数据流的摘要（summary）和描述（description）。每个告警的运行手册（runbook）链接都指向本页英文版中对应的小节；中文版使用相同的锚点。</p>
${alertSectionsZh(rules, notes)}
${shown('alerts.yml', '规则原文')}
${shown('alerts.test.yml', '供 promtool test rules 运行的规则单元测试')}

<h2 id="dashboard">Grafana 仪表盘</h2>
<p><a href="../${folder}/grafana-dashboard.json"><code>${folder}/grafana-dashboard.json</code></a>：在 Grafana 中导入它（<span lang="en">Dashboards → New → Import</span>），并为其 <code>DS_PROMETHEUS</code> 输入选择抓取各监测进程的 Prometheus，或中心 Prometheus。<code>target</code> 变量列出每条被监测的链路（<code>label_values(ecdx_monitor_feed_up, target)</code>）。仪表盘的面板如下（括号中为 Grafana 中显示的英文标题）：</p>
${dashboardPanelsZh(panels)}

<h2 id="series">时间序列</h2>
<p>除证据记录计数外，每个时间序列都以 <code>target</code> 标签携带目标所配置的 <code>name</code>。这些名称是经过测试的约定：告警规则和仪表盘只查询这些时间序列；规则或面板一旦查询监测进程未导出的时间序列或标签，测试就会失败。</p>
${seriesTableZh(series)}

<h2 id="evidence">证据日志与 <code>ecdx monitor verify-log</code></h2>
<p>每个探测结果、推送、通知、数据中断和判定都追加到证据日志中，每行一条 JSON 记录，每条记录都带有前一行的 SHA-256，在运营方提供 Ed25519 私钥时还带有签名；日志旁的头文件指明最后一条记录。当对方就谁先中断数据传输提出异议时，一方交给主管部门的正是这份日志：收到日志的人可以用 <code>ecdx monitor verify-log</code> 校验，也可以只用 <code>sha256sum</code> 和 <code>openssl</code> 校验。被编辑、删除、插入或调换顺序的记录，以及被截短的日志，都无法通过校验，并会指出所涉及的行。</p>
<pre><code>${VERIFY_LOG_HELP.trim()}</code></pre>

<h2 id="tested">这些文件如何测试</h2>
<p>ECDX 自身的测试对告警规则运行 <code>promtool check rules</code> 和 <code>promtool test rules</code>（表明每个告警在应触发时触发、在不应触发时保持静默），对上述每个 Prometheus 配置运行 <code>promtool check config</code>，把仪表盘的每个查询按 PromQL 解析，并核对它们所查询的每个时间序列和标签都是监测进程所导出的。一个真实的 Prometheus（Debian 的软件包）抓取一个监测进程和参考模拟服务的指标端点，评估告警规则，并通过其 HTTP API 查询时间序列、直方图的分位数和告警。监测为何如此构建：见<a href="decisions/0055-monitoring-many-links.md">决策 0055</a>；证据日志的格式：见<a href="decisions/0054-hash-chained-evidence-log.md">决策 0054</a>（两份决策均为英文）。</p>`;
}
