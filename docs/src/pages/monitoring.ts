// docs/monitoring.html: "Monitoring many links" — running `ecdx monitor` for every link of a party (one monitor per
// shard of links, a Prometheus per shard that writes to the authority's store or is federated by a central one),
// the alert rules, the Grafana dashboard and the evidence log. The configuration files, rules and dashboard are
// shown as they are in monitor/prometheus/, read at build time, and the alerts table and the series table come from
// the files and the monitor's registry themselves: monitor/prometheus/assets.test.ts runs promtool on the same files
// and verify/prometheus/prometheus.test.ts a real Prometheus, so the page shows what is tested.
// The Chinese page (docs/zh-Hans/monitoring.html) is built from the same sources by monitoring-zh.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { MONITOR_HELP } from '../../../cli/monitor.ts';
import { VERIFY_LOG_HELP } from '../../../cli/verify-log.ts';
import { MOCK_METRICS } from '../../../mocks/metrics.ts';
import { MonitorMetrics } from '../../../monitor/metrics.ts';
import { html, type Html } from '../html.ts';
import { page, ROOT, type Lang } from '../layout.ts';
import { monitoringBodyZh } from './monitoring-zh.ts';

const FOLDER = 'monitor/prometheus';
const asset = (file: string): string => readFileSync(join(ROOT, FOLDER, file), 'utf8');

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}

/** A shipped file: a link to it in the repository and its text as it is; the summary's brackets are the page's. */
function shown(file: string, summary?: string, lang: Lang = 'en'): Html {
  const text = asset(file);
  const link = html`<a href="../${FOLDER}/${file}"><code>${FOLDER}/${file}</code></a>`;
  return summary === undefined
    ? html`<p class="small">${link}</p><pre><code>${text}</code></pre>`
    : lang === 'en'
      ? html`<details><summary>${summary} (${link})</summary><pre><code>${text}</code></pre></details>`
      : html`<details><summary>${summary}（${link}）</summary><pre><code>${text}</code></pre></details>`;
}

const alertRules = (): AlertRule[] => (parse(asset('alerts.yml')) as { groups: { rules: AlertRule[] }[] }).groups.flatMap((g) => g.rules);

/** The dashboard's panels, rows left out. */
const dashboardPanelList = (): { type: string; title: string; description?: string }[] =>
  (JSON.parse(asset('grafana-dashboard.json')) as { panels: { type: string; title: string; description?: string }[] }).panels.filter((p) => p.type !== 'row');

/** An annotation as a reader of the page wants it: the labels named, the runbook (this page) left out. */
const readable = (text: string): string =>
  text
    .replace(/\{\{ \$labels\.(\w+) \}\}/g, '<$1>')
    .replace(/\{\{ \$value[^}]*\}\}/g, '<value>')
    .replace(/\s*Runbook: \S+$/, '');

/** What the rule's expression does not say by itself. */
const NOTES: Record<string, Html> = {
  EcdxInterruptionWithoutCompliantNotice: html`<p>The rule watches the <em>rise</em> of the non-compliant count, never its level.
<code>ecdx_monitor_interruptions</code> is a gauge of the interruptions the monitor's state holds, by feed and
by how each stands against the notices: it rises when an interruption is judged non-compliant (at once, or later,
when a disclosure or a report to the authorities falls due unmade), stays put across a restart of the monitor and
drops to 0 only when the state is replaced. The level would keep the alert on for as long as the state lives; the
rule fires when the count is above its lowest value of the last hour, or when a series that did not exist an hour
before is already above 0 (the first non-compliant interruption of a feed creates its series at 1, which no rate
can see). It resolves an hour after the last rise; the report and the evidence log keep the interruption for good.
Not <code>increase()</code>, which is for counters (any drop reads as a reset, and it extrapolates fractions), nor
<code>delta()</code>, which needs two samples in the window and nets a drop against a rise.</p>`,
};

function alertSections(): Html {
  return html`${alertRules().map(
    (rule) => html`<h3 id="${rule.alert}"><code>${rule.alert}</code></h3>
<p><strong>${rule.labels.severity}</strong>, ${rule.for ? `after ${rule.for}` : 'at once'}: ${readable(rule.annotations.summary)}.</p>
<pre><code>${rule.expr.trim()}</code></pre>
<p>${readable(rule.annotations.description)}</p>
${NOTES[rule.alert]}
`,
  )}`;
}

async function seriesTable(): Promise<Html> {
  const metrics = await new MonitorMetrics().registry.getMetricsAsJSON();
  return html`<div class="table-wrap"><table><thead><tr><th>Series</th><th>Type</th><th>What it counts</th></tr></thead>
<tbody>${metrics.map((m) => html`<tr><td><code>${m.name}</code></td><td>${String(m.type)}</td><td>${m.help}</td></tr>`)}</tbody></table></div>`;
}

function dashboardPanels(): Html {
  return html`<ul>${dashboardPanelList().map((p) => html`<li><strong>${p.title}</strong>: ${p.description ?? ''}</li>`)}</ul>`;
}

export async function monitoringPage(lang: Lang = 'en'): Promise<string> {
  const head = html`<h1>Monitoring many links</h1>
<p class="lead">Check every data link with its counterparties all the time, keep evidence of each interruption that
holds in a dispute, and see the state of every link in Prometheus and Grafana.</p>
`;
  const rest = html`<p>The Opinions ask each party to check its data interconnection automatically and monitor it end to end (OP-06),
forbid an interruption without advance notice (OP-07), and have the authorities assess sharing and settle disputes
between the parties (OP-11, OP-12). A conformance run shows none of that; <code>ecdx monitor</code>, running for
weeks, does. It probes the counterparty on a schedule (the health document, a canary trajectory query and, with a
subscription, the push feed with the latency from each event's <code>occurredAt</code> to its receipt), opens an
interruption after a run of failed probes or a push gap beyond the declared cadence, holds each interruption against
the interruption notices received from that counterparty (a notice, its lead time for its reason, the public
disclosure and the report to the authorities where the standard requires them), appends every observation to a
hash-chained evidence log, and exports its series to Prometheus.</p>

<h2 id="one-link">One link</h2>
<p><code>ecdx monitor --target URL --role carrier|platform</code> watches one counterparty; <code>--role</code> is
the counterparty's role, as in <code>ecdx test</code>, and the credentials options are those of
<code>ecdx test</code> (<code>--key-id</code>, <code>--key-file</code> or <code>--key-env</code>, never the key on
the command line). <code>--interval 30s</code> sets how often it probes, <code>--duration 24h</code> how long it
runs, <code>--state FILE</code> the SQLite file that keeps the open interruptions and the counts across restarts (a
monitor stopped, restarted or killed with SIGKILL loses no record and counts an interruption that spans the restart
once), <code>--metrics-port 9464</code> where Prometheus scrapes it, and <code>--report-dir DIR</code> where it
writes <code>report.json</code> and the HTML report with the timeline of availability and interruptions.
<code>--config FILE</code> reads the same options, and many targets, from a YAML or JSON file.</p>
<details><summary><code>ecdx monitor --help</code></summary><pre><code>${MONITOR_HELP.trim()}</code></pre></details>

<h2 id="shards">Many links: one monitor per shard</h2>
<p>A party with hundreds of counterparties splits its links into shards and runs one monitor process per shard,
each with a config file that lists the shard's <code>targets</code>. A shard is a failure domain: a monitor that
stops takes only its shard's links with it, and <code>EcdxMonitorDown</code> says so. It is also a unit of evidence:
each shard has its own state file and its own evidence log, which a party hands the authorities for the link in
dispute without opening the others. Keep the shards small enough that one round of probes of every target ends
well inside the interval (a few dozen links at the 30 s default), and a link in one shard only: two monitors
watching one link would each count its interruptions.</p>
<p>The file sets the process's options once (<code>interval</code>, <code>failuresToOpen</code>,
<code>probeTimeout</code>, <code>state</code>, <code>metricsPort</code>, <code>reportDir</code> …) and each target's
<code>name</code> (its <code>target</code> label in every series and its name in every evidence record),
<code>target</code> (the base URL), <code>role</code>, and optionally <code>canaryWaybill</code>,
<code>pushGap</code> (the declared push cadence) and its key options. Keys are given by file or environment
variable, never in the file.</p>
${shown('ecdx-monitor.links-01.yml')}

<h2 id="prometheus">Prometheus</h2>
<p>Each shard's monitor is scraped by a Prometheus next to it, which also evaluates the alert rules, so that an
alert does not depend on any link beyond the shard. From there the series reach the place they are read from in
one of two ways.</p>
<h3 id="remote-write">Remote-write to the authority's store</h3>
<p>Where an authority (or the party's own central operations) keeps a long-term store that accepts Prometheus
remote-write (Prometheus with <code>--web.enable-remote-write-receiver</code>, Thanos Receive, Mimir,
VictoriaMetrics …), each shard's Prometheus writes the monitor's series to it. Each series carries the shard's
external labels (<code>shard</code>, <code>party</code>), so that the store tells the shards and the parties apart;
only the monitor's series and the scrape health leave the shard. A shard cut off from the store keeps its samples
in its write-ahead log and sends them when the link is back.</p>
${shown('prometheus-shard.yml')}
<h3 id="federation">Or federation to a central Prometheus</h3>
<p>Where there is no store, a central Prometheus federates the shards: it pulls the monitor's series from each
shard's <code>/federate</code> endpoint, with the shard's external labels attached, for the dashboard and the
queries across every link. The shards keep evaluating the alert rules; the central one loads none, so that no
alert fires twice. Federation pulls only the latest samples: a central Prometheus that cannot reach a shard has a
gap for that time, which remote-write would not have.</p>
${shown('prometheus-federation.yml')}
<h3 id="single">One machine</h3>
<p>For one monitor (and, on a test bench, the reference mock's own series from <code>ecdx mock --metrics-port</code>:
${Object.values(MOCK_METRICS).map((name, i) => html`${i > 0 ? ', ' : ''}<code>${name}</code>`)}):</p>
${shown('prometheus.yml')}

<h2 id="alerts">The alert rules</h2>
<p><a href="../${FOLDER}/alerts.yml"><code>${FOLDER}/alerts.yml</code></a> holds the rules, each with a
<code>severity</code> label and a summary and description that name the target and the feed. Each alert's runbook
link points to its section here.</p>
${alertSections()}
${shown('alerts.yml', 'The rules as they are')}
${shown('alerts.test.yml', 'Their unit tests (promtool test rules)')}

<h2 id="dashboard">The Grafana dashboard</h2>
<p><a href="../${FOLDER}/grafana-dashboard.json"><code>${FOLDER}/grafana-dashboard.json</code></a>: import it in
Grafana (Dashboards → New → Import) and choose the Prometheus that scrapes the monitors, or the central one, for its
<code>DS_PROMETHEUS</code> input. The <code>target</code> variable lists every monitored link
(<code>label_values(ecdx_monitor_feed_up, target)</code>). Its panels:</p>
${dashboardPanels()}

<h2 id="series">The series</h2>
<p>Every series but the evidence count carries the target's configured <code>name</code> as <code>target</code>.
The names are a tested contract: the alert rules and the dashboard query these and no other, and a test fails when
a rule or a panel queries a series or a label the monitor does not export.</p>
${await seriesTable()}

<h2 id="evidence">The evidence log and <code>ecdx monitor verify-log</code></h2>
<p>Every probe result, push, notice, interruption and verdict is appended to the evidence log, one JSON record per
line, each carrying the SHA-256 of the line before it and, with the operator's Ed25519 key, a signature; a head file
beside it names the last record. The log is what a party hands the authorities when the other side disputes who
interrupted first: whoever receives it checks it with <code>ecdx monitor verify-log</code>, or with
<code>sha256sum</code> and <code>openssl</code> alone. An edited, deleted, inserted or reordered record,
or a log cut short, fails the check with the line it concerns.</p>
<pre><code>${VERIFY_LOG_HELP.trim()}</code></pre>

<h2 id="tested">How these files are tested</h2>
<p>ECDX's own test suite runs <code>promtool check rules</code> and <code>promtool test rules</code> on the alert rules
(each alert shown firing where it should and quiet where it should not), <code>promtool check config</code> on every
Prometheus configuration above, parses every dashboard query as PromQL, and holds every series and label they query
to what the monitor exports. A real Prometheus (Debian's package) scrapes a monitor's metrics endpoint and the
reference mock's, evaluates the alert rules, and is asked through its HTTP API for the series, the histograms'
quantiles and the alerts. Why the monitoring is built this way: <a href="decisions/0055-monitoring-many-links.md">decision
0055</a>; the evidence log's format: <a href="decisions/0054-hash-chained-evidence-log.md">decision 0054</a>.</p>`;
  return page({
    file: 'monitoring.html',
    lang,
    title: lang === 'en' ? 'Monitoring many links' : '监测众多数据链路',
    description:
      lang === 'en'
        ? 'Running ecdx monitor for many links: a monitor per shard, Prometheus with remote-write or federation, the alert rules, the Grafana dashboard and the evidence log.'
        : '为众多数据链路运行 ecdx monitor：每个分片一个监测进程，Prometheus 远程写入或联邦，告警规则，Grafana 仪表盘和证据日志。',
    body:
      lang === 'en'
        ? html`${head}${rest}`
        : monitoringBodyZh({
            folder: FOLDER,
            rules: alertRules(),
            panels: dashboardPanelList(),
            series: (await new MonitorMetrics().registry.getMetricsAsJSON()).map((m) => ({ name: m.name, type: String(m.type) })),
            notes: Object.keys(NOTES),
            shown: (file, summary) => shown(file, summary, 'zh-Hans'),
          }),
    width: 'prose',
  });
}
