// The monitor's catalogue (monitor/messages.ts, decision 0064): every key in both languages, the Chinese in Chinese,
// with the parameters of the English, written as the Chinese chapters are (the glossary's terms, Chinese
// punctuation, no space between two Chinese characters).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parametersDiffer, untranslated } from '../conformance/i18n/test-support/catalogue.ts';
import { MONITOR_MESSAGES, monitorTranslator } from './messages.ts';

const entries = Object.entries(MONITOR_MESSAGES);

/** The terms the Chinese chapters must not use (spec/glossary.yaml `avoid`). */
const AVOIDED: string[] = (
  parseYaml(readFileSync(join(import.meta.dirname, '..', 'spec', 'glossary.yaml'), 'utf8')) as { terms: { avoid?: string[] }[] }
).terms.flatMap((t) => t.avoid ?? []);

describe("the monitor's message catalogue", () => {
  it('has a non-empty text in every language for every key, and Chinese in the Chinese one', () => {
    expect(entries.length).toBeGreaterThan(100);
    expect(untranslated(entries)).toEqual([]);
  });

  it('uses the same parameters in both languages', () => {
    expect(parametersDiffer(entries)).toEqual([]);
  });

  it('writes the Chinese with Chinese punctuation, no space between two Chinese characters, and none of the terms the glossary avoids', () => {
    expect(AVOIDED).toContain('承运方');
    const bad = entries.flatMap(([key, m]) => {
      const zh = m['zh-Hans'];
      return [
        ...(/\p{Script=Han} +\p{Script=Han}|\p{Script=Han}\s*[,;:!?()]|[,;:!?()]\s*\p{Script=Han}/u.test(zh) ? [`${key}: '${zh}'`] : []),
        // a duration's Chinese ends in its unit (天, 小时, 分钟, 秒): no space between it and the Chinese that follows
        ...(/\{(late|lead|early|duration|required|over|allowance)\} +\p{Script=Han}/u.test(zh) ? [`${key}: space after a duration in '${zh}'`] : []),
        ...AVOIDED.filter((term) => zh.includes(term)).map((term) => `${key}: '${term}'`),
      ];
    });
    expect(bad).toEqual([]);
  });

  it('fills English plurals and leaves Chinese without them', () => {
    const en = monitorTranslator('en');
    const zh = monitorTranslator('zh-Hans');
    expect(en('header.interruptionCount', { n: 1, targets: 2, counts: 'x' })).toBe('1 interruption of 2 targets: x');
    expect(en('header.interruptionCount', { n: 3, targets: 1, counts: 'x' })).toBe('3 interruptions of 1 target: x');
    expect(zh('header.interruptionCount', { n: 3, targets: 1, counts: 'x' })).toBe('1 个被测实现共 3 次数据中断：x');
    expect(() => en('heading.interruptions')).toThrow(/'n'/);
  });
});
