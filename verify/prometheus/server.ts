// A real Prometheus server for tests (Debian's /usr/bin/prometheus): started on loopback on a free port, with a
// temporary TSDB and a generated configuration that scrapes the given /metrics URLs every second (and evaluates the
// given rule files as often), so that a test sees what an operator's Prometheus makes of the monitor's and the
// mock's exposition, through the same HTTP API a dashboard or an alert uses. Nothing is mocked: if the text format,
// a series name or a label were wrong, the queries here would come back empty. Prometheus 2.42 hands the scrape
// manager its targets on a fixed 5 s tick, so the first scrape comes some 5-6 s after start whatever the interval.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from '../monitor/scenario.ts';

/** Debian's package puts it here; .ci/run installs it where missing. */
export const PROMETHEUS_BINARY = '/usr/bin/prometheus';

export interface ScrapeTarget {
  /** The scrape job, Prometheus' `job` label. */
  job: string;
  /** The full URL of the metrics, e.g. `http://127.0.0.1:9464/metrics`. */
  url: string;
}

export interface PrometheusOptions {
  targets: readonly ScrapeTarget[];
  /** Rule files (absolute paths) to evaluate every second. */
  ruleFiles?: readonly string[];
  /** How long to wait for /-/ready; default 10 s. */
  readyTimeoutMs?: number;
  binary?: string;
}

/** One element of an instant vector, as /api/v1/query returns it, with the value parsed. */
export interface Sample {
  metric: Record<string, string>;
  value: number;
}

export interface PrometheusServer {
  /** e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** An instant query through /api/v1/query; throws with Prometheus' error on anything but a vector. */
  query(promql: string): Promise<Sample[]>;
  /** Polls `promql` until `done` holds for its result, or throws after `timeoutMs` with the last result and the log. */
  waitFor(promql: string, done: (samples: Sample[]) => boolean, timeoutMs?: number): Promise<Sample[]>;
  /** What Prometheus logged so far (for a failure message). */
  log(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s; removes the TSDB and the configuration. */
  stop(): Promise<void>;
}

export const prometheusAvailable = (binary = PROMETHEUS_BINARY): boolean => existsSync(binary);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The configuration: one job per target, scraped every second at its own path. */
export function prometheusConfig(targets: readonly ScrapeTarget[], ruleFiles: readonly string[] = []): string {
  return stringify({
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    ...(ruleFiles.length > 0 ? { rule_files: [...ruleFiles] } : {}),
    scrape_configs: targets.map(({ job, url }) => {
      const { protocol, host, pathname } = new URL(url);
      return { job_name: job, scheme: protocol.replace(':', ''), metrics_path: pathname, static_configs: [{ targets: [host] }] };
    }),
  });
}

export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusServer> {
  const { targets, ruleFiles = [], readyTimeoutMs = 10_000, binary = PROMETHEUS_BINARY } = options;
  const dir = mkdtempSync(join(tmpdir(), 'ecdx-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, prometheusConfig(targets, ruleFiles));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Prometheus would otherwise serve its console templates from /etc/prometheus, which a test has no use for.
      '--web.console.templates=',
      '--web.console.libraries=',
      '--log.level=info',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void gone.then(() => (exited = true));
  // The test runner may end without stop(): never leave a Prometheus behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`prometheus exited before it was ready:\n${output}`);
    }
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus was not ready within ${readyTimeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }

  const query = async (promql: string): Promise<Sample[]> => {
    const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: promql })}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    if (body.status !== 'success' || body.data?.resultType !== 'vector') throw new Error(`query ${promql}: ${body.error ?? JSON.stringify(body)}`);
    return body.data.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
  };

  return {
    url,
    query,
    log: () => output,
    stop,
    async waitFor(promql, done, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      let last: Sample[] = [];
      for (;;) {
        last = await query(promql);
        if (done(last)) return last;
        if (Date.now() > until) {
          throw new Error(`${promql} did not come as expected within ${timeoutMs} ms; last: ${JSON.stringify(last)}\n${output.slice(-4000)}`);
        }
        await sleep(200);
      }
    },
  };
}
