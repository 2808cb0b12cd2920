// The standard in two languages (decision 0057): each chapter of spec/text/ has its Simplified Chinese version in
// spec/text/zh-Hans/ under the same file name. Both state exactly the same requirement ids; a Chinese statement says
// what the registry's text.zh-Hans says, word for word (a rationale may follow it in the same paragraph); both hold
// the same generated tables; and the Chinese uses the glossary's terms, never the ones it lists to avoid.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { registry } from './registry.ts';
import { generatedTableNames } from './text-tables.ts';

const textDir = join(import.meta.dirname, 'text');
const zhDir = join(textDir, 'zh-Hans');
const english = readdirSync(textDir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const chinese = existsSync(zhDir)
  ? readdirSync(zhDir)
      .filter((f) => f.endsWith('.md'))
      .sort()
  : [];
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** A requirement is stated as a paragraph or list item that starts with its bold id (as spec/registry.test.ts reads it). */
const STATEMENT = /^(?:[-*] |\d+\. )?\*\*(ECDX-[A-Z]{3}-\d{3})\*\*(.*(?:\n(?!\s*\n|[-*] |\d+\. |#).*)*)/gm;
const statedIds = (source: string): string[] => [...source.matchAll(STATEMENT)].map((m) => m[1]!);

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
/**
 * Text as a reader sees it, for comparing: Markdown marks and link targets dropped, whitespace collapsed, and none
 * beside a Chinese character or punctuation mark (where a folded YAML line or a wrapped Markdown line put one).
 */
function normalised(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g'), '')
    .trim();
}

describe('the Chinese chapters', () => {
  const { requirements } = registry();
  const byId = new Map(requirements.map((r) => [r.id, r]));

  it('are each the version of an English chapter, under the same file name, and every English chapter has one', () => {
    for (const file of chinese) expect(english, `spec/text/zh-Hans/${file} has an English original`).toContain(file);
    expect(chinese).toEqual(english);
  });

  it.each(chinese)('%s states exactly the requirement ids of its English original, in the same order', (file) => {
    expect(statedIds(read(zhDir, file))).toEqual(statedIds(read(textDir, file)));
  });

  it.each(chinese)("%s states each requirement in the registry's Chinese words", (file) => {
    for (const m of read(zhDir, file).matchAll(STATEMENT)) {
      const registered = byId.get(m[1]!)!;
      expect(
        normalised(m[2]!).startsWith(normalised(registered.text['zh-Hans'])),
        `${m[1]} in zh-Hans/${file}:\n  ${normalised(m[2]!)}\n  registry: ${normalised(registered.text['zh-Hans'])}`,
      ).toBe(true);
    }
  });

  it.each(chinese)('%s holds the generated tables of its English original', (file) => {
    expect(generatedTableNames(read(zhDir, file))).toEqual(generatedTableNames(read(textDir, file)));
  });

  it.each(chinese)('%s is written in Chinese and uses none of the terms the glossary says to avoid', (file) => {
    const source = read(zhDir, file);
    const prose = source.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
    expect((prose.match(/[\u4e00-\u9fff]/g) ?? []).length, 'Chinese characters').toBeGreaterThan(200);
    const glossary = parse(readFileSync(join(import.meta.dirname, 'glossary.yaml'), 'utf8')) as { terms: { avoid?: string[] }[] };
    for (const term of glossary.terms) for (const avoided of term.avoid ?? []) expect(prose.includes(avoided), `${file} uses ${avoided}`).toBe(false);
  });

  it('state every requirement of the registry between them once, as the English chapters do', () => {
    const ids = chinese.flatMap((file) => statedIds(read(zhDir, file)));
    const expected = chinese.flatMap((file) => statedIds(read(textDir, file)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(expected.sort());
  });
});

describe('normalised', () => {
  it('drops the spaces folding and Markdown leave beside Chinese, and keeps those between Latin words', () => {
    expect(normalised('对签名正确且 `from`、`to` 有效的\n  GET /v1/statistics/sharing 请求，其 period\n表示')).toBe(
      '对签名正确且from、to有效的GET /v1/statistics/sharing请求，其period表示',
    );
  });
});
