// The glossary (spec/glossary.yaml) holds the standard's terms in both languages: a term taken from the policy is
// spelt as the policy spells it (its traditional form stands in the original text), each English term has one
// Chinese term, and a term to avoid is no other entry's term.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from './glossary.ts';

const terms = loadGlossary();
// The original text, as captured (traditional characters), kept beside the glossary: an official document (Copyright
// Law of the PRC, art. 5), copied verbatim so that this check runs wherever the repository does.
const policy = readFileSync(join(import.meta.dirname, 'policy', 'policy-2019-zh-hant.txt'), 'utf8');

describe('the glossary', () => {
  it('spells every term taken from the policy as the policy does', () => {
    for (const term of terms.filter((t) => t.policy)) expect(policy.includes(term.policy!), `${term.en}: ${term.policy} stands in the policy`).toBe(true);
  });

  it('gives each English term one Chinese term, in Chinese, with its source', () => {
    const english = terms.map((t) => t.en);
    expect(new Set(english).size).toBe(english.length);
    for (const term of terms) {
      expect(term['zh-Hans'], term.en).toMatch(/[\u4e00-\u9fff]/);
      expect(term.source, term.en).toMatch(/^(OP-\d{2}|GB\/T 27917\.1|RFC \d+|ECDX)$/);
    }
  });

  it('lists no term to avoid that another entry uses', () => {
    const used = new Set(terms.map((t) => t['zh-Hans']));
    for (const term of terms) for (const avoided of term.avoid ?? []) expect(used.has(avoided), avoided).toBe(false);
  });
});
