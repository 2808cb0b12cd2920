// The package as a vendor gets it: packed, installed from the tarball into a project of its own, offline (from the
// npm cache the checkout's install filled; .ci/run adds the lowest supported msw), and used there the way the README
// says — the CLI, a plain Node ESM script with no TypeScript loader, a strict TypeScript consumer, the README's msw
// example with the lowest and the newest supported msw, and the data artefacts.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../mocks/index.ts';
import { DEMO_PLATFORM_KEYID, DEMO_PLATFORM_PRIVATE_KEY_PEM } from '../protocol/index.ts';
import { packagePath } from '../schemas/package-root.ts';
import { expandVariables, readGitlabJob, runAction, runGitlabJob, runJenkinsSteps } from './ci-recipes.ts';

/** The msw versions the package supports and tests: the peer range's floor and the newest the checkout uses. */
const MSW_LOWEST = '2.7.0';
const manifest = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const MSW_NEWEST = manifest.devDependencies['msw']!;

const scratch = mkdtempSync(join(tmpdir(), 'ecdx-consumer-'));
const project = join(scratch, 'vendor');
const npm = (args: string[], cwd = project) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const installPreferringCache = (specs: string[]) => npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...specs]);
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const bin = join(project, 'node_modules', '.bin');
/** `ecdx test` speaks the locale's language (decision 0060): these tests read its English whatever the machine's locale. */
const ENGLISH = { LC_ALL: 'C.UTF-8' };
let tarball = '';

beforeAll(() => {
  // npm pack runs prepack, which builds dist/ from the sources.
  const packed = npm(['pack', '--pack-destination', scratch, '--silent'], packagePath()).trim().split('\n').pop()!;
  tarball = join(scratch, packed);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'vendor-project', version: '1.0.0', private: true, type: 'module' }));
  try {
    installPreferringCache([
      tarball,
      `msw@${MSW_NEWEST}`,
      `vitest@${manifest.devDependencies['vitest']}`,
      `typescript@${manifest.devDependencies['typescript']}`,
      `@types/node@${manifest.devDependencies['@types/node']}`,
    ]);
  } catch (error) {
    throw new Error(`the install from the cache (and the registry for what it lacks) failed: ${(error as { stderr?: string }).stderr ?? error}`);
  }
}, 300_000); // npm pack builds dist/ with tsc: minutes on two cores busy with other test files

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package in a project of its own', () => {
  it('ships no test, bench, CI or source file, and the data artefacts', () => {
    const listed = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], packagePath());
    const files = (JSON.parse(listed) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files.filter((f) => /\.test\.|(^|\/)(bench|\.ci|test-support|fixtures|examples)\/|scripted-|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    for (const f of [
      'dist/cli/main.js',
      'bin/ecdx.js',
      'spec/openapi.yaml',
      'spec/requirements.json',
      'schemas/json/index.json',
      'monitor/prometheus/alerts.yml',
      'monitor/prometheus/grafana-dashboard.json',
      'LICENSE',
      'CHANGELOG.md',
    ]) {
      expect(files, f).toContain(f);
    }
  });

  it('runs the CLI from the compiled code: --version, and ecdx test against ecdx mock', async () => {
    expect(execFileSync(join(bin, 'ecdx'), ['--version'], { cwd: project, encoding: 'utf8' })).toMatch(/^ecdx \d+\.\d+\.\d+ \(spec /);
    const mock = spawn(join(bin, 'ecdx'), ['mock', '--port', '0', '--role', 'carrier'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        mock.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const found = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
          if (found) resolve(found[0]);
        });
        mock.on('exit', (code) => reject(new Error(`ecdx mock exited ${code}: ${out}`)));
      });
      const reports = join(scratch, 'reports');
      const test = execFileSync(join(bin, 'ecdx'), ['test', '--target', url, '--role', 'carrier', '--only', 'discovery', '--report-dir', reports], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, ...ENGLISH },
      });
      expect(test).toMatch(/Partial run — not a conformance verdict .*what ran passed/);
      expect(existsSync(join(reports, 'report.json'))).toBe(true);
      expect(existsSync(join(reports, 'junit.xml'))).toBe(true);
    } finally {
      mock.kill('SIGTERM');
    }
    // better-sqlite3 is an optional peer this project did not install: --data says what to install, in one line.
    let refusal = { status: 0, stderr: '' };
    try {
      execFileSync(join(bin, 'ecdx'), ['mock', '--port', '0', '--data', join(scratch, 'state.db')], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      refusal = error as typeof refusal;
    }
    expect(refusal).toMatchObject({ status: 2, stderr: 'ecdx: --data needs better-sqlite3 in your project: npm install --save-dev better-sqlite3@12\n' });
  }, 60_000);

  it('imports every entry and the data artefacts from plain Node ESM, with no TypeScript loader', () => {
    writeFileSync(
      join(project, 'plain.mjs'),
      [
        "import { runConformance, checks } from 'ecdx/conformance';",
        "import { createMock, startMockServer, faults } from 'ecdx/mocks';",
        "import { demoCredentials, signRequest } from 'ecdx/protocol';",
        "import { ShipmentRequest } from 'ecdx/schemas';",
        "import { arbitraryFor, invalidVariants } from 'ecdx/generate';",
        "import { startMonitor, renderMonitorReport, verifyLog } from 'ecdx/monitor';",
        "import fc from 'fast-check';",
        "import claim from 'ecdx/schemas/json/ConformanceClaim.json' with { type: 'json' };",
        "import vector from 'ecdx/vectors/ShipmentRequest.json' with { type: 'json' };",
        "import requirements from 'ecdx/requirements.json' with { type: 'json' };",
        "import { readFileSync } from 'node:fs';",
        "import { createRequire } from 'node:module';",
        "const openapi = readFileSync(createRequire(import.meta.url).resolve('ecdx/openapi.yaml'), 'utf8');",
        "const server = await startMockServer({ role: 'carrier', port: 0 });",
        "const report = await runConformance({ target: server.url, role: 'carrier', only: ['discovery/claim-served-unsigned'] });",
        'await server.close();',
        'createMock().close();',
        "const signed = signRequest({ method: 'GET', url: 'https://carrier.example/v1/health', headers: {} }, { key: demoCredentials.platform.signingKey });",
        'const [drawn] = fc.sample(arbitraryFor(ShipmentRequest), { seed: 1, numRuns: 1 });',
        'console.log(JSON.stringify({ status: report.results[0].status, checks: checks.length > 100, faults: faults.length > 100, signed: "signature" in signed,',
        '  generated: invalidVariants(ShipmentRequest, drawn).length > 100,',
        "  monitor: [startMonitor, renderMonitorReport, verifyLog].every((f) => typeof f === 'function'),",
        '  schema: ShipmentRequest.$id, claim: claim.title, vectors: vector.length > 0, requirements: requirements.requirements.length > 100, openapi: /^openapi: 3.1/m.test(openapi) }));',
      ].join('\n'),
    );
    expect(JSON.parse(node(['plain.mjs']))).toEqual({
      status: 'passed',
      checks: true,
      faults: true,
      signed: true,
      generated: true,
      monitor: true,
      schema: 'https://ecdx.dev/schemas/v1/ShipmentRequest.json',
      claim: 'ConformanceClaim',
      vectors: true,
      requirements: true,
      openapi: true,
    });
  }, 30_000);

  it('type-checks a strict TypeScript consumer (node16 resolution, skipLibCheck off) with no error', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: false, noEmit: true, types: ['node'] },
        include: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { runConformance, type ConformanceReport } from 'ecdx/conformance';",
        "import { createMock, startMockServer, type FaultName } from 'ecdx/mocks';",
        "import { createHandlers } from 'ecdx/mocks/msw';",
        "import { demoCredentials, signRequest } from 'ecdx/protocol';",
        "import { ShipmentRequest, type Shipment } from 'ecdx/schemas';",
        "import { arbitraryFor, type InvalidVariant } from 'ecdx/generate';",
        "const fault: FaultName = 'accept-unsigned';",
        'export async function run(shipment?: Shipment): Promise<ConformanceReport> {',
        "  const server = await startMockServer({ role: 'carrier', port: 0, faults: [fault] });",
        "  const { handlers } = createHandlers({ role: 'carrier' });",
        "  await createMock({ role: 'carrier' }).close();",
        "  signRequest({ method: 'GET', url: server.url + '/v1/health', headers: {} }, { key: demoCredentials.platform.signingKey });",
        '  const drawn: InvalidVariant[] = []; void arbitraryFor<Shipment>(ShipmentRequest);',
        '  void handlers; void shipment; void ShipmentRequest; void drawn;',
        "  return runConformance({ target: server.url, role: 'carrier' });",
        '}',
      ].join('\n'),
    );
    let output = '';
    try {
      output = execFileSync(join(bin, 'tsc'), ['-p', '.'], { cwd: project, encoding: 'utf8' });
    } catch (error) {
      output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    }
    expect(output).toBe('');
  }, 60_000);

  it.each([MSW_NEWEST, MSW_LOWEST])(
    "passes the README's msw example with msw %s",
    (version) => {
      if (version === MSW_LOWEST) installPreferringCache([`msw@${MSW_LOWEST}`]);
      expect(manifest.peerDependencies['msw']).toBe(`^${MSW_LOWEST}`);
      copyFileSync(packagePath('mocks', 'examples', 'vendor.test.ts'), join(project, 'vendor.test.ts'));
      const out = execFileSync(join(bin, 'vitest'), ['run', '--reporter=dot'], {
        cwd: project,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      expect(out).toMatch(/Tests\s+\S*3 passed/);
      const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'msw', 'package.json'), 'utf8')) as { version: string };
      expect(installed.version).toBe(version);
    },
    60_000,
  );
});

// The recipes vendors copy into their CI (scripts/ci-recipes.ts runs their shell steps as each CI system does),
// installing this tarball from the npm cache, against the mock: clean, the steps pass; with a fault, the run step
// fails and the reports are still kept.
describe('the CI recipes, their shell steps run against the mock', () => {
  let clean: MockServer;
  let faulty: MockServer;
  const offline = { npm_config_offline: 'true', ...ENGLISH };
  beforeAll(async () => {
    clean = await startMockServer({ role: 'carrier', port: 0 });
    faulty = await startMockServer({ role: 'carrier', port: 0, faults: ['conformance-requires-signature'] });
  });
  afterAll(async () => {
    await clean?.close();
    await faulty?.close();
  });
  const workspace = (name: string) => {
    const dir = join(scratch, name);
    execFileSync('mkdir', ['-p', dir]);
    return dir;
  };
  const inputs = (target: string) => ({
    target,
    role: 'carrier',
    only: 'discovery',
    'key-id': DEMO_PLATFORM_KEYID,
    'signing-key': DEMO_PLATFORM_PRIVATE_KEY_PEM,
    package: tarball,
  });

  it('the GitHub Action installs ecdx, runs the suite with the key from a secret, summarises and keeps the reports', async () => {
    const dir = workspace('github-clean');
    const run = await runAction(inputs(clean.url), dir, offline);
    expect(run.steps.map(({ name, code }) => ({ name, code }))).toEqual([
      { name: 'actions/setup-node@v4', code: null },
      { name: 'Install ECDX', code: 0 },
      { name: 'Run the conformance suite', code: 0 },
      { name: 'Summarise the run', code: 0 },
      { name: 'Upload the reports', code: null },
    ]);
    expect(run.steps[2]!.output).toMatch(/Partial run — not a conformance verdict .*what ran passed/);
    expect(run.summary).toMatch(/^# ECDX conformance report/m);
    const upload = run.uses.find((step) => step.uses!.startsWith('actions/upload-artifact@'))!;
    for (const file of ['junit.xml', 'report.html', 'report.json']) expect(existsSync(join(dir, upload.with!['path']!, file)), file).toBe(true);
  }, 60_000);

  it('the GitHub Action fails its run step on a failed MUST check, and still summarises', async () => {
    const dir = workspace('github-faulty');
    const run = await runAction({ ...inputs(faulty.url), 'report-dir': 'out' }, dir, offline);
    expect(run.steps.map(({ code }) => code)).toEqual([null, 0, 1, 0, null]);
    expect(run.steps[2]!.output).toMatch(/ECDX-CNF-001/);
    expect(run.summary).toMatch(/ECDX-CNF-001/);
    expect(existsSync(join(dir, 'out', 'junit.xml'))).toBe(true);
  }, 60_000);

  it('the GitLab template runs with the key in a File variable, and fails on a failed MUST check', async () => {
    const keyFile = join(scratch, 'gitlab-key.pem');
    writeFileSync(keyFile, DEMO_PLATFORM_PRIVATE_KEY_PEM);
    const variables = { ECDX_PACKAGE: tarball, ECDX_ROLE: 'carrier', ECDX_ONLY: 'discovery', ECDX_KEY_ID: DEMO_PLATFORM_KEYID, ECDX_SIGNING_KEY: keyFile };
    const dir = workspace('gitlab-clean');
    const passed = await runGitlabJob({ ...variables, ECDX_TARGET: clean.url }, dir, offline);
    expect({ code: passed.code, output: passed.output }).toMatchObject({ code: 0, output: expect.stringMatching(/what ran passed/) });
    const junit = expandVariables(readGitlabJob().artifacts.reports.junit, readGitlabJob().variables);
    expect(existsSync(join(dir, junit))).toBe(true);
    const failed = await runGitlabJob({ ...variables, ECDX_TARGET: faulty.url }, workspace('gitlab-faulty'), offline);
    expect(failed.code).toBe(1);
  }, 60_000);

  it("the Jenkins pipeline's sh step runs with the key from a Secret file credential", async () => {
    const keyFile = join(scratch, 'jenkins-key.pem');
    writeFileSync(keyFile, DEMO_PLATFORM_PRIVATE_KEY_PEM);
    const dir = workspace('jenkins');
    const runs = await runJenkinsSteps(
      { ECDX_PACKAGE: tarball, ECDX_TARGET: clean.url, ECDX_KEY_ID: DEMO_PLATFORM_KEYID, ECDX_SIGNING_KEY: keyFile, ECDX_ARGS: '--only discovery' },
      dir,
      offline,
    );
    expect(runs.map(({ code }) => code)).toEqual([0]);
    expect(runs[0]!.output).toMatch(/what ran passed/);
    expect(existsSync(join(dir, 'ecdx-reports', 'junit.xml'))).toBe(true);
  }, 60_000);
});
