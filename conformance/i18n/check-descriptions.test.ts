import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checks } from '../checks/index.ts';
import { CHECK_DESCRIPTIONS_ZH } from './check-descriptions.ts';

const CHINESE = /[\u4e00-\u9fff]/;
/** What a translation was made from: the first 12 hex digits of the SHA-256 of the English description. */
const fingerprint = (english: string): string => createHash('sha256').update(english).digest('hex').slice(0, 12);

describe('Chinese check descriptions', () => {
  it('has a Chinese description for every check of the suite, and none for an id that names no check', () => {
    const missing = checks.filter((c) => !Object.hasOwn(CHECK_DESCRIPTIONS_ZH, c.id) || !CHINESE.test(CHECK_DESCRIPTIONS_ZH[c.id]![1])).map((c) => c.id);
    expect(missing).toEqual([]);
    const ids = new Set(checks.map((c) => c.id));
    expect(Object.keys(CHECK_DESCRIPTIONS_ZH).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has a Chinese description translated from the English description the check has now', () => {
    const stale = checks
      .filter((c) => CHECK_DESCRIPTIONS_ZH[c.id]?.[0] !== fingerprint(c.description))
      .map((c) => `${c.id}: the description changed since it was translated (review its Chinese, then set its fingerprint to ${fingerprint(c.description)})`);
    expect(stale).toEqual([]);
  });

  it('keeps every code span, status code, problem type and constant of the English', () => {
    // A translation that drops `POST /v1/shipments`, "422" or "signature-invalid" describes another check.
    // Hyphenated English words that are not codes are translated, not kept.
    const words = new Set([
      ...['over-long', 'well-formed', 'plain-http', 'sub-status', 'real-name', 'identity-document', 'back-dated', 'idempotency-key', 'cross-border'],
      ...['case-insensitively', 'one-waybill', 'percent-decoded', 'base64-decoded', 'value-added', 'test-clock', 'checksum-valid'],
    ]);
    const tokens = (text: string): string[] => [
      ...(text.match(/`[^`]+`/g) ?? []),
      ...(text.replace(/`[^`]+`/g, ' ').match(/\b\d{3}\b|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[A-Z][A-Z_]{3,}\b/g) ?? []).filter((t) => !words.has(t.toLowerCase())),
    ];
    const lost = checks.flatMap((c) =>
      tokens(c.description)
        .filter((t) => !(CHECK_DESCRIPTIONS_ZH[c.id]?.[1] ?? '').includes(t))
        .map((t) => `${c.id}: ${t}`),
    );
    expect(lost).toEqual([]);
  });

  it('writes each description on one line, with no space between two Chinese characters', () => {
    const bad = Object.entries(CHECK_DESCRIPTIONS_ZH)
      .filter(([, [, zh]]) => /\n/.test(zh) || /[\u4e00-\u9fff] +[\u4e00-\u9fff]/.test(zh))
      .map(([id]) => id);
    expect(bad).toEqual([]);
  });
});
