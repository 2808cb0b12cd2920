// The glossary of the standard (spec/glossary.yaml, decision 0057): its terms in English and Simplified Chinese, read
// and validated in one place for the tests that hold the chapters to it and the docs page that publishes it.
import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { parse } from 'yaml';
import { packagePath } from '../schemas/package-root.ts';
import { violations } from '../schemas/validate.ts';

export const GlossaryTerm = Type.Object(
  {
    en: Type.String({ minLength: 1 }),
    'zh-Hans': Type.String({ minLength: 1 }),
    /** The policy's own spelling, as its original text (traditional characters) writes it. */
    policy: Type.Optional(Type.String({ minLength: 1 })),
    source: Type.String({ minLength: 1 }),
    /** Renderings the Chinese chapters must not use. */
    avoid: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type GlossaryTerm = Static<typeof GlossaryTerm>;

export const GLOSSARY_PATH = packagePath('spec', 'glossary.yaml');

/** The glossary's terms; throws, naming the first problem, when the file is not a valid glossary. */
export function loadGlossary(path = GLOSSARY_PATH): GlossaryTerm[] {
  const terms = (parse(readFileSync(path, 'utf8')) as { terms?: unknown } | null)?.terms ?? [];
  const [first] = violations(Type.Array(GlossaryTerm), terms, 1);
  if (first) throw new Error(`${path}: ${first.pointer} ${first.message}`);
  return terms as GlossaryTerm[];
}
