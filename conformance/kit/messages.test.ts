import { describe, expect, it } from 'vitest';
import { M } from './messages.ts';
import { W } from '../i18n/words.ts';

describe("the kit's messages", () => {
  it('fill the same values in both languages, a nested text in each its own', () => {
    expect(M.refusedWith({ what: 'POST /v1/shipments', status: 422, slugs: 'validation-failed', got: 200, problem: '' })).toEqual({
      en: 'POST /v1/shipments: expected HTTP 422 (validation-failed), got 200',
      'zh-Hans': 'POST /v1/shipments：应为 HTTP 422（validation-failed），实际为 200',
    });
    expect(M.problemContentType({ what: 'x', status: 400, contentType: W.none() })['zh-Hans']).toBe('x：400 应答应为 application/problem+json（实际为“无”）');
  });
});
