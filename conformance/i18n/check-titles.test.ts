import { describe, expect, it } from 'vitest';
import { checks } from '../checks/index.ts';
import { CHECK_TITLES_ZH } from './check-titles.ts';
import { TRANSLATED_FROM } from './check-titles-source.ts';
import { checkTitle } from './index.ts';

const CHINESE = /[\u4e00-\u9fff]/;

describe('Chinese check titles', () => {
  it('has a Chinese title for every check of the suite', () => {
    const missing = checks.filter((c) => !Object.hasOwn(CHECK_TITLES_ZH, c.id) || !CHINESE.test(CHECK_TITLES_ZH[c.id] ?? '')).map((c) => c.id);
    expect(missing).toEqual([]);
    expect(checks.length).toBeGreaterThan(0);
  });

  it('has a Chinese title translated from the English title the check has now', () => {
    const stale = checks
      .filter((c) => TRANSLATED_FROM[c.id] !== c.title)
      .map((c) => `${c.id}: translated from '${TRANSLATED_FROM[c.id]}', the title is now '${c.title}' (review its Chinese title, then TRANSLATED_FROM)`);
    expect(stale).toEqual([]);
    expect(Object.keys(TRANSLATED_FROM).sort()).toEqual(Object.keys(CHECK_TITLES_ZH).sort());
  });

  it('has no title for an id that names no check', () => {
    const ids = new Set(checks.map((c) => c.id));
    expect(Object.keys(CHECK_TITLES_ZH).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('names a check in the language asked for, and keeps the title of a check it does not know', () => {
    const check = checks[0]!;
    expect(checkTitle(check.id, check.title, 'en')).toBe(check.title);
    expect(checkTitle(check.id, check.title, 'zh-Hans')).toBe(CHECK_TITLES_ZH[check.id]);
    expect(checkTitle('discovery/no-such-check', 'Some title', 'zh-Hans')).toBe('Some title');
  });

  it('keeps the HTTP status codes and the problem types a title names', () => {
    // A translation that drops "422" or "signature-invalid" states another requirement: every number and every
    // code-like token of the English title stands in the Chinese one.
    // Hyphenated English words that are not codes are translated, not kept.
    const words = new Set(['over-long', 'idempotency-key', 'well-formed', 'plain-http', 'sub-status', 'real-name', 'identity-document', 'back-dated']);
    const tokens = (text: string): string[] => (text.match(/\b\d{3}\b|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[A-Z][A-Z_]{3,}\b/g) ?? []).filter((t) => !words.has(t));
    const lost = checks.flatMap((c) =>
      tokens(c.title)
        .filter((t) => !(CHECK_TITLES_ZH[c.id] ?? '').includes(t))
        .map((t) => `${c.id}: ${t}`),
    );
    expect(lost).toEqual([]);
  });
});
