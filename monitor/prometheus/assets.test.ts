// The Prometheus files the project ships for `ecdx monitor` are tested as an operator will use them: promtool checks
// the rules and every configuration (rule paths resolve from the file's own folder, as Prometheus resolves them) and
// runs the rules' unit tests; every series and label that a rule or a dashboard panel queries is one the monitor
// exports (so renaming a series in monitor/metrics.ts fails here, not in someone's silent dashboard); and each
// alert's runbook link lands on an anchor of the published docs page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { SPEC_VERSION } from '../../schemas/src/classes.ts';
import { configProblem } from '../config.ts';
import { MONITOR_METRICS, MonitorMetrics } from '../metrics.ts';
import { COMPLIANCE } from '../report-schema.ts';

const HERE = import.meta.dirname;
const read = (file: string): string => readFileSync(join(HERE, file), 'utf8');
const CONFIGS = readdirSync(HERE).filter((f) => /^prometheus.*\.yml$/.test(f));
const RUNBOOK = `https://ecdx.dev/spec/${SPEC_VERSION}/monitoring.html`;

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
interface Panel {
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string; datasource: { uid: string } }[];
}
interface Dashboard {
  schemaVersion: number;
  __inputs: { name: string; type: string; pluginId: string }[];
  templating: { list: { name: string; query: { query: string }; datasource: { uid: string } }[] };
  panels: Panel[];
}

const alerts = (parse(read('alerts.yml')) as { groups: { rules: AlertRule[] }[] }).groups.flatMap((g) => g.rules);
const dashboard = JSON.parse(read('grafana-dashboard.json')) as Dashboard;
const queries = dashboard.panels.filter((p) => p.type !== 'row');
/** Grafana's own variables, given values so that promtool can parse the panels' queries as PromQL. */
const asPromql = (expr: string): string => expr.replaceAll('$__rate_interval', '5m').replaceAll('$target', '.*');
const EXPRESSIONS: { where: string; expr: string }[] = [
  ...alerts.map((a) => ({ where: `alert ${a.alert}`, expr: a.expr })),
  ...queries.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel "${p.title}"`, expr: asPromql(t.expr) }))),
];

const promtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
if (!promtool) console.warn("monitor/prometheus: promtool is not installed, its checks are skipped (.ci/run installs Debian's prometheus)");

/** promtool's exit status and output; never throws. */
function runPromtool(args: string[], cwd = HERE): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!promtool)('the shipped Prometheus files, through promtool', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ecdx-promtool-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('alerts.yml passes promtool check rules', () => {
    const { status, output } = runPromtool(['check', 'rules', 'alerts.yml']);
    expect(output, output).toMatch(/SUCCESS: 5 rules found/);
    expect(status, output).toBe(0);
  });

  it('alerts.yml passes its unit tests (alerts.test.yml): each alert fires where it should and nowhere else', () => {
    const { status, output } = runPromtool(['test', 'rules', 'alerts.test.yml']);
    expect(status, output).toBe(0);
  });

  it('the unit tests cover every alert, firing and quiet', () => {
    const tests = (parse(read('alerts.test.yml')) as { tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[] }).tests;
    const cases = tests.flatMap((t) => t.alert_rule_test);
    for (const { alert } of alerts) {
      expect(
        cases.some((c) => c.alertname === alert && c.exp_alerts.length > 0),
        `${alert} shown firing`,
      ).toBe(true);
      expect(
        cases.some((c) => c.alertname === alert && c.exp_alerts.length === 0),
        `${alert} shown quiet`,
      ).toBe(true);
    }
  });

  it.each(CONFIGS)('%s passes promtool check config', (file) => {
    const { status, output } = runPromtool(['check', 'config', file]);
    expect(output, output).toMatch(new RegExp(`SUCCESS: ${file} is valid`));
    expect(status, output).toBe(0);
  });

  it('promtool check config fails a configuration without its rule file, or with a misspelt key (the checks can fail)', () => {
    writeFileSync(join(scratch, 'prometheus.yml'), read('prometheus.yml'));
    expect(runPromtool(['check', 'config', 'prometheus.yml'], scratch).status).not.toBe(0);
    writeFileSync(join(scratch, 'alerts.yml'), read('alerts.yml'));
    expect(runPromtool(['check', 'config', 'prometheus.yml'], scratch).status).toBe(0);
    writeFileSync(join(scratch, 'prometheus.yml'), read('prometheus.yml').replace('scrape_interval:', 'scrape_intervall:'));
    expect(runPromtool(['check', 'config', 'prometheus.yml'], scratch).status).not.toBe(0);
  });

  it("every panel's query of the Grafana dashboard is PromQL that parses", () => {
    const rules = { groups: [{ name: 'dashboard', rules: EXPRESSIONS.map(({ expr }, i) => ({ record: `dashboard:query_${i}`, expr })) }] };
    const file = join(scratch, 'dashboard-queries.yml');
    writeFileSync(file, stringify(rules));
    const { status, output } = runPromtool(['check', 'rules', file], scratch);
    expect(status, output).toBe(0);
  });
});

/** Every series the monitor exports, with its label names: read from the exposition text of a filled registry. */
async function exportedSeries(): Promise<Map<string, Set<string>>> {
  const metrics = new MonitorMetrics();
  metrics.probed('t', 'health', true, 0.1);
  metrics.roundEnded('t', Date.now());
  metrics.feed('t', 'PARCEL_DATA_PUSH', true, 1);
  metrics.pushReceived('t', [3]);
  metrics.interruptions(
    't',
    COMPLIANCE.map((compliance) => ({ feed: 'PARCEL_DATA_PUSH' as const, compliance, count: 0 })),
  );
  metrics.noticesReceived('t', 'PLANNED_MAINTENANCE');
  metrics.evidenceAppended();
  const series = new Map<string, Set<string>>();
  for (const line of (await metrics.text()).split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})? /.exec(line);
    if (!m) continue;
    const labels = series.get(m[1]!) ?? new Set<string>();
    for (const [, label] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="/g)) labels.add(label!);
    series.set(m[1]!, labels);
  }
  return series;
}

/** The label matchers of each selector of an `ecdx_*` series (or the scrape's `up`) in a PromQL expression. */
function selectors(expr: string): { series: string; matchers: { label: string; value: string }[] }[] {
  return [...expr.matchAll(/\b(ecdx_[a-z0-9_]+|up)\b(?:\{([^}]*)\})?/g)].map(([, series, inside]) => ({
    series: series!,
    matchers: [...(inside ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)\s*"([^"]*)"/g)].map(([, label, value]) => ({
      label: label!,
      value: value!,
    })),
  }));
}

describe('the series the rules and the dashboard query are the ones the monitor exports', async () => {
  const exported = await exportedSeries();
  // The scrape's own series, which Prometheus adds to every target.
  exported.set('up', new Set(['job', 'instance']));

  it('fills every series of MONITOR_METRICS in this test (so none goes unchecked)', () => {
    const names = [...exported.keys()];
    for (const name of Object.values(MONITOR_METRICS))
      expect(
        names.some((n) => n === name || n.startsWith(`${name}_`)),
        name,
      ).toBe(true);
  });

  it.each(EXPRESSIONS)('$where queries only exported series, by their labels', ({ expr }) => {
    const found = selectors(expr);
    expect(found.length, expr).toBeGreaterThan(0);
    for (const { series, matchers } of found) {
      const labels = exported.get(series);
      expect(labels, `${series} is not exported by the monitor (a histogram is queried as _bucket, _sum or _count)`).toBeDefined();
      for (const { label, value } of matchers) {
        expect(labels!.has(label), `${series} has no label ${label}`).toBe(true);
        if (label === 'compliance') expect(COMPLIANCE as readonly string[], `compliance="${value}"`).toContain(value);
      }
    }
  });

  it('catches a renamed series and a wrong label value (the check above can fail)', () => {
    const [selector] = selectors('ecdx_monitor_feed_upp{target=~"$target",compliance="noncompliant"}');
    expect(exported.has(selector!.series)).toBe(false);
    expect(COMPLIANCE as readonly string[]).not.toContain(selector!.matchers[1]!.value);
  });
});

describe('the alerts as an operator receives them', () => {
  const page = (() => {
    try {
      return readFileSync(join(HERE, '..', '..', 'docs', 'monitoring.html'), 'utf8');
    } catch {
      return '';
    }
  })();

  it.each(alerts)('$alert has a severity, a summary and a description that name the link, and a runbook on the docs page', (alert) => {
    expect(['critical', 'warning']).toContain(alert.labels.severity);
    const named = alert.alert === 'EcdxMonitorDown' ? ['{{ $labels.instance }}'] : ['{{ $labels.target }}'];
    if (/feed_|interruptions/.test(alert.expr)) named.push('{{ $labels.feed }}');
    for (const label of named) {
      expect(alert.annotations.summary, alert.alert).toContain(label);
      expect(alert.annotations.description, alert.alert).toContain(label);
    }
    const runbook = `${RUNBOOK}#${alert.alert}`;
    expect(alert.annotations.runbook_url).toBe(runbook);
    expect(alert.annotations.description).toContain(runbook);
    expect(page, `docs/monitoring.html has the anchor id="${alert.alert}"`).toContain(`id="${alert.alert}"`);
  });

  it('EcdxMonitorDown watches the job that the single and the shard configurations scrape the monitor as', () => {
    const job = /job="([^"]+)"/.exec(alerts.find((a) => a.alert === 'EcdxMonitorDown')!.expr)![1];
    for (const file of ['prometheus.yml', 'prometheus-shard.yml']) {
      const config = parse(read(file)) as { scrape_configs: { job_name: string }[] };
      expect(
        config.scrape_configs.map((s) => s.job_name),
        file,
      ).toContain(job);
    }
  });
});

describe('the configurations for many links', () => {
  it("the shard's monitor config (ecdx-monitor.links-01.yml) is a valid ecdx monitor --config file, and a misspelt option is not", () => {
    const config = parse(read('ecdx-monitor.links-01.yml')) as Record<string, unknown>;
    expect(configProblem(config)).toBeUndefined();
    expect(configProblem({ ...config, intervall: '30s' })).toMatch(/intervall|additional/i);
  });

  it('a shard labels its series with its shard and writes the monitor series to the store', () => {
    const shard = parse(read('prometheus-shard.yml')) as {
      global: { external_labels: Record<string, string> };
      remote_write: { url: string; write_relabel_configs: { regex: string; action: string }[] }[];
    };
    expect(shard.global.external_labels.shard).toBeTruthy();
    expect(shard.remote_write[0]!.url).toMatch(/^https:\/\/.+\/api\/v1\/write$/);
    const keep = shard.remote_write[0]!.write_relabel_configs.find((r) => r.action === 'keep')!;
    for (const name of [...Object.values(MONITOR_METRICS), 'up']) expect(new RegExp(`^(?:${keep.regex})$`).test(name), name).toBe(true);
  });

  it('the central Prometheus federates every monitor series from the shards, keeping their labels, and alerts on none', () => {
    const central = parse(read('prometheus-federation.yml')) as {
      rule_files?: string[];
      scrape_configs: { metrics_path: string; honor_labels: boolean; params: { 'match[]': string[] } }[];
    };
    const [federate] = central.scrape_configs;
    expect(federate).toMatchObject({ metrics_path: '/federate', honor_labels: true });
    expect(federate!.params['match[]']).toContain('{__name__=~"ecdx_monitor_.+"}');
    expect(central.rule_files).toBeUndefined();
  });
});

describe('the Grafana dashboard', () => {
  it('takes its Prometheus as the DS_PROMETHEUS input and every panel queries through it', () => {
    // Grafana's placeholder for the input, a plain string in the JSON.
    const input = ['${', 'DS_PROMETHEUS', '}'].join('');
    expect(dashboard.schemaVersion).toBe(39);
    expect(dashboard.__inputs).toContainEqual(expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' }));
    for (const panel of queries) {
      expect(panel.datasource?.uid, panel.title).toBe(input);
      for (const target of panel.targets ?? []) expect(target.datasource.uid, panel.title).toBe(input);
    }
  });

  it('picks the targets from the monitor and narrows every per-target panel to them', () => {
    const [variable] = dashboard.templating.list;
    expect(variable).toMatchObject({ name: 'target', query: { query: 'label_values(ecdx_monitor_feed_up, target)' } });
    for (const { where, expr } of EXPRESSIONS.filter((e) => e.where.startsWith('panel'))) {
      // The evidence log is the process's, not a target's: its series has no target label.
      if (expr.includes(MONITOR_METRICS.evidence)) continue;
      expect(expr, where).toContain('target=~".*"');
    }
  });

  it('has a panel on every series the monitor exports', () => {
    const queried = EXPRESSIONS.filter((e) => e.where.startsWith('panel'))
      .map((e) => e.expr)
      .join('\n');
    for (const name of Object.values(MONITOR_METRICS)) expect(queried, name).toContain(name);
  });
});
