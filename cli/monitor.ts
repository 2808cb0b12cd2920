// `ecdx monitor`: watch one link (the flags) or many (a config file's `targets:`) until stopped, writing the evidence
// log, the state, the metrics and the reports. The flags and the file come to one MonitorOptions; anything wrong
// with them is a usage error (exit 2) before a probe is sent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { demoCredentials, type SigningKey } from '../protocol/index.ts';
import { ConfigurationError } from '../conformance/harness/runner.ts';
import { demoKeysOf } from '../conformance/harness/runner.ts';
import { type Environment, languageOf } from './options.ts';
import type { PartyRole } from '../schemas/src/index.ts';
import { configProblem, durationMs, type MonitorConfigFile, type TargetConfig } from '../monitor/config.ts';
import { startMonitor, type MonitorOptions, type MonitoredTarget } from '../monitor/monitor.ts';
import { StateFileError } from '../monitor/journal.ts';
import { loadKey, loadSignKey, loadTargetKey, reason } from './key-files.ts';

export const MONITOR_HELP = `Usage: ecdx monitor --target URL --role carrier|platform [options]
       ecdx monitor --config FILE [options]
       ecdx monitor verify-log FILE [--public-key FILE] [--head HASH] [--json]

Watches the data interconnection with a counterparty (OP-06) until stopped (Ctrl+C, SIGTERM) or for
--duration: every interval it probes the target's health and, for a carrier, a canary trajectory; it takes
the target's pushes on a subscription of its own and the interruption notices the target sends it. A feed
that fails --failures-to-open rounds in a row, or sends no push for longer than --push-gap, is interrupted
from its first failure until it answers again; each interruption is judged against the notices received
(lead time, severity, disclosure, report to the authorities: OP-07). Every probe, push, notice, interruption
and verdict is a record of a hash-chained evidence log (check it with ecdx monitor verify-log).

Target (or a config file's targets: list, one process watching many links)
  --target URL             base URL of the counterparty, the part before /v1
  --role ROLE              its role: carrier or platform
  --name NAME              the link's name in metrics, records and reports (default: the URL's host)
  --canary-waybill NO      a waybill whose trajectory is pulled every round (a carrier); a test deployment
                           gets a canary shipment created when none is given
  --push-gap DURATION      the declared push cadence: no push for longer interrupts PARCEL_DATA_PUSH
  --insecure-http          allow plain http:// to a host that is not loopback

Schedule
  --interval DURATION      time between rounds (default 30s)
  --duration DURATION      stop after this long (default: run until stopped)
  --failures-to-open N     failed rounds in a row that make an interruption (default 3)
  --probe-timeout DURATION a probe answered later fails (default 2s, the standard's availability bound)
  --clock real|target      stamp records with the real clock (default) or the target's (a test deployment
                           whose clock runs fast or is moved: GET /v1/test/clock)

Evidence and state
  --state FILE             keep the state in this SQLite file (needs better-sqlite3): a restart, or SIGKILL,
                           loses no record and counts an interruption that spans it once
  --evidence FILE          the evidence log (default: evidence.jsonl in --report-dir)
  --sign-key FILE          sign every record and the head with this Ed25519 private key (PKCS#8 PEM)
  --report-dir DIR         where report.json and report.html are written (default monitor-reports/)
  --lang LANG              language of report.html: en or zh-Hans (default: the locale's, LC_ALL, LC_MESSAGES
                           or LANG, zh… for zh-Hans, else en); report.json and the evidence log are the same
                           in every language (a verdict's reason carries its Chinese beside the English)
  --metrics-port PORT      serve Prometheus metrics on http://HOST:PORT/metrics
  --metrics-host HOST      interface of the metrics endpoint (default 127.0.0.1)

Credentials and endpoints (as ecdx test)
  --key-id ID, --key-file PATH, --key-env NAME, --key-alg ALG
                           the key the monitor signs with (default: the published demo credentials)
  --target-key-id ID, --target-key-file PATH
                           the key the target signs its notices with (default: the demo keys of its role)
  --callback-host HOST, --callback-port PORT, --callback-url URL
                           the push receiver
  --counterparty-host HOST, --counterparty-port PORT, --counterparty-url URL
                           where targets send their notices (the monitor plays the other role; when it
                           watches both roles the second listens on PORT+1). The URL of each link is
                           printed on start and stays the same across restarts of one --state
  --config FILE            a JSON or YAML file: interval, duration, failuresToOpen, probeTimeout, clock, state,
                           evidence, signKey, metricsPort, metricsHost, reportDir, lang, callbackHost/Port/Url,
                           counterpartyHost/Port/Url, and targets: a
                           list of { name, target, role, canaryWaybill, pushGap, subscribe, keyId, keyFile,
                           keyEnv, keyAlg, targetKeyId, targetKeyFile, insecureHttp } (flags win)

A DURATION is a number of seconds, or a number with ms, s, m, h or d (500ms, 30s, 10m, 24h, 7d).

Exit status: 0 once stopped; 2 for a usage or configuration error.
`;

const optionSpec = {
  target: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  'canary-waybill': { type: 'string' },
  'push-gap': { type: 'string' },
  'insecure-http': { type: 'boolean' },
  interval: { type: 'string' },
  duration: { type: 'string' },
  'failures-to-open': { type: 'string' },
  'probe-timeout': { type: 'string' },
  clock: { type: 'string' },
  state: { type: 'string' },
  evidence: { type: 'string' },
  'sign-key': { type: 'string' },
  'report-dir': { type: 'string' },
  'metrics-port': { type: 'string' },
  'metrics-host': { type: 'string' },
  'key-id': { type: 'string' },
  'key-file': { type: 'string' },
  'key-env': { type: 'string' },
  'key-alg': { type: 'string' },
  'target-key-id': { type: 'string' },
  'target-key-file': { type: 'string' },
  'callback-host': { type: 'string' },
  'callback-port': { type: 'string' },
  'callback-url': { type: 'string' },
  'counterparty-host': { type: 'string' },
  'counterparty-port': { type: 'string' },
  'counterparty-url': { type: 'string' },
  lang: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = Partial<Record<keyof typeof optionSpec, string | boolean>>;

function readConfigFile(path: string): MonitorConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read --config ${path}: ${reason(error)}`);
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigurationError(`--config ${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${reason(error)}`);
  }
  if (data && typeof data === 'object' && ('key' in data || 'secret' in data))
    throw new ConfigurationError('key material does not go in a config file: use keyFile or keyEnv');
  const problem = configProblem(data);
  if (problem) throw new ConfigurationError(`--config ${path}: ${problem}`);
  return data as MonitorConfigFile;
}

const durationOf = (value: string | number | undefined, flag: string, fallback?: number): number | undefined => {
  if (value === undefined) return fallback;
  const ms = durationMs(value);
  if (!Number.isFinite(ms)) throw new ConfigurationError(`--${flag} must be a duration such as 30s, 10m or 24h, got '${value}'`);
  return ms;
};

function portOf(value: string | number | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigurationError(`--${flag} must be a port from 0 to 65535, got '${value}'`);
  return n;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

function targetOf(config: TargetConfig): MonitoredTarget {
  let url: URL;
  try {
    url = new URL(config.target);
  } catch {
    throw new ConfigurationError(`target ${config.name}: '${config.target}' is no URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError(`target ${config.name}: ${config.target} is not http(s)`);
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname) && !config.insecureHttp)
    throw new ConfigurationError(`target ${config.name}: plain http:// to ${url.hostname} needs --insecure-http (the probes are signed)`);
  const key: SigningKey = loadKey(config) ?? (config.role === 'carrier' ? demoCredentials.platform.signingKey : demoCredentials.carrier.signingKey);
  const targetKey = loadTargetKey({ keyId: config.targetKeyId, keyFile: config.targetKeyFile });
  const pushGapMs = durationOf(config.pushGap, 'push-gap');
  return {
    name: config.name,
    url: config.target.replace(/\/$/, ''),
    role: config.role,
    key,
    targetKeys: targetKey ? [targetKey] : demoKeysOf(config.role),
    ...(config.canaryWaybill ? { canaryWaybill: config.canaryWaybill } : {}),
    ...(pushGapMs ? { pushGapMs } : {}),
    subscribe: config.subscribe ?? true,
  };
}

/** Parse `ecdx monitor` arguments into MonitorOptions; throws ConfigurationError (exit 2) on any misuse. */
export function parseMonitorArguments(argv: string[], env: Environment = process.env): { help: true } | { help: false; options: MonitorOptions } {
  let values: Values;
  try {
    values = parseArgs({ args: argv, options: optionSpec, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    throw new ConfigurationError((error as Error).message.split('\n')[0]!);
  }
  if (values.help) return { help: true };
  const file: MonitorConfigFile = typeof values.config === 'string' ? readConfigFile(values.config) : {};
  const flag = (name: keyof typeof optionSpec): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const targets: TargetConfig[] = [...(file.targets ?? [])];
  const role = flag('role');
  if (flag('target') !== undefined) {
    if (role !== 'carrier' && role !== 'platform') throw new ConfigurationError(`--role must be carrier or platform${role ? `, not '${role}'` : ''}`);
    let host = 'target';
    try {
      host = new URL(flag('target')!).host.replace(/[^A-Za-z0-9._:-]/g, '-');
    } catch {
      // targetOf says what is wrong with the URL
    }
    const single: TargetConfig = {
      name: flag('name') ?? host,
      target: flag('target')!,
      role: role as PartyRole,
      ...optional('canaryWaybill', flag('canary-waybill')),
      ...optional('pushGap', flag('push-gap')),
      ...optional('keyId', flag('key-id')),
      ...optional('keyFile', flag('key-file')),
      ...optional('keyEnv', flag('key-env')),
      ...optional('keyAlg', flag('key-alg') as TargetConfig['keyAlg']),
      ...optional('targetKeyId', flag('target-key-id')),
      ...optional('targetKeyFile', flag('target-key-file')),
      ...(values['insecure-http'] === true ? { insecureHttp: true } : {}),
    };
    const problem = configProblem({ targets: [...targets, single] });
    if (problem) throw new ConfigurationError(`--target: ${problem.replace(/^\/targets\/\d+\//, '')}`);
    targets.push(single);
  } else if (role !== undefined) throw new ConfigurationError('--role goes with --target');
  if (targets.length === 0) throw new ConfigurationError('--target URL (with --role) or a --config file with targets is required');
  const lang = languageOf(flag('lang') ?? file.lang, env);
  const clock = flag('clock') ?? file.clock ?? 'real';
  if (clock !== 'real' && clock !== 'target') throw new ConfigurationError(`--clock must be real or target, not '${clock}'`);
  const failures = flag('failures-to-open') ?? file.failuresToOpen;
  const failuresToOpen = failures === undefined ? 3 : Number(failures);
  if (!Number.isInteger(failuresToOpen) || failuresToOpen < 1 || failuresToOpen > 100)
    throw new ConfigurationError(`--failures-to-open must be a whole number from 1 to 100, got '${failures}'`);
  const reportDir = flag('report-dir') ?? file.reportDir ?? 'monitor-reports';
  const signKeyPath = flag('sign-key') ?? file.signKey;
  const signer = loadSignKey(signKeyPath);
  const metricsPort = portOf(flag('metrics-port') ?? file.metricsPort, 'metrics-port');
  const durationValue = durationOf(flag('duration') ?? file.duration, 'duration');
  const callbackPort = portOf(flag('callback-port') ?? file.callbackPort, 'callback-port');
  const counterpartyPort = portOf(flag('counterparty-port') ?? file.counterpartyPort, 'counterparty-port');
  const state = flag('state') ?? file.state;
  const callback = {
    ...optional('host', flag('callback-host') ?? file.callbackHost),
    ...optional('port', callbackPort),
    ...optional('url', flag('callback-url') ?? file.callbackUrl),
  };
  const counterparty = {
    ...optional('host', flag('counterparty-host') ?? file.counterpartyHost),
    ...optional('port', counterpartyPort),
    ...optional('url', flag('counterparty-url') ?? file.counterpartyUrl),
  };
  const options: MonitorOptions = {
    targets: targets.map(targetOf),
    intervalMs: durationOf(flag('interval') ?? file.interval, 'interval', 30_000)!,
    failuresToOpen,
    probeTimeoutMs: durationOf(flag('probe-timeout') ?? file.probeTimeout, 'probe-timeout', 2_000)!,
    clock,
    ...(state ? { statePath: state } : {}),
    evidencePath: flag('evidence') ?? file.evidence ?? join(reportDir, 'evidence.jsonl'),
    ...(signer ? { signer } : {}),
    reportDir,
    lang,
    ...(durationValue !== undefined ? { durationMs: durationValue } : {}),
    ...(metricsPort !== undefined ? { metrics: { port: metricsPort, ...optional('host', flag('metrics-host') ?? file.metricsHost) } } : {}),
    callback,
    counterparty,
  };
  return { help: false, options };
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Run the monitor until SIGINT, SIGTERM or the end of --duration; its exit code. */
export async function watchCommand(argv: string[], io: Io): Promise<number> {
  const parsed = parseMonitorArguments(argv);
  if (parsed.help) {
    io.out(MONITOR_HELP);
    return 0;
  }
  let monitor: Awaited<ReturnType<typeof startMonitor>>;
  try {
    monitor = await startMonitor({ ...parsed.options, log: (line) => io.out(line) });
  } catch (error) {
    if (error instanceof StateFileError) throw new ConfigurationError(error.message);
    throw error;
  }
  // The handlers before the first line: a script that signals as soon as it reads the banner must find them in place.
  const stop = () => void monitor.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (const repair of monitor.repairs) io.err(`ecdx monitor: ${repair}`);
  for (const [name, url] of Object.entries(monitor.noticeUrls)) io.out(`${name}: notices to ${url}`);
  if (monitor.metricsUrl) io.out(`metrics: ${monitor.metricsUrl}`);
  io.out(`evidence: ${parsed.options.evidencePath}`);
  try {
    await monitor.stopped;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  io.out(`stopped; reports in ${parsed.options.reportDir}`);
  return 0;
}
