// What a run ran with (decision 0048): digests of the standard's documents and of the checks, the settings as
// resolved and the seed, so that a reader of report.json can tell whether two reports are comparable and repeat a
// run. Every digest can be recomputed with standard tools from the published package.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { packagePath } from '../../schemas/package-root.ts';
import type { SigningKey } from '../../protocol/index.ts';
import type { Check } from './check.ts';
import { DEFAULT_MAX_RESPONSE_BYTES } from './client.ts';
import { DEFAULT_MAX_DURATION_MS } from './deadline.ts';
import { redactText } from './redact.ts';
import type { PartyRole } from '../../schemas/src/index.ts';
import type { Provenance, RunSettings } from './report.ts';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** SHA-256 of spec/openapi.yaml, as the package ships it. */
export const openapiSha256 = (): string => sha256(readFileSync(packagePath('spec', 'openapi.yaml')));

/**
 * SHA-256 of the published schemas: `<sha-256>  <name>\n` for every schemas/json/*.json in name order (code unit
 * order, as `LC_ALL=C` sorts), digested again — `LC_ALL=C sha256sum *.json | sha256sum` in that folder.
 */
export function schemasSha256(dir: string = packagePath('schemas', 'json')): string {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256(names.map((name) => `${sha256(readFileSync(`${dir}/${name}`))}  ${name}\n`).join(''));
}

/** SHA-256 of the checks a run chose from: the JSON of `{id, requirements, title}` of each, sorted by id. */
export function checkSetSha256(checks: readonly Pick<Check, 'id' | 'requirements' | 'title'>[]): string {
  const set = [...checks]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => ({ id: c.id, requirements: [...c.requirements].sort(), title: c.title }));
  return sha256(JSON.stringify(set));
}

/** Checks a run takes at once when the options do not say (RunOptions.concurrency). */
export const DEFAULT_CONCURRENCY = 8;

/** The options a run was given, with what the runner resolved (defaults, the key it signs with) filled in. */
export const settingsOf = (
  options: {
    role: PartyRole;
    classes?: readonly string[] | undefined;
    only?: readonly string[] | undefined;
    skip?: readonly string[] | undefined;
    maxDurationMs?: number | undefined;
    maxResponseBytes?: number | undefined;
    concurrency?: number | undefined;
    insecureHttp?: boolean | undefined;
  },
  resolved: { target: string; timeoutMs: number; checkDeadlineMs: number; settleMs: number; fuzzRuns: number; key: SigningKey },
): RunSettings => ({
  target: redactText(resolved.target), // as report.target.url is, wherever the report leaves the process
  role: options.role,
  classes: options.classes ? [...options.classes] : null,
  only: [...(options.only ?? [])],
  skip: [...(options.skip ?? [])],
  timeoutMs: resolved.timeoutMs,
  maxDurationMs: options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS,
  checkDeadlineMs: resolved.checkDeadlineMs,
  maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  settleMs: resolved.settleMs,
  concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
  fuzzRuns: resolved.fuzzRuns,
  insecureHttp: options.insecureHttp === true,
  // The key by what names it, never by its material.
  key: { id: resolved.key.keyid, algorithm: resolved.key.alg },
});

/** The provenance of a run over `checks` with these settings and seed. */
export const provenanceOf = (checks: readonly Check[], settings: RunSettings, seed: number): Provenance => ({
  openapiSha256: openapiSha256(),
  schemasSha256: schemasSha256(),
  checkSetSha256: checkSetSha256(checks),
  checkCount: checks.length,
  seed,
  settings,
});
