// The CI recipes' wiring, read without running them: every input reaches the shell through env (no `${{ }}` in a
// script), no input is dead or undeclared, all three install the release they belong to, and the reports are kept
// when checks fail. scripts/package.test.ts runs their shell steps against the mock.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../schemas/package-root.ts';
import { expandVariables, inputsReferenced, RECIPES, readAction, readGitlabJob, readJenkinsfile } from './ci-recipes.ts';

const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
/** The ECDX_ variables a script reads, `${NAME:-…}` and `$NAME` alike. */
const variablesRead = (script: string): string[] => [...new Set([...script.matchAll(/\$\{?(ECDX_[A-Z_]+)/g)].map((m) => m[1]!))].sort();

describe('the GitHub Action', () => {
  const action = readAction();
  const steps = action.runs.steps;

  it('is a composite action whose scripts never expand an expression', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of steps.filter((s) => s.run !== undefined)) {
      expect({ step: step.name, expression: step.run!.includes('${{') }).toEqual({ step: step.name, expression: false });
      expect(step.shell).toBe('bash');
    }
  });

  it('uses every input it declares and declares every input it uses', () => {
    const used = new Set(steps.flatMap((s) => inputsReferenced(JSON.stringify([s.if ?? '', s.env ?? {}, s.with ?? {}]))));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, input] of Object.entries(action.inputs)) expect({ name, described: input.description.length > 20 }).toEqual({ name, described: true });
  });

  it('gives each script exactly the variables it reads', () => {
    for (const step of steps.filter((s) => s.run !== undefined)) {
      const provided = Object.keys(step.env ?? {}).sort();
      // ECDX_BIN comes from the install step, through $GITHUB_ENV.
      expect({ step: step.name, reads: variablesRead(step.run!).filter((n) => n !== 'ECDX_BIN') }).toEqual({ step: step.name, reads: provided });
    }
  });

  it('installs the release it belongs to and keeps the reports when checks fail', () => {
    expect(action.inputs['package']!.default).toBe(`ecdx@${version}`);
    expect(readFileSync(RECIPES.github, 'utf8')).toContain(`uses: ecdx-dev/ecdx@v${version}`);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toMatch(/^always\(\)/);
    expect(inputsReferenced(upload.with!['path']!)).toEqual(['report-dir']);
    expect(steps.find((s) => s.name === 'Summarise the run')!.if).toBe('always()');
  });
});

describe('the GitLab CI template', () => {
  const job = readGitlabJob();

  it('declares every variable its script reads, but the secret', () => {
    const script = job.script.join('\n');
    expect(variablesRead(script).filter((n) => n !== 'ECDX_SIGNING_KEY')).toEqual(Object.keys(job.variables).sort());
  });

  it('installs the release it belongs to and keeps the reports, JUnit shown, when checks fail', () => {
    expect(job.variables['ECDX_PACKAGE']).toBe(`ecdx@${version}`);
    expect(readFileSync(RECIPES.gitlab, 'utf8')).toContain(`/ecdx-dev/ecdx/v${version}/ci-recipes/gitlab/ecdx.gitlab-ci.yml`);
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.paths.map((p) => expandVariables(p, job.variables))).toEqual(['ecdx-reports/']);
    expect(expandVariables(job.artifacts.reports.junit, job.variables)).toBe('ecdx-reports/junit.xml');
  });
});

describe('the Jenkins pipeline', () => {
  const { environment, scripts } = readJenkinsfile();
  const text = readFileSync(RECIPES.jenkins, 'utf8');

  it('declares every variable its sh step reads, but the credential', () => {
    expect(scripts).toHaveLength(1);
    expect(variablesRead(scripts[0]!).filter((n) => n !== 'ECDX_SIGNING_KEY')).toEqual(Object.keys(environment).sort());
    expect(text).toContain("file(credentialsId: 'ecdx-signing-key', variable: 'ECDX_SIGNING_KEY')");
  });

  it('installs the release it belongs to and records the reports when checks fail', () => {
    expect(environment['ECDX_PACKAGE']).toBe(`ecdx@${version}`);
    expect(text).toMatch(/post \{\n\s+always \{/);
    expect(text).toContain(`testResults: '${environment['ECDX_REPORT_DIR']}/junit.xml'`);
    expect(text).toContain(`artifacts: '${environment['ECDX_REPORT_DIR']}/**'`);
  });
});
