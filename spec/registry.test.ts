import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUSES_THAT_MUST_BE_CITED, registry, REQUIREMENT_ID_PATTERN } from './registry.ts';

const textDir = join(import.meta.dirname, 'text');
const chapters = readdirSync(textDir)
  .filter((f) => f.endsWith('.md'))
  .sort();
/** A requirement is stated in the normative text as a paragraph or list item that starts with its bold id. */
const STATEMENT = /^(?:[-*] |\d+\. )?\*\*(ECDX-[A-Z]{3}-\d{3})\*\*(.*(?:\n(?!\s*\n|[-*] |\d+\. |#).*)*)/gm;

function statements(): Map<string, { chapter: string; text: string }[]> {
  const found = new Map<string, { chapter: string; text: string }[]>();
  for (const chapter of chapters) {
    const source = readFileSync(join(textDir, chapter), 'utf8');
    for (const m of source.matchAll(STATEMENT)) {
      const list = found.get(m[1]!) ?? [];
      list.push({ chapter, text: m[2]! });
      found.set(m[1]!, list);
    }
  }
  return found;
}

describe('requirements registry', () => {
  const { requirements } = registry();

  it('has at least 60 requirements with unique, well-formed ids', () => {
    expect(requirements.length).toBeGreaterThanOrEqual(60);
    const ids = requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(REQUIREMENT_ID_PATTERN));
  });

  it('cites every clause that addresses the parties', () => {
    const cited = new Set<string>(requirements.flatMap((r) => r.clauses));
    for (const clause of CLAUSES_THAT_MUST_BE_CITED) expect(cited.has(clause), `${clause} is cited`).toBe(true);
  });

  it('has text in English and Simplified Chinese for every requirement', () => {
    for (const r of requirements) {
      expect(r.text.en.length, r.id).toBeGreaterThan(10);
      expect(/[\u4e00-\u9fff]/.test(r.text['zh-Hans']), `${r.id} has Chinese text`).toBe(true);
    }
  });
});

describe('normative text and registry agree', () => {
  const { requirements } = registry();
  const stated = statements();

  it('states every registered requirement exactly once, with its level', () => {
    for (const r of requirements) {
      const places = stated.get(r.id) ?? [];
      expect(places.length, `${r.id} is stated once in spec/text (found ${places.length})`).toBe(1);
      expect(places[0]!.text, `${r.id} says ${r.level} in the text`).toMatch(new RegExp(`\\b${r.level}\\b`));
    }
  });

  it('states no requirement that the registry lacks', () => {
    const known = new Set(requirements.map((r) => r.id));
    for (const id of stated.keys()) expect(known.has(id), `${id} is in the registry`).toBe(true);
  });

  it('mentions only registered requirement ids anywhere in the text', () => {
    const known = new Set(requirements.map((r) => r.id));
    for (const chapter of chapters) {
      for (const m of readFileSync(join(textDir, chapter), 'utf8').matchAll(/ECDX-[A-Z]{3}-\d{3}/g)) {
        expect(known.has(m[0]), `${chapter} mentions unknown ${m[0]}`).toBe(true);
      }
    }
  });
});
