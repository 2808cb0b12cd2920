import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTE_PAYLOAD,
  claimedButUntestedReport,
  controlReport,
  hostileReport,
  loadFixture,
  PARTIAL_ONLY,
  partialReport,
  RAW_CONTROL,
  SCRIPT_PAYLOAD,
} from './fixtures/index.ts';
import { mdCode, mdText, renderMarkdown } from './markdown.ts';
import { DEFAULT_DOCS_URL } from './requirement-text.ts';

describe('Markdown summary', () => {
  const report = loadFixture('with-failures');
  const md = renderMarkdown(report);

  it('starts with the title, target, role, claim, spec version and hash, harness and run', () => {
    expect(md.startsWith('# ECDX conformance report\n')).toBe(true);
    expect(md).toContain('**Not conformant**');
    expect(md).toContain(`| Target | \`${report.target.url}\` |`);
    expect(md).toContain('| Role | carrier |');
    expect(md).toMatch(/\| Claim \| 示例快递有限公司 \(EX\); role carrier; ECDX 1\.0\.0-draft; classes: core, security, .*; test mode: no \|/);
    expect(md).toContain(`ECDX 1.0.0-draft, requirements SHA-256 \`${report.specSha256}\``);
    expect(md).toContain('| Harness | 0.1.0 |');
  });

  it("has a summary table and a per-class table whose numbers are the report's", () => {
    expect(md).toContain('| 8 | 4 | 2 | 3 | 2 | 2 | 1 | 22 |');
    expect(md).toContain('| `core` | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 4 |');
    expect(md).toContain('| `notices` (not claimed) | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |');
  });

  it('lists every failed, errored and precondition-failed check with its message and linked requirement ids', () => {
    const failures = md.slice(md.indexOf('## Failures'), md.indexOf('## Warnings'));
    for (const r of report.results.filter((x) => ['failed', 'error', 'precondition-failed'].includes(x.status))) {
      expect(failures).toContain(`: \`${r.checkId}\``);
      expect(failures).toContain(mdText(r.message));
      for (const id of r.requirementIds) expect(failures).toContain(`[${id}](${DEFAULT_DOCS_URL}#${id})`);
    }
    expect(failures).toContain('- ✘ status is 422 (got 500)');
    expect(failures).toContain('at `/type`');
    expect(failures).not.toContain('`shipments/accepts-valid-shipping-data`');
    expect(md).toContain('## Warnings (SHOULD not met)');
  });

  it('links requirements to another docs URL when asked', () => {
    expect(renderMarkdown(report, { docsUrl: 'https://docs.example.test/ecdx/spec.html' })).toContain(
      '[ECDX-SHP-003](https://docs.example.test/ecdx/spec.html#ECDX-SHP-003)',
    );
  });

  it('says so when nothing failed', () => {
    const passing = renderMarkdown(loadFixture('all-passing'));
    expect(passing).toContain('**Conformant**');
    expect(passing).toContain('None: every MUST check passed.');
    expect(passing).not.toContain('## Warnings');
  });

  it('renders hostile text as text: raw markup only inside code, where Markdown shows it literally', () => {
    const hostile = renderMarkdown(hostileReport());
    // Drop fenced blocks and code spans (both inert), then no markup from the target may remain.
    const outsideCode = hostile.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
    expect(outsideCode).not.toContain('<script');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode.match(/<[a-z/][^>]*>/g)).toEqual(['<details>', '<summary>', '</summary>', '</details>']);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain(`\`https://evil.example.test/${ATTRIBUTE_PAYLOAD}\``);
    expect(hostile).toContain(`"ecdxVersion": "${SCRIPT_PAYLOAD}"`);
  });

  it('shows control characters and bidi overrides from the target as escapes (cat report.md runs nothing)', () => {
    const md = renderMarkdown(controlReport());
    expect(md).not.toMatch(RAW_CONTROL);
    expect(md).toContain('target said a\\\\x1b\\]0;pwned\\\\x07b'); // mdText escapes the backslash and the bracket
    expect(md).toContain('\\\\u202eh\\\\u2066i');
    expect(mdText('x\u202ey')).toBe('x\\\\u202ey');
    expect(mdCode('x\u001by')).toBe('`x\\x1by`');
  });

  it('escapes Markdown and HTML in text, and fences code that holds backticks', () => {
    expect(mdText('a|b *c* _d_ [e](f) <g> & `h`\nnext')).toBe('a\\|b \\*c\\* \\_d\\_ \\[e\\](f) &lt;g&gt; &amp; \\`h\\` next');
    expect(mdCode('x`y')).toBe('``x`y``');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('a|b')).toBe('`a\\|b`');
  });
});

describe('Markdown of a partial run', () => {
  const md = renderMarkdown(partialReport());

  it('says partial run, not a conformance verdict, with the filters and whether what ran passed', () => {
    expect(md).toContain(
      `**Partial run — not a conformance verdict** (\`--only ${PARTIAL_ONLY}\`): what ran passed, no MUST check failed, errored or was blocked (1 check).`,
    );
    expect(md).not.toMatch(/\*\*(Not conformant|Conformant)\*\*/);
    expect(md).toContain(`| Scope | partial run: \`--only ${PARTIAL_ONLY}\` |`);
    expect(renderMarkdown(partialReport(true))).toContain(
      '**Partial run — not a conformance verdict** (`--skip health/answers-quickly`): what ran failed, 4 failed, 2 error, 2 precondition-failed (21 checks).',
    );
  });

  it('lists only the classes actually tested as tested; a claimed class the run did not reach reads not tested', () => {
    expect(md).toContain('| Classes tested | carrier-shipping |');
    expect(md).toContain('| `carrier-shipping` | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |');
    for (const name of ['core', 'security', 'privacy', 'carrier-tracking-pull']) {
      expect(md).toContain(`| \`${name}\` (not tested in this partial run) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`);
    }
    expect(md).not.toContain('(not claimed)');
    expect(md).toContain('None: every MUST check that ran passed.');
  });

  it('in a whole run, says "nothing to test" for a claimed class without a check', () => {
    const whole = renderMarkdown(claimedButUntestedReport());
    expect(whole).toContain('| `notices` (nothing to test) | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(whole).toContain('| Scope | the whole claim |');
  });
});

describe('Markdown notes on the run', () => {
  it('says why a run ended early and which pushes did not count', () => {
    const report = {
      ...loadFixture('with-failures'),
      stopped: 'the run reached its deadline (max duration 10 min)',
      noise: { forged: 40, oversized: 2, overflow: 0, stray: 1 },
    };
    const md = renderMarkdown(report);
    expect(md).toContain('| Note | The run ended early: the run reached its deadline (max duration 10 min) |');
    expect(md).toContain(
      "| Note | Pushes that did not count as the target's: 40 whose signature did not verify, 2 too large (413), 1 to no callback of the run (404). |",
    );
    expect(renderMarkdown(loadFixture('with-failures'))).not.toContain('| Note |');
  });
});
