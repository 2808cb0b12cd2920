// `ecdx serve`: the harness as the counterparty of a client someone else drives (decision 0052). It plays the carrier
// to a platform's client or the platform to a carrier's, answers as a correct counterparty, plays the scenarios that
// reveal client behaviour, and when it is told to stop — its duration, a signal, or POST /v1/test/finish — judges
// every request it received against the client duties and writes the same reports as `ecdx test`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, demoKeysOf, HARNESS_VERSION, specSha256 } from '../conformance/harness/runner.ts';
import { CounterpartyServer, FINISH_PATH } from '../conformance/harness/counterparty/server.ts';
import { runPassed, summarise, type CheckResult, type ConformanceReport, type Exchange } from '../conformance/harness/report.ts';
import { judgePassively } from '../conformance/kit/passive.ts';
import { docsUrlProblem, type ReportFormat } from '../conformance/reporters/index.ts';
import { renderConsoleSummary } from '../conformance/reporters/console.ts';
import { ed25519VerificationKey, hmacKey, type VerificationKey } from '../protocol/index.ts';
import { SPEC_VERSION } from '../schemas/src/classes.ts';
import type { PartyRole } from '../schemas/src/index.ts';
import { SECOND } from '../schemas/time.ts';
import { duration, list, parseCommand } from './options.ts';
import { writeEveryReport } from './reports.ts';
import { playScenarios, SCENARIO_RETRY_AFTER_SECONDS } from './serve-scenarios.ts';

export const SERVE_HELP = `Usage: ecdx serve --role carrier|platform [options]

Stands up the harness as the counterparty of a client you drive yourself — a carrier server for a platform's
client (--role carrier), a platform's notice and incident endpoints for a carrier's (--role platform) — prints
the URL to point the client at, records every request it sends, and at the end judges them against the client
duties and writes the same reports as ecdx test: one result per duty, passed only when the client's requests
showed it, skipped (not observed) when none of its kind came. A run judged so is never a conformance verdict.

Serving
  --role ROLE              the role the harness plays: carrier or platform (the client is of the other role)
  --host HOST              address to listen on (default 127.0.0.1)
  --port PORT              port to listen on (default: any free port)
  --public-url URL         the URL the client must call when it reaches the harness through NAT or a tunnel
  --no-scenarios           answer every request as a correct counterparty, and play nothing: the first request
                           of each creating operation is otherwise answered 503 with Retry-After: ${SCENARIO_RETRY_AFTER_SECONDS}, and each
                           shipment created gets a trajectory of 45 events, more than a page

Ending (whichever comes first)
  --duration DURATION      serve this long (default: until a signal or the finish request)
                           SIGINT or SIGTERM (Ctrl-C)
                           POST <URL>${FINISH_PATH}, answered 202, from the client's script

The client's key (default: the published demo keys of the client's role)
  --client-key-id ID       keyid the client signs with
  --client-key-file PATH   its public key: an ed25519 SPKI PEM file, or a file holding a base64 HMAC secret
  --client-key-env NAME    …or the name of an environment variable that holds it (never the key itself)
  --client-key-alg ALG     ed25519 or hmac-sha256 (default: ed25519 for a PEM, hmac-sha256 otherwise)

Reports
  --report-dir DIR         where reports are written (default reports/)
  --docs-url URL           the specification page requirement ids link to in the HTML and Markdown reports
  --format LIST            console,json,junit,html,md (default all of them)
  --config FILE            read these options from a JSON or YAML file (flags given on the command line win)

A DURATION is a number of seconds, or a number with ms, s or m (1500ms, 20s, 10m).

Exit status: 0 when the client's requests showed some duty and no MUST duty failed; 1 when one failed, or when
the client sent nothing to judge; 2 for a usage or configuration error.
`;

const FORMATS: readonly ReportFormat[] = ['console', 'json', 'junit', 'html', 'md'];

const optionSpec = {
  role: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'public-url': { type: 'string' },
  'no-scenarios': { type: 'boolean' },
  duration: { type: 'string' },
  'client-key-id': { type: 'string' },
  'client-key-file': { type: 'string' },
  'client-key-env': { type: 'string' },
  'client-key-alg': { type: 'string' },
  'report-dir': { type: 'string' },
  'docs-url': { type: 'string' },
  format: { type: 'string', multiple: true },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = Partial<Record<keyof typeof optionSpec, string | string[] | boolean>>;

export interface ServeArguments {
  help: false;
  /** The role the harness plays. */
  role: PartyRole;
  host: string;
  port: number;
  publicUrl?: string;
  scenarios: boolean;
  /** Serve at most this long (ms); until a signal or the finish request when absent. */
  durationMs?: number;
  clientKeys: VerificationKey[];
  reportDir: string;
  formats: ReportFormat[];
  docsUrl?: string;
}

const why = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];

function port(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65_535) throw new ConfigurationError(`--port must be a whole number from 0 to 65535, got '${value}'`);
  return n;
}

function publicUrl(value: string | undefined): { publicUrl?: string } {
  if (value === undefined) return {};
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`--public-url '${value}' is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError(`--public-url must be http(s), not ${url.protocol}`);
  if (/\/v1\/?$/.test(url.pathname)) throw new ConfigurationError('--public-url ends in /v1: drop it; the client adds /v1 to every path');
  return { publicUrl: value };
}

/** The key the client signs with, as the harness registers it; the demo keys of the client's role when none is given. */
function clientKeys(values: Values, clientRole: PartyRole): VerificationKey[] {
  const keyid = values['client-key-id'] as string | undefined;
  const file = values['client-key-file'] as string | undefined;
  const env = values['client-key-env'] as string | undefined;
  if (!keyid && !file && !env) return demoKeysOf(clientRole);
  if (!keyid) throw new ConfigurationError('--client-key-file/--client-key-env need --client-key-id');
  if (file && env) throw new ConfigurationError("give the client's key with --client-key-file or --client-key-env, not both");
  if (!file && !env) throw new ConfigurationError('--client-key-id needs --client-key-file or --client-key-env');
  let material: string;
  if (file) {
    try {
      material = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new ConfigurationError(`cannot read --client-key-file ${file}: ${why(error)}`);
    }
  } else {
    material = (process.env[env!] ?? '').trim();
    if (!material) throw new ConfigurationError(`the environment variable ${env} is empty or not set`);
  }
  const alg = (values['client-key-alg'] as string | undefined) ?? (material.includes('BEGIN') ? 'ed25519' : 'hmac-sha256');
  if (alg !== 'ed25519' && alg !== 'hmac-sha256') throw new ConfigurationError(`--client-key-alg must be ed25519 or hmac-sha256, got '${alg}'`);
  try {
    return [alg === 'ed25519' ? ed25519VerificationKey(keyid, material) : hmacKey(keyid, material)];
  } catch (error) {
    throw new ConfigurationError(`the client's key ${keyid} cannot be used as ${alg}: ${(error as Error).message.split('\n')[0]}`);
  }
}

export const otherRole = (role: PartyRole): PartyRole => (role === 'carrier' ? 'platform' : 'carrier');

/** Parse `ecdx serve` arguments; throws ConfigurationError (exit 2) on any misuse. */
export function parseServeArguments(argv: string[]): { help: true } | ServeArguments {
  const parsed = parseCommand(argv, optionSpec);
  if (parsed.help) return { help: true };
  const values: Values = parsed.values;
  const role = values.role as string | undefined;
  if (role !== 'carrier' && role !== 'platform') throw new ConfigurationError(`--role must be carrier or platform${role ? `, not '${role}'` : ''}`);
  const formats = (list(values.format) ?? [...FORMATS]) as ReportFormat[];
  for (const f of formats) if (!FORMATS.includes(f)) throw new ConfigurationError(`unknown --format '${f}' (known: ${FORMATS.join(', ')})`);
  const reportDir = (values['report-dir'] as string | undefined) ?? 'reports';
  const docsUrl = values['docs-url'] as string | undefined;
  const docsProblem = docsUrl === undefined ? undefined : docsUrlProblem(docsUrl, resolve(reportDir));
  if (docsProblem) throw new ConfigurationError(`--docs-url ${docsProblem}`);
  return {
    help: false,
    role,
    host: (values.host as string | undefined) ?? '127.0.0.1',
    port: port(values.port as string | undefined),
    ...publicUrl(values['public-url'] as string | undefined),
    scenarios: values['no-scenarios'] !== true,
    ...(values.duration === undefined ? {} : { durationMs: duration(values.duration as string, 'duration') }),
    clientKeys: clientKeys(values, otherRole(role)),
    reportDir,
    formats,
    ...(docsUrl === undefined ? {} : { docsUrl }),
  };
}

export interface ServeIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Resolves with why serving ended: the duration, a signal, or the finish request. */
function endOfServing(durationMs: number | undefined, finished: Promise<void>): { ended: Promise<string>; release: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const signals: [NodeJS.Signals, () => void][] = [];
  const ended = new Promise<string>((resolveEnd) => {
    void finished.then(() => resolveEnd(`${FINISH_PATH} was posted`));
    if (durationMs !== undefined) timer = setTimeout(() => resolveEnd(`${durationMs / SECOND} s passed`), durationMs);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const on = () => resolveEnd(`${signal} came`);
      signals.push([signal, on]);
      process.once(signal, on);
    }
  });
  return {
    ended,
    release: () => {
      clearTimeout(timer);
      for (const [signal, on] of signals) process.off(signal, on);
    },
  };
}

/** `ecdx serve`: serve, judge, write the reports; the exit code. */
export async function serve(argv: string[], io: ServeIo): Promise<number> {
  const parsed = parseServeArguments(argv);
  if (parsed.help) {
    io.out(SERVE_HELP);
    return 0;
  }
  let finish = () => {};
  const finished = new Promise<void>((resolveFinish) => {
    finish = resolveFinish;
  });
  let server: CounterpartyServer;
  try {
    server = await CounterpartyServer.start({
      role: parsed.role,
      host: parsed.host,
      port: parsed.port,
      ...(parsed.publicUrl ? { publicUrl: parsed.publicUrl } : {}),
      clientKeys: parsed.clientKeys,
      onFinish: () => finish(),
    });
  } catch (error) {
    throw new ConfigurationError(`cannot listen on ${parsed.host}:${parsed.port}: ${why(error)}`);
  }
  const startedAt = new Date().toISOString();
  const session = server.session({ root: true });
  // The counterparty records its first requests as evidence in order of arrival: the exchange of request n is n-1.
  const exchanges: Exchange[] = [];
  session.recordTo((exchange) => exchanges.push(exchange));
  const stopScenarios = parsed.scenarios ? playScenarios(session, parsed.role, Date.now) : () => {};
  const { ended, release } = endOfServing(parsed.durationMs, finished);
  io.out(`ecdx serve: playing the ${parsed.role}; point the ${otherRole(parsed.role)}'s client at ${server.url} (finish: POST ${server.url}${FINISH_PATH})`);
  const reason = await ended;
  release();
  stopScenarios();
  const requests = [...session.requests];
  await server.close();

  const results = judgePassively(parsed.role, requests, { exchangeOf: (request) => exchanges[request.seq - 1] });
  const report = reportOf(parsed, server.url, results, startedAt);
  const written = await writeEveryReport(report, {
    dir: parsed.reportDir,
    formats: parsed.formats.filter((f) => f !== 'console'),
    ...(parsed.docsUrl === undefined ? {} : { docsUrl: parsed.docsUrl }),
  });
  for (const problem of written.problems) io.err(`ecdx: ${problem}`);
  if (parsed.formats.includes('console')) io.out(renderConsoleSummary(report, { color: false, reportPaths: written.paths }).trimEnd());
  if (requests.length === 0) {
    io.err(`ecdx: the client sent no request to ${server.url} before ${reason}: nothing was judged`);
    return 1;
  }
  if (!results.some((r) => r.status !== 'skipped')) {
    io.err(`ecdx: the client's ${requests.length} request${requests.length === 1 ? '' : 's'} showed none of the duties judged: nothing was judged`);
    return 1;
  }
  const passed = runPassed(report);
  io.out(
    `ecdx serve: ${reason}; ${requests.length} request${requests.length === 1 ? '' : 's'} judged, ${passed ? 'no duty failed' : 'a duty FAILED'} (not a conformance verdict): ${JSON.stringify(report.summary)}`,
  );
  return passed ? 0 : 1;
}

/**
 * The report of a judged client: its role is the target's, the harness's URL stands for where it was observed, and
 * the run is partial whatever happened — the client chose what it showed, so it is never a conformance verdict.
 */
function reportOf(parsed: ServeArguments, url: string, results: CheckResult[], startedAt: string): ConformanceReport {
  return {
    summary: summarise(results),
    conformant: false,
    verdict: 'partial',
    scope: { partial: true, only: [], skip: [], classes: ['client'] },
    results,
    target: { url, role: otherRole(parsed.role) },
    claim: null,
    classes: results.some((r) => r.status !== 'skipped') ? ['client'] : [],
    harnessVersion: HARNESS_VERSION,
    specVersion: SPEC_VERSION,
    specSha256: specSha256(),
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}
