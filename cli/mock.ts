// `ecdx mock`: run the reference mock as a standalone HTTP server until SIGINT or SIGTERM. Misuse — an unknown
// flag, a bad number, an unknown fault or role, a port in use, an unusable data file — ends with one line on stderr
// and exit code 2, like every other `ecdx` command.
import { parseArgs } from 'node:util';
import { FAULT_CONTROL_PATH } from '../mocks/fault-control.ts';
import { faultCatalogue, isFaultName, unknownFaultMessage, type FaultName } from '../mocks/faults/index.ts';
import { originOf } from '../mocks/origin.ts';
import { DEFAULT_HOST, DEFAULT_PORT, startMockServer, type MockServer } from '../mocks/server.ts';
import { formatLogEntry, type RequestLogEntry, type RequestLogFormat } from '../mocks/request-log.ts';
import { DataFileError } from '../mocks/sqlite-store.ts';
import { DEMO_CARRIER_KEYID, DEMO_HMAC_KEYID, DEMO_PLATFORM_KEYID } from '../protocol/index.ts';
import { ROLE_SCOPES as ROLES } from '../schemas/src/index.ts';

export const MOCK_HELP = `Usage: ecdx mock [options]

Runs the ECDX reference mock: both roles (or one), stateful, signed with the public demo credentials, with
named faults to commit on purpose. Stops cleanly on Ctrl+C (SIGINT) or SIGTERM.

  --role ROLE          carrier, platform or both (default both)
  --host HOST          interface to listen on (default ${DEFAULT_HOST})
  --port PORT          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one, printed on start)
  --seed N             seed of the simulated trajectories (default 1)
  --clock-speed X      virtual seconds per real second (default 1; 0 stands still until POST /v1/test/clock)
  --fault NAME         commit this fault (repeatable); see --list-faults. While it runs, GET, PUT and DELETE
                       ${FAULT_CONTROL_PATH} list, replace and reset the faults (PUT {"faults": ["NAME", …]})
  --data FILE          keep the state in this SQLite file across restarts (needs better-sqlite3's addon)
  --public-origin URL  the origin clients sign "@target-uri" with, e.g. https://carrier.example behind a proxy
                       (default: the origin it listens on); the client's Host never decides it
  --log FORMAT         the request log on stderr, one line per request: pretty (aligned, the default), json (one
                       object per line, for tools: 2> requests.jsonl) or off. It shows method, path, status,
                       problem type and time, never a header, a body, a query value or a personal number
  --metrics-port PORT  also serve Prometheus metrics at http://HOST:PORT/metrics, a port of its own: requests by
                       operationId and status, their duration, push outcomes (0 picks a free port, printed on start)
  --metrics-host HOST  interface of the metrics port (default: the mock's --host)
  --list-faults        print the fault catalogue and exit (add --json for JSON)
`;

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

class MockUsageError extends Error {}

export async function mockCommand(args: string[], io: CommandIo): Promise<number> {
  let server: MockServer;
  let listenOn = `${DEFAULT_HOST}:${DEFAULT_PORT}`;
  let log: RequestLogFormat | 'off' = 'pretty';
  let metricsListenOn: { host: string; port: number; hostIsOwn: boolean } | undefined;
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', default: 'both' },
        host: { type: 'string', default: DEFAULT_HOST },
        port: { type: 'string', default: String(DEFAULT_PORT) },
        seed: { type: 'string' },
        'clock-speed': { type: 'string' },
        fault: { type: 'string', multiple: true, default: [] },
        data: { type: 'string' },
        'public-origin': { type: 'string' },
        log: { type: 'string', default: 'pretty' },
        'metrics-port': { type: 'string' },
        'metrics-host': { type: 'string' },
        'list-faults': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(MOCK_HELP);
      return 0;
    }
    if (values['list-faults']) {
      listFaults(io, values.json === true);
      return 0;
    }
    if (values.json) throw new MockUsageError('--json goes with --list-faults');
    const role = values.role as (typeof ROLES)[number];
    if (!ROLES.includes(role)) throw new MockUsageError(`unknown role '${values.role}' (carrier, platform or both)`);
    const port = integer('--port', values.port, 0, 65_535);
    const seed = values.seed === undefined ? undefined : integer('--seed', values.seed, 0, Number.MAX_SAFE_INTEGER);
    const clockSpeed = values['clock-speed'] === undefined ? undefined : nonNegative('--clock-speed', values['clock-speed']);
    const faults = values.fault.map((name): FaultName => {
      if (!isFaultName(name)) throw new MockUsageError(unknownFaultMessage(name));
      return name;
    });
    const publicOrigin = values['public-origin'] === undefined ? undefined : origin(values['public-origin']);
    if (values.log !== 'pretty' && values.log !== 'json' && values.log !== 'off') throw new MockUsageError(`--log is pretty, json or off, not '${values.log}'`);
    log = values.log;
    const metricsPort = values['metrics-port'] === undefined ? undefined : integer('--metrics-port', values['metrics-port'], 0, 65_535);
    if (metricsPort === undefined && values['metrics-host'] !== undefined) throw new MockUsageError('--metrics-host goes with --metrics-port');
    const metricsHost = values['metrics-host'] ?? values.host;
    if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port && metricsHost === values.host)
      throw new MockUsageError(`--metrics-port needs a port of its own, not the mock's ${port}`);
    listenOn = `${values.host}:${port}`;
    // Named by a listen error that is the metrics port's (the mock's own host and port are not those).
    metricsListenOn = metricsPort === undefined ? undefined : { host: metricsHost, port: metricsPort, hostIsOwn: metricsHost !== values.host };
    const format = log === 'off' ? undefined : log;
    server = await startMockServer({
      role,
      host: values.host,
      port,
      faults,
      ...(seed === undefined ? {} : { seed }),
      ...(clockSpeed === undefined ? {} : { clockSpeed }),
      ...(values.data === undefined ? {} : { dataFile: values.data }),
      ...(publicOrigin === undefined ? {} : { publicOrigin }),
      ...(metricsPort === undefined ? {} : { metrics: { port: metricsPort, host: metricsHost } }),
      // On stderr: stdout keeps the banner, which scripts read the URL from, and `2> file` collects clean JSON lines.
      ...(format === undefined ? {} : { log: (entry: RequestLogEntry) => io.err(formatLogEntry(entry, format)) }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof MockUsageError || error instanceof DataFileError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`ecdx: ${(error as Error).message.split('\n')[0]}`);
      return 2;
    }
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      const where = metricsListenOn && failedOn(error, metricsListenOn) ? `${metricsListenOn.host}:${metricsListenOn.port} (--metrics-port)` : listenOn;
      io.err(`ecdx: cannot listen on ${where}: ${describeListenError(code)} (${code})`);
      return 2;
    }
    throw error;
  }

  // The handlers first: stdout to a pipe is written synchronously, so a script that reads the banner may signal at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  for (const line of banner(server, log)) io.out(line);
  await stopped;
  io.out('ecdx mock: stopping');
  await server.close();
  return 0;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new MockUsageError(`${flag} needs an integer from ${min} to ${max}, got '${text}'`);
  return value;
}

function origin(text: string): string {
  try {
    return originOf(text, '--public-origin');
  } catch (error) {
    throw new MockUsageError((error as Error).message);
  }
}

function nonNegative(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new MockUsageError(`${flag} needs a number ≥ 0, got '${text}'`);
  return value;
}

/** Whether a listen error is the metrics port's: node names the port (or, for an unknown host, the host name) that failed. */
function failedOn(error: unknown, at: { host: string; port: number; hostIsOwn: boolean }): boolean {
  const { port, hostname } = error as { port?: number; hostname?: string };
  return port === undefined ? at.hostIsOwn && hostname === at.host : port === at.port;
}

const describeListenError = (code: string): string =>
  ({ EADDRINUSE: 'the port is in use', EACCES: 'permission denied', EADDRNOTAVAIL: 'no such local address', ENOTFOUND: 'unknown host' })[code] ?? code;

function listFaults(io: CommandIo, json: boolean): void {
  const catalogue = faultCatalogue();
  if (json) {
    io.out(JSON.stringify(catalogue, null, 2));
    return;
  }
  const nameWidth = Math.max(...catalogue.map((f) => f.name.length));
  const requirementsWidth = Math.max(...catalogue.map((f) => f.requirements.join(',').length));
  io.out(`${'fault'.padEnd(nameWidth)}  role      ${'requirements'.padEnd(requirementsWidth)}  description`);
  for (const f of catalogue) {
    io.out(`${f.name.padEnd(nameWidth)}  ${f.role.padEnd(8)}  ${f.requirements.join(',').padEnd(requirementsWidth)}  ${f.description}`);
  }
  io.out(`${catalogue.length} fault(s); commit one with: ecdx mock --fault NAME`);
}

function banner(server: MockServer, log: RequestLogFormat | 'off'): string[] {
  const { context, faults } = server.mock;
  return [
    `ECDX reference mock listening on ${server.url}`,
    ...(server.metricsUrl === undefined ? [] : [`Prometheus metrics served at ${server.metricsUrl}`]),
    `  role         ${context.role}${context.role === 'both' ? ' (carrier and platform)' : ''}`,
    `  store        ${context.store.description}`,
    `  clock        ${china(context.clock.now())}, ${context.clock.speed} virtual s per real s (move it: POST /v1/test/clock)`,
    `  seed         ${context.seed}`,
    `  faults       ${faults.length === 0 ? 'none' : faults.map((f) => `${f.name} (${f.requirements.join(', ')})`).join('; ')}` +
      ` (change them: PUT ${FAULT_CONTROL_PATH})`,
    '  credentials  the public demo keys (TEST ONLY; a production deployment refuses them):',
    `               platform requests: keyid ${DEMO_PLATFORM_KEYID} (ed25519) or ${DEMO_HMAC_KEYID} (hmac-sha256)`,
    `               carrier requests:  keyid ${DEMO_CARRIER_KEYID} (ed25519)`,
    '               pushes:            the demo carrier push keys (v1a ed25519, v1 HMAC)',
    '               the keys: protocol/demo-credentials.ts and the spec, Security, Appendix A',
    `  log          ${log === 'off' ? 'off (--log pretty or json to see each request)' : `${log}, one line per request on stderr (--log off to silence it)`}`,
    `  sign the target URI with this origin, ${server.publicOrigin}; stop with Ctrl+C`,
  ];
}

/** Epoch ms as an RFC 3339 timestamp in China Standard Time, as the mock's own timestamps are. */
const china = (ms: number): string => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
