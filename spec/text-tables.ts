// Tables inside the hand-written chapters that repeat data defined in code: the generator rewrites what stands
// between `<!-- generated: NAME … -->` and `<!-- /generated -->`, so the chapter can never disagree with the code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemTypes } from '../schemas/src/problems.ts';
import { packagePath } from '../schemas/package-root.ts';
import { ruleTables } from './rule-tables.ts';
import { statusTables } from './status-tables.ts';

const textDir = packagePath('spec', 'text');

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const tables: Record<string, () => string> = {
  'problem-types': () =>
    [
      '| slug | status | title | when |',
      '|---|---|---|---|',
      ...problemTypes.map((p) => `| \`${p.slug}\` | ${p.status} | ${cell(p.title)} | ${cell(p.description)} |`),
    ].join('\n'),
  ...ruleTables,
  ...statusTables,
};

const BLOCK = /(<!-- generated: ([a-z-]+)[^>]*-->)\n[\s\S]*?(<!-- \/generated -->)/g;

/** Every chapter, in each language (spec/text/ and spec/text/zh-Hans/), with its generated tables filled in (only those that have any). */
export function generateChapterTables(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [dir, prefix] of [
    [textDir, 'spec/text'],
    [join(textDir, 'zh-Hans'), 'spec/text/zh-Hans'],
  ] as const) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const source = readFileSync(join(dir, file), 'utf8');
      if (!source.includes('<!-- generated: ')) continue;
      const filled = source.replace(BLOCK, (_, open: string, name: string, close: string) => {
        const table = tables[name];
        if (!table) throw new Error(`${prefix}/${file}: no generated table named ${name}`);
        return `${open}\n${table()}\n${close}`;
      });
      files.set(`${prefix}/${file}`, filled);
    }
  }
  return files;
}

/** The names of the generated tables a chapter holds, in order (each language's version must hold the same). */
export const generatedTableNames = (source: string): string[] => [...source.matchAll(BLOCK)].map((m) => m[2]!);
