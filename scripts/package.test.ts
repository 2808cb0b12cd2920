// The package as a vendor gets it: packed, installed from the tarball into a project of its own, offline (from the
// npm cache the checkout's install filled; .ci/run adds the lowest supported msw), and used there the way the README
// says — the CLI, a plain Node ESM script with no TypeScript loader, a strict TypeScript consumer, the README's msw
// example with the lowest and the newest supported msw, and the data artefacts.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../schemas/package-root.ts';

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
const installOffline = (specs: string[]) => npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...specs]);
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const bin = join(project, 'node_modules', '.bin');

beforeAll(() => {
  // npm pack runs prepack, which builds dist/ from the sources.
  const packed = npm(['pack', '--pack-destination', scratch, '--silent'], packagePath()).trim().split('\n').pop()!;
  const tarball = join(scratch, packed);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'vendor-project', version: '1.0.0', private: true, type: 'module' }));
  try {
    installOffline([
      tarball,
      `msw@${MSW_NEWEST}`,
      `vitest@${manifest.devDependencies['vitest']}`,
      `typescript@${manifest.devDependencies['typescript']}`,
      `@types/node@${manifest.devDependencies['@types/node']}`,
    ]);
  } catch (error) {
    throw new Error(`the offline install failed (is the npm cache filled? npm ci in the checkout does it): ${(error as { stderr?: string }).stderr ?? error}`);
  }
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package in a project of its own', () => {
  it('ships no test, bench, CI or source file, and the data artefacts', () => {
    const listed = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], packagePath());
    const files = (JSON.parse(listed) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files.filter((f) => /\.test\.|(^|\/)(bench|\.ci|test-support|fixtures|examples)\/|scripted-|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    for (const f of ['dist/cli/main.js', 'bin/ecdx.js', 'spec/openapi.yaml', 'spec/requirements.json', 'schemas/json/index.json', 'LICENSE', 'CHANGELOG.md']) {
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
      });
      expect(test).toMatch(/Partial run — not a conformance verdict .*what ran passed/);
      expect(existsSync(join(reports, 'report.json'))).toBe(true);
      expect(existsSync(join(reports, 'junit.xml'))).toBe(true);
    } finally {
      mock.kill('SIGTERM');
    }
  }, 60_000);

  it('imports every entry and the data artefacts from plain Node ESM, with no TypeScript loader', () => {
    writeFileSync(
      join(project, 'plain.mjs'),
      [
        "import { runConformance, checks } from 'ecdx/conformance';",
        "import { createMock, startMockServer, faults } from 'ecdx/mocks';",
        "import { demoCredentials, signRequest } from 'ecdx/protocol';",
        "import { ShipmentRequest } from 'ecdx/schemas';",
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
        'console.log(JSON.stringify({ status: report.results[0].status, checks: checks.length > 100, faults: faults.length > 100, signed: "signature" in signed,',
        '  schema: ShipmentRequest.$id, claim: claim.title, vectors: vector.length > 0, requirements: requirements.requirements.length > 100, openapi: /^openapi: 3.1/m.test(openapi) }));',
      ].join('\n'),
    );
    expect(JSON.parse(node(['plain.mjs']))).toEqual({
      status: 'passed',
      checks: true,
      faults: true,
      signed: true,
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
        "const fault: FaultName = 'accept-unsigned';",
        'export async function run(shipment?: Shipment): Promise<ConformanceReport> {',
        "  const server = await startMockServer({ role: 'carrier', port: 0, faults: [fault] });",
        "  const { handlers } = createHandlers({ role: 'carrier' });",
        "  await createMock({ role: 'carrier' }).close();",
        "  signRequest({ method: 'GET', url: server.url + '/v1/health', headers: {} }, { key: demoCredentials.platform.signingKey });",
        '  void handlers; void shipment; void ShipmentRequest;',
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
      if (version === MSW_LOWEST) installOffline([`msw@${MSW_LOWEST}`]);
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
