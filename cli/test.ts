// `ecdx test`: run the conformance suite against a vendor's endpoint and write the reports.
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigurationError, runConformance, type RunOptions } from '../conformance/index.ts';
import { areas } from '../conformance/checks/index.ts';
import { msg } from '../conformance/i18n/index.ts';
import { ConsoleProgress, DEFAULT_DOCS_URL, docsUrlProblem, type Language, type ReportFormat } from '../conformance/reporters/index.ts';
import { runPassed, SIGNATURE_FILE, type ConformanceReport, type Waiver } from '../conformance/harness/report.ts';
import { sealOf, signDetached } from '../conformance/harness/seal.ts';
import { certificationProblem, parseWaivers, WaiverError } from '../conformance/harness/waivers.ts';
import { MINUTE, SECOND } from '../schemas/time.ts';
import { duration as durationOf, type Environment, languageOf, list, parseCommand } from './options.ts';
import { failedRunReport, writeEveryReport } from './reports.ts';
import { loadKey, loadSignKey, loadTargetKey } from './key-files.ts';

export const TEST_HELP = `Usage: ecdx test --target URL --role carrier|platform [options]

Runs the ECDX conformance suite against the endpoint at URL, playing the counterparty of ROLE (the role of the
target), and writes the reports.

Target
  --target URL             base URL of the implementation under test: the part before /v1, which the harness
                           adds to every path (https://carrier.example/ecdx, not https://carrier.example/ecdx/v1)
  --role ROLE              the target's role: carrier or platform
  --classes A,B            conformance classes to test (default: what GET /v1/conformance claims); other
                           classes than the target claims make a partial run
  --only NAME,…            run only these checks, requirements or areas (repeatable); a partial run
  --skip NAME,…            leave out these checks, requirements or areas (repeatable); a partial run
                           A NAME is a check id (discovery/claim-served-unsigned), a requirement id
                           (ECDX-CNF-001) or an area, which names all its checks; one that names none of
                           them is a usage error.
                           areas: ${Object.keys(areas).join(', ')}
  --insecure-http          allow plain http:// to a host that is not loopback

Waivers and certification
  --waivers FILE           a YAML list of waivers: each names a check or a requirement and gives a
                           justification, grantedBy and expires (YYYY-MM-DD, the last day it applies); a
                           result it covers reads waived and does not fail the run, which then reads
                           conformant-with-waivers, never conformant. An expired waiver, or one naming no
                           check or requirement, is a usage error
  --certify                a certification run: every waiver ignored (the report says which), and no
                           --only, --skip or --classes, nor --fuzz-runs below 40: always the whole suite the
                           target claims

Sealing
  --sign-key FILE          sign report.json with this Ed25519 private key (PKCS#8 PEM): a detached JWS
                           (EdDSA) beside it, report.json.jws; check it with ecdx verify-report

Credentials (default: the published demo credentials, which only test deployments accept)
  --key-id ID              keyid the target knows your key by
  --key-file PATH          the private key: an ed25519 PKCS#8 PEM file, or a file holding a base64 HMAC secret
  --key-env NAME           …or the name of an environment variable that holds it (never the key itself)
  --key-alg ALG            ed25519 or hmac-sha256 (default: ed25519 for a PEM, hmac-sha256 otherwise)

The target as a client (class client: the harness makes it act through POST /v1/test/actions)
  --counterparty-port PORT the port the harness's judging counterparty listens on, on --callback-host
                           (default: any free port)
  --counterparty-url URL   its public URL when the target reaches the harness through NAT or a tunnel
  --target-key-id ID       keyid the target signs its requests with (default: the demo keys of its role)
  --target-key-file PATH   the target's public key: an ed25519 SPKI PEM file, or a file holding its base64
                           HMAC secret (--key-alg rules do not apply: the form of the file decides)

Pushes (carrier targets)
  --callback-host HOST     address the push receiver listens on (default 127.0.0.1)
  --callback-port PORT     port the push receiver listens on (default: any free port)
  --callback-url URL       public URL of the receiver when the target reaches it through NAT or a tunnel

Run
  --timeout DURATION       deadline of each request, headers and body together (default 10s)
  --max-duration DURATION  deadline of the whole run (default 10m): the checks still running or not started
                           then end as errors that say so, and the reports are written
  --max-response-size MIB  read at most this much of each answer, 1 to 64 (default 2); the evidence says
                           where an answer was cut
  --concurrency N          checks run at once (default 4)
  --seed N                 seed of the generated cases (default: drawn at random); the report and the console
                           print it, and the same seed sends the same requests again
  --fuzz-runs N            random cases each generated check draws beyond its systematic ones (default 40)
  --report-dir DIR         where reports are written (default reports/)
  --docs-url URL           the specification page requirement ids link to in the HTML and Markdown reports
                           (default ${DEFAULT_DOCS_URL}); a URL ending in / names a copy
                           of the docs site; a relative path is read from the report directory and must exist
  --format LIST            console,json,junit,html,md (default all of them)
  --lang LANG              language of the console summary and the HTML and Markdown reports: en or zh-Hans
                           (简体中文); default from the locale (LC_ALL, LC_MESSAGES, LANG: zh… is zh-Hans), else en.
                           Check ids, JUnit and report.json stay the same in every language
  --config FILE            read these options from a JSON or YAML file (flags given on the command line win)

A DURATION is a number of seconds, or a number with ms, s or m (1500ms, 20s, 10m).

Exit status: 0 when some check ran and no MUST check failed, errored or could not reach its precondition unless
a waiver covered it (for a partial run: among the checks it ran); 1 otherwise, a run that executed no check
included; 2 for a usage or configuration error. A partial run is never a conformance verdict.
`;

const FORMATS: readonly ReportFormat[] = ['console', 'json', 'junit', 'html', 'md'];

const optionSpec = {
  target: { type: 'string' },
  role: { type: 'string' },
  classes: { type: 'string', multiple: true },
  only: { type: 'string', multiple: true },
  skip: { type: 'string', multiple: true },
  'insecure-http': { type: 'boolean' },
  waivers: { type: 'string' },
  certify: { type: 'boolean' },
  'sign-key': { type: 'string' },
  'key-id': { type: 'string' },
  'key-file': { type: 'string' },
  'key-env': { type: 'string' },
  'key-alg': { type: 'string' },
  'counterparty-port': { type: 'string' },
  'counterparty-url': { type: 'string' },
  'target-key-id': { type: 'string' },
  'target-key-file': { type: 'string' },
  'callback-host': { type: 'string' },
  'callback-port': { type: 'string' },
  'callback-url': { type: 'string' },
  timeout: { type: 'string' },
  'max-duration': { type: 'string' },
  'max-response-size': { type: 'string' },
  concurrency: { type: 'string' },
  seed: { type: 'string' },
  'fuzz-runs': { type: 'string' },
  'report-dir': { type: 'string' },
  'docs-url': { type: 'string' },
  format: { type: 'string', multiple: true },
  lang: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = Partial<Record<keyof typeof optionSpec, string | string[] | boolean>>;

function positiveNumber(value: string | undefined, flag: string, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new ConfigurationError(`--${flag} must be a positive ${integer ? 'whole ' : ''}number, got '${value}'`);
  return n;
}

/** A seed as fast-check takes it: a whole number from 0 to 2^31 - 1. */
function seedOf(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > 0x7fffffff)
    throw new ConfigurationError(`--seed must be a whole number from 0 to 2147483647, got '${value}'`);
  return n;
}

/** A DURATION in ms, or `fallbackMs` when the option is absent. */
const duration = (value: string | undefined, flag: string, fallbackMs: number): number => (value === undefined ? fallbackMs : durationOf(value, flag));

function mebibytes(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback * 1024 * 1024;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 64) throw new ConfigurationError(`--${flag} must be a number of MiB from 1 to 64, got '${value}'`);
  return Math.round(n * 1024 * 1024);
}

/** Where the reports' requirement links go; a link that would lead nowhere from the report directory is refused. */
function docsUrl(value: string | undefined, reportDir: string): { docsUrl?: string } {
  if (value === undefined) return {};
  const problem = docsUrlProblem(value, resolve(reportDir));
  if (problem) throw new ConfigurationError(`--docs-url ${problem}`);
  return { docsUrl: value };
}

export interface TestArguments {
  help: false;
  run: RunOptions;
  /** The key report.json is sealed with (`--sign-key`). */
  signKey?: KeyObject;
  reportDir: string;
  formats: ReportFormat[];
  /** The specification page the HTML and Markdown reports link to; the reporters' default when absent. */
  docsUrl?: string;
  /** The language of the console summary and the HTML and Markdown reports. */
  lang: Language;
}

/** Parse `ecdx test` arguments into run options; throws ConfigurationError (exit 2) on any misuse. */
export function parseTestArguments(argv: string[], env: Environment = process.env): { help: true } | TestArguments {
  const parsed = parseCommand(argv, optionSpec);
  if (parsed.help) return { help: true };
  const values: Values = parsed.values;
  const target = values.target as string | undefined;
  const role = values.role as string | undefined;
  if (!target) throw new ConfigurationError('--target URL is required');
  if (role !== 'carrier' && role !== 'platform') throw new ConfigurationError(`--role must be carrier or platform${role ? `, not '${role}'` : ''}`);
  const formats = (list(values.format) ?? [...FORMATS]) as ReportFormat[];
  const lang = languageOf(values.lang as string | undefined, env);
  for (const f of formats) if (!FORMATS.includes(f)) throw new ConfigurationError(`unknown --format '${f}' (known: ${FORMATS.join(', ')})`);
  if (values.certify === true) {
    const fuzzRuns = values['fuzz-runs'] === undefined ? undefined : Number(values['fuzz-runs']);
    const problem = certificationProblem({
      only: list(values.only),
      skip: list(values.skip),
      classes: list(values.classes),
      ...(fuzzRuns === undefined ? {} : { fuzzRuns }),
    });
    if (problem) throw new ConfigurationError(problem);
  }
  const signKey = loadSignKey(values['sign-key'] as string | undefined);
  if (signKey && !formats.includes('json')) throw new ConfigurationError('--sign-key seals report.json: --format must include json');
  const key = loadKey({
    keyId: values['key-id'] as string | undefined,
    keyFile: values['key-file'] as string | undefined,
    keyEnv: values['key-env'] as string | undefined,
    keyAlg: values['key-alg'] as string | undefined,
  });
  const targetKey = loadTargetKey({ keyId: values['target-key-id'] as string | undefined, keyFile: values['target-key-file'] as string | undefined });
  const counterpartyPort =
    values['counterparty-port'] === undefined ? undefined : positiveNumber(values['counterparty-port'] as string, 'counterparty-port', 0, true);
  const callbackPort = values['callback-port'] === undefined ? undefined : positiveNumber(values['callback-port'] as string, 'callback-port', 0, true);
  const run: RunOptions = {
    target,
    role,
    ...(list(values.classes) ? { classes: list(values.classes)! } : {}),
    ...(list(values.only) ? { only: list(values.only)! } : {}),
    ...(list(values.skip) ? { skip: list(values.skip)! } : {}),
    ...(key ? { key } : {}),
    ...(values['callback-host'] ? { callbackHost: values['callback-host'] as string } : {}),
    ...(callbackPort ? { callbackPort } : {}),
    ...(values['callback-url'] ? { callbackUrl: values['callback-url'] as string } : {}),
    ...(counterpartyPort ? { counterpartyPort } : {}),
    ...(values['counterparty-url'] ? { counterpartyUrl: values['counterparty-url'] as string } : {}),
    ...(targetKey ? { targetKeys: [targetKey] } : {}),
    timeoutMs: duration(values.timeout as string | undefined, 'timeout', 10 * SECOND),
    maxDurationMs: duration(values['max-duration'] as string | undefined, 'max-duration', 10 * MINUTE),
    maxResponseBytes: mebibytes(values['max-response-size'] as string | undefined, 'max-response-size', 2),
    concurrency: positiveNumber(values.concurrency as string | undefined, 'concurrency', 4, true),
    ...(values.seed === undefined ? {} : { seed: seedOf(values.seed as string) }),
    ...(values['fuzz-runs'] === undefined ? {} : { fuzzRuns: positiveNumber(values['fuzz-runs'] as string, 'fuzz-runs', 0, true) }),
    insecureHttp: values['insecure-http'] === true,
    ...(values.waivers === undefined ? {} : { waivers: loadWaivers(values.waivers as string) }),
    ...(values.certify === true ? { certify: true } : {}),
  };
  const reportDir = (values['report-dir'] as string | undefined) ?? 'reports';
  return { help: false, run, reportDir, formats, lang, ...(signKey ? { signKey } : {}), ...docsUrl(values['docs-url'] as string | undefined, reportDir) };
}

export async function testCommand(argv: string[], io: { out: (l: string) => void; err: (l: string) => void }, env: Environment = process.env): Promise<number> {
  const parsed = parseTestArguments(argv, env);
  if (parsed.help) {
    io.out(TEST_HELP);
    return 0;
  }
  const progress = parsed.formats.includes('console') ? new ConsoleProgress({ lang: parsed.lang }) : undefined;
  const startedAt = new Date().toISOString();
  let report: ConformanceReport;
  try {
    report = await runConformance({ ...parsed.run, ...(progress ? { progress } : {}) });
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    // The runner keeps what finished when it fails mid-run; this is the harness failing before it could.
    report = failedRunReport(parsed.run, error, startedAt);
    io.err(`ecdx: ${report.stopped}`);
  } finally {
    progress?.stop(); // a run that throws must not leave the bar's redraw timer keeping the process alive
  }
  if (parsed.signKey) report = { ...report, seal: sealOf(parsed.signKey) };
  const written = await writeEveryReport(report, {
    dir: parsed.reportDir,
    formats: parsed.formats.filter((f) => f !== 'console'),
    ...(parsed.docsUrl === undefined ? {} : { docsUrl: parsed.docsUrl }),
    lang: parsed.lang,
  });
  for (const problem of written.problems) io.err(`ecdx: ${problem}`);
  if (parsed.signKey) {
    const signature = await signWrittenReport(written.paths, parsed.signKey);
    if (signature) written.paths.push(signature);
    else io.err('ecdx: report.json was not written, so nothing was sealed');
  }
  progress?.end(report, written.paths);
  const { passed, label } = outcome(report, parsed.lang);
  if (!report.results.some((r) => r.status !== 'skipped')) io.err(`ecdx: no check was executed${whyNothingRan(report, parsed.run)}: nothing was tested`);
  if (!progress)
    io.out(
      msg('cli.result', parsed.lang, {
        certification: report.certification ? msg('cli.certificationRun', parsed.lang) : '',
        label,
        summary: JSON.stringify(report.summary),
        paths: written.paths.join(', '),
      }),
    );
  return passed ? 0 : 1;
}

/**
 * What the run means for a vendor's CI: a narrowed run is no verdict, but still passes or fails what it ran; a run
 * that passes only with waivers passes, and says it is no clean verdict.
 */
function outcome(report: ConformanceReport, lang: Language): { passed: boolean; label: string } {
  if (!report.results.some((r) => r.status !== 'skipped')) return { passed: false, label: msg('cli.noneExecuted', lang) };
  const passed = runPassed(report);
  if (report.verdict === 'partial')
    return { passed, label: msg('cli.partial', lang, { outcome: msg(passed ? 'cli.partialPassed' : 'cli.partialFailed', lang) }) };
  if (report.verdict === 'conformant-with-waivers') return { passed, label: msg('cli.withWaivers', lang, { n: report.summary.waived }) };
  return { passed, label: msg(report.conformant ? 'cli.conformant' : 'cli.notConformant', lang) };
}

/** The waivers of `--waivers FILE`; a file that cannot be read or holds no valid list is a usage error. */
function loadWaivers(path: string): Waiver[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`cannot read --waivers ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseWaivers(text, `--waivers ${path}`);
  } catch (error) {
    if (error instanceof WaiverError) throw new ConfigurationError(error.message);
    throw error;
  }
}

/** Signs report.json as written, byte for byte, into report.json.jws beside it; its path, or undefined without a report.json. */
async function signWrittenReport(paths: readonly string[], key: KeyObject): Promise<string | undefined> {
  const json = paths.find((p) => basename(p) === 'report.json');
  if (!json) return undefined;
  const signature = join(dirname(json), SIGNATURE_FILE);
  await writeFile(signature, `${signDetached(await readFile(json), key)}\n`, 'utf8');
  return signature;
}

/** Why nothing ran, where the run's options say. */
function whyNothingRan(report: ConformanceReport, run: RunOptions): string {
  if (report.results.length > 0) return ' (every check selected belongs to a class the run does not test)';
  if (run.only?.length) return ` (--only ${run.only.join(',')} selects no check of a ${run.role} target)`;
  return '';
}
