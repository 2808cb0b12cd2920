// Every message a check or the harness writes into a report is declared in a catalogue, in both languages
// (decision 0062). This fails when a key has no Chinese text (or text with no Chinese in it), when the two
// languages use different parameters, and when an area's messages.ts exists but its catalogue was never declared.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../checks/index.ts';
import '../harness/messages.ts';
import { parametersDiffer, untranslated } from './test-support/catalogue.ts';
import { bilingual, CATALOGUES } from './text.ts';

const CHECKS = join(import.meta.dirname, '..', 'checks');
const entries = [...CATALOGUES].flatMap(([area, messages]) => Object.entries(messages).map(([key, m]) => [`${area}.${key}`, m] as const));

describe('the catalogues of check messages', () => {
  it('are declared for every area with a messages.ts, by the area’s name', () => {
    const areas = readdirSync(CHECKS, { withFileTypes: true })
      .filter((d) => d.isDirectory() && readdirSync(join(CHECKS, d.name)).includes('messages.ts'))
      .map((d) => d.name);
    expect(areas.length).toBeGreaterThan(0);
    expect(areas.filter((area) => !CATALOGUES.has(area))).toEqual([]);
  });

  it('have a non-empty text in every language for every key, and Chinese in the Chinese one', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(untranslated(entries)).toEqual([]);
  });

  it('use the same parameters in both languages', () => {
    expect(parametersDiffer(entries)).toEqual([]);
  });

  it('fill each language with its own text of a bilingual value, and numbers and ids as they are', () => {
    const entry = { en: '{what} took {n} ms', 'zh-Hans': '{what}用时 {n} 毫秒' };
    expect(bilingual(entry, { what: { en: 'the answer', 'zh-Hans': '应答' }, n: 12 })).toEqual({ en: 'the answer took 12 ms', 'zh-Hans': '应答用时 12 毫秒' });
    expect(() => bilingual(entry, { n: 1 })).toThrow(/'what'/);
    // Put into a template string by mistake, it throws rather than reading "[object Object]".
    expect(() => `${bilingual(entry, { what: 'x', n: 1 })}`).toThrow(/used as a string/);
  });
});
