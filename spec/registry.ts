// The requirements registry. Editors maintain one YAML file per area in spec/requirements/; this module loads
// and checks them, and generates spec/requirements.json, the form every tool (harness, docs, vendors) reads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { parse } from 'yaml';
import { conformanceClasses, conformanceClassNames, SPEC_VERSION } from '../schemas/src/classes.ts';
import { RoleScope } from '../schemas/src/index.ts';
import { packagePath } from '../schemas/package-root.ts';

export const POLICY_CLAUSES = ['OP-01', 'OP-02', 'OP-03', 'OP-04', 'OP-05', 'OP-06', 'OP-07', 'OP-08', 'OP-09', 'OP-10', 'OP-11', 'OP-12'] as const;
/** Clauses the registry must cite: OP-10 and OP-12 address the authorities, not the parties. */
export const CLAUSES_THAT_MUST_BE_CITED = ['OP-01', 'OP-02', 'OP-03', 'OP-04', 'OP-05', 'OP-06', 'OP-07', 'OP-08', 'OP-09', 'OP-11'];

export const REQUIREMENT_ID_PATTERN = '^ECDX-[A-Z]{3}-\\d{3}$';
export const LEVELS = ['MUST', 'MUST NOT', 'SHOULD', 'SHOULD NOT', 'MAY'] as const;

export const Requirement = Type.Object(
  {
    id: Type.String({ pattern: REQUIREMENT_ID_PATTERN }),
    level: Type.Union(LEVELS.map((l) => Type.Literal(l))),
    clauses: Type.Array(Type.Union(POLICY_CLAUSES.map((c) => Type.Literal(c))), { minItems: 1, uniqueItems: true }),
    class: Type.Union(conformanceClassNames.map((c) => Type.Literal(c))),
    role: RoleScope,
    operations: Type.Optional(Type.Array(Type.String({ pattern: '^(GET|POST|DELETE|PUT|PATCH|WEBHOOK) \\S+$' }), { uniqueItems: true })),
    testable: Type.Boolean(),
    untestableReason: Type.Optional(Type.String({ minLength: 10 })),
    since: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?$' }),
    text: Type.Object({ en: Type.String({ minLength: 10 }), 'zh-Hans': Type.String({ minLength: 4 }) }, { additionalProperties: false }),
    notes: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Requirement = Static<typeof Requirement>;

const AreaFile = Type.Object(
  {
    area: Type.String({ pattern: '^[A-Z]{3}$' }),
    title: Type.String(),
    requirements: Type.Array(Requirement, { minItems: 1 }),
  },
  { additionalProperties: false },
);
type AreaFile = Static<typeof AreaFile>;

const checkAreaFile = TypeCompiler.Compile(AreaFile);
const requirementsDir = packagePath('spec', 'requirements');

export interface Area {
  code: string;
  title: string;
}

/** Load every area file; throws with every problem found, so an editor sees them all at once. */
export function loadRegistry(dir = requirementsDir): { areas: Area[]; requirements: Requirement[] } {
  const problems: string[] = [];
  const areas: Area[] = [];
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const data = parse(readFileSync(join(dir, file), 'utf8')) as AreaFile;
    if (!checkAreaFile.Check(data)) {
      for (const e of checkAreaFile.Errors(data)) problems.push(`${file}${e.path}: ${e.message}`);
      continue;
    }
    areas.push({ code: data.area, title: data.title });
    for (const r of data.requirements) {
      if (seen.has(r.id)) problems.push(`${file}: ${r.id} is used twice`);
      seen.add(r.id);
      if (r.id.split('-')[1] !== data.area) problems.push(`${file}: ${r.id} is not in area ${data.area}`);
      if (!r.testable && !r.untestableReason) problems.push(`${file}: ${r.id} is untestable without a reason`);
      if (r.testable && r.untestableReason) problems.push(`${file}: ${r.id} is testable but gives an untestable reason`);
      const classRole = conformanceClasses[r.class].role;
      if (classRole !== 'both' && r.role !== classRole) problems.push(`${file}: ${r.id} role ${r.role} does not fit class ${r.class}`);
      if (!new RegExp(`\\b${r.level}\\b`).test(r.text.en)) problems.push(`${file}: ${r.id} English text does not say ${r.level}`);
      requirements.push(r);
    }
  }
  if (problems.length > 0) throw new Error(`requirements registry:\n  ${problems.join('\n  ')}`);
  return { areas, requirements };
}

let cached: ReturnType<typeof loadRegistry> | undefined;
export const registry = (): ReturnType<typeof loadRegistry> => (cached ??= loadRegistry());
export const requirementById = (id: string): Requirement | undefined => registry().requirements.find((r) => r.id === id);

/** spec/requirements.json */
export function generateRequirementsJson(): Map<string, string> {
  const { areas, requirements } = registry();
  const document = {
    $comment: 'Generated from spec/requirements/*.yaml by `npm run generate`. Do not edit.',
    specVersion: SPEC_VERSION,
    areas,
    classes: conformanceClasses,
    requirements,
  };
  return new Map([['spec/requirements.json', `${JSON.stringify(document, null, 2)}\n`]]);
}
