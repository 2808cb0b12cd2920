// The CI recipes vendors copy — the GitHub Action (action.yml), the GitLab CI template and the Jenkins pipeline
// (ci-recipes/) — read as their CI systems read them, and their shell steps run here as those systems run them, so
// that a test can execute them against the reference mock (scripts/package.test.ts) and they cannot rot.
//
// Only what the recipes use is emulated: for GitHub, inputs with defaults, `${{ inputs.x }}` in `env:` values,
// `if: always()`, `$GITHUB_ENV`, `$GITHUB_STEP_SUMMARY`, `$RUNNER_TEMP` and the `bash -eo pipefail` a `shell: bash`
// step gets; for GitLab, the job's variables and a script entry run by sh; for Jenkins, the `environment` block and
// `sh '''…'''` steps run by `sh -xe`. A `uses:` step (setup-node, upload-artifact) is not run; it is returned so
// that a test can check what it is given.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packagePath } from '../schemas/package-root.ts';

export const RECIPES = {
  github: packagePath('action.yml'),
  gitlab: packagePath('ci-recipes', 'gitlab', 'ecdx.gitlab-ci.yml'),
  jenkins: packagePath('ci-recipes', 'jenkins', 'Jenkinsfile'),
} as const;

/** The hidden job the GitLab template defines, for a project's job to extend. */
export const GITLAB_JOB = '.ecdx-conformance';

export interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

export interface ActionStep {
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export interface Action {
  name: string;
  inputs: Record<string, ActionInput>;
  runs: { using: string; steps: ActionStep[] };
}

export const readAction = (): Action => parse(readFileSync(RECIPES.github, 'utf8')) as Action;

export interface GitlabJob {
  image: string;
  variables: Record<string, string>;
  script: string[];
  artifacts: { when: string; paths: string[]; reports: { junit: string } };
}

export const readGitlabJob = (): GitlabJob => (parse(readFileSync(RECIPES.gitlab, 'utf8')) as Record<string, GitlabJob>)[GITLAB_JOB]!;

/** The Jenkinsfile's `environment { NAME = 'value' }` entries and its `sh '''…'''` scripts. */
export function readJenkinsfile(): { environment: Record<string, string>; scripts: string[] } {
  const text = readFileSync(RECIPES.jenkins, 'utf8');
  const block = /environment \{\n([\s\S]*?)\n\s*\}/.exec(text)?.[1] ?? '';
  const environment = Object.fromEntries([...block.matchAll(/^\s*([A-Z_][A-Z0-9_]*) = '([^']*)'/gm)].map((m) => [m[1]!, m[2]!]));
  const scripts = [...text.matchAll(/sh '''\n([\s\S]*?)'''/g)].map((m) => m[1]!);
  return { environment, scripts };
}

/** Every `${{ inputs.name }}` an expression string refers to. */
export const inputsReferenced = (text: string): string[] => [...text.matchAll(/\$\{\{[^}]*?\binputs\.([a-z0-9-]+)/g)].map((m) => m[1]!);

export interface StepRun {
  name: string;
  /** Null for a step that did not run (a `uses:` step, or one skipped after a failure). */
  code: number | null;
  output: string;
}

export interface ActionRun {
  steps: StepRun[];
  /** What the steps wrote to `$GITHUB_STEP_SUMMARY`. */
  summary: string;
  /** The `uses:` steps with their `with:` resolved, in order. */
  uses: ActionStep[];
}

/**
 * Run the action's shell steps as a composite action's runner would, in `workspace`, with `inputs` (defaults
 * filled in) and `env` added to the environment.
 */
export async function runAction(inputs: Record<string, string>, workspace: string, env: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  const action = readAction();
  const values = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`the action has no input ${name}`);
  const resolve = (text: string) => text.replace(/\$\{\{\s*inputs\.([a-z0-9-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  const runner = mkdtempSync(join(tmpdir(), 'ecdx-runner-'));
  const files = { GITHUB_ENV: join(runner, 'env'), GITHUB_STEP_SUMMARY: join(runner, 'summary') };
  const temp = join(runner, 'temp');
  mkdirSync(temp);
  for (const file of Object.values(files)) writeFileSync(file, '');

  const result: ActionRun = { steps: [], summary: '', uses: [] };
  let failed = false;
  for (const step of action.runs.steps) {
    const condition = step.if === undefined ? 'success()' : step.if;
    const name = step.name ?? step.uses ?? 'step';
    if (step.uses !== undefined) {
      result.uses.push({ ...step, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, resolve(String(v))])) });
      result.steps.push({ name, code: null, output: '' });
      continue;
    }
    if (failed && !condition.includes('always()')) {
      result.steps.push({ name, code: null, output: 'skipped: an earlier step failed' });
      continue;
    }
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, resolve(String(v))]));
    const { code, output } = await shell(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], workspace, {
      ...env,
      ...githubEnv(files.GITHUB_ENV),
      ...files,
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: workspace,
      ...stepEnv,
    });
    result.steps.push({ name, code, output });
    if (code !== 0) failed = true;
  }
  result.summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  return result;
}

/** The variables earlier steps set with `echo NAME=value >> "$GITHUB_ENV"` (one-line values, as the action writes). */
function githubEnv(file: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) entries[line.slice(0, at)] = line.slice(at + 1);
  }
  return entries;
}

/** Run the GitLab job's script entries with sh, the job's variables overridden by `variables`. */
export async function runGitlabJob(variables: Record<string, string>, projectDir: string, env: NodeJS.ProcessEnv = {}): Promise<StepRun> {
  const job = readGitlabJob();
  for (const name of Object.keys(variables)) if (!name.startsWith('ECDX_')) throw new Error(`not an ECDX variable: ${name}`);
  const script = job.script.join('\n');
  return { name: GITLAB_JOB, ...(await shell(['sh', '-c', script], projectDir, { ...env, ...job.variables, ...variables, CI_PROJECT_DIR: projectDir })) };
}

/** Run the Jenkinsfile's sh steps as Jenkins does (`sh -xe`), with its environment and `environment` added. */
export async function runJenkinsSteps(environment: Record<string, string>, workspace: string, env: NodeJS.ProcessEnv = {}): Promise<StepRun[]> {
  const recipe = readJenkinsfile();
  const workspaceTmp = `${workspace}@tmp`;
  mkdirSync(workspaceTmp, { recursive: true });
  const runs: StepRun[] = [];
  for (const [i, script] of recipe.scripts.entries()) {
    const run = await shell(['sh', '-xe', '-c', script], workspace, {
      ...env,
      ...recipe.environment,
      WORKSPACE: workspace,
      WORKSPACE_TMP: workspaceTmp,
      ...environment,
    });
    runs.push({ name: `sh ${i + 1}`, ...run });
    if (run.code !== 0) break;
  }
  return runs;
}

/** Expand `$NAME` in an artefact path as GitLab does. */
export const expandVariables = (text: string, variables: Record<string, string>): string =>
  text.replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_, name: string) => variables[name] ?? '');

function shell(argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // A CI job's environment, not this test process's: no vitest or npm-script variables leak into the recipe.
    const base = { PATH: process.env['PATH'], HOME: process.env['HOME'], TMPDIR: tmpdir() };
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
