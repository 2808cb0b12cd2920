import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTE_PAYLOAD,
  controlReport,
  hostileReport,
  loadFixture,
  PARTIAL_ONLY,
  partialReport,
  RAW_CONTROL,
  SCRIPT_PAYLOAD,
  type FixtureName,
} from './fixtures/index.ts';
import { cdataSafe, renderJunit, testCaseName, xmlSafe } from './junit.ts';
import { classBreakdown, totalOf } from './shared.ts';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const decode = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) =>
    e === 'lt'
      ? '<'
      : e === 'gt'
        ? '>'
        : e === 'amp'
          ? '&'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

/**
 * A small, strict XML reader: enough to prove the JUnit file is well-formed (one root, balanced tags, quoted
 * attributes, no stray `<` or `&`, no character XML forbids) and to query it.
 */
function parseXml(xml: string): XmlElement {
  expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  while (rest.length > 0) {
    let m: RegExpMatchArray | null;
    // biome-ignore-start lint/suspicious/noAssignInExpressions: a tokenizer: each branch tries the next token's pattern
    if ((m = rest.match(/^<!\[CDATA\[([\s\S]*?)\]\]>/))) top().text += m[1];
    else if ((m = rest.match(/^<!--([\s\S]*?)-->/))) void 0;
    else if ((m = rest.match(/^<\/([A-Za-z_][\w.-]*)\s*>/))) {
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new Error(`</${m[1]}> closes <${open?.name}>`);
    } else if ((m = rest.match(/^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/))) {
      const attributes: Record<string, string> = {};
      for (const a of m[2]!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"<]*)"/g)) {
        if (Object.hasOwn(attributes, a[1]!)) throw new Error(`duplicate attribute ${a[1]}`);
        if (/&(?!(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);)/.test(a[2]!)) throw new Error(`bare & in ${a[1]}`);
        attributes[a[1]!] = decode(a[2]!);
      }
      const element: XmlElement = { name: m[1]!, attributes, children: [], text: '' };
      if (stack.length === 1 && root.children.length > 0) throw new Error('second root element');
      top().children.push(element);
      if (m[3] !== '/') stack.push(element);
    } else if ((m = rest.match(/^[^<]+/))) {
      if (/&(?!(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);)/.test(m[0])) throw new Error('bare & in text');
      if (stack.length === 1 && m[0].trim() !== '') throw new Error('text outside the root element');
      top().text += decode(m[0]);
    } else throw new Error(`not well-formed at: ${rest.slice(0, 80)}`);
    // biome-ignore-end lint/suspicious/noAssignInExpressions: a tokenizer
    rest = rest.slice(m[0].length);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${top().name}>`);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const all = (e: XmlElement, name: string): XmlElement[] => e.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);

describe.each(['all-passing', 'with-failures'] as FixtureName[])('JUnit XML of %s', (name) => {
  const report = loadFixture(name);
  const xml = renderJunit(report);
  const root = parseXml(xml);

  it('is well-formed, with counts that say what the exit code says: blocked MUST checks fail, harness errors are errors', () => {
    expect(root.name).toBe('testsuites');
    const s = report.summary;
    expect(Number(root.attributes.tests)).toBe(totalOf(s));
    expect(Number(root.attributes.failures)).toBe(s.failed + s.preconditionFailed);
    expect(Number(root.attributes.errors)).toBe(s.error);
    expect(Number(root.attributes.skipped)).toBe(s.skipped);
    expect(all(root, 'testcase')).toHaveLength(report.results.length);
    expect(all(root, 'failure')).toHaveLength(s.failed + s.preconditionFailed);
    expect(all(root, 'error')).toHaveLength(s.error);
    expect(all(root, 'skipped')).toHaveLength(s.skipped);
    for (const suite of all(root, 'testsuite')) {
      const cases = all(suite, 'testcase');
      expect(Number(suite.attributes.failures)).toBe(cases.filter((c) => child(c, 'failure')).length);
      expect(Number(suite.attributes.errors)).toBe(cases.filter((c) => child(c, 'error')).length);
      expect(Number(suite.attributes.skipped)).toBe(cases.filter((c) => child(c, 'skipped')).length);
    }
  });

  it('has one testsuite per class, one testcase per check, classname = class, name = checkId (requirement ids)', () => {
    const suites = all(root, 'testsuite');
    expect(suites.map((t) => t.attributes.name)).toEqual(classBreakdown(report).map((r) => r.name));
    for (const suite of suites) {
      const results = report.results.filter((r) => r.class === suite.attributes.name);
      const cases = all(suite, 'testcase');
      expect(Number(suite.attributes.tests)).toBe(results.length);
      expect(cases.map((c) => c.attributes.name)).toEqual(results.map(testCaseName));
      for (const c of cases) expect(c.attributes.classname).toBe(suite.attributes.name);
      expect(suite.attributes.timestamp).toBe(report.startedAt);
      expect(Number(suite.attributes.time)).toBeCloseTo(results.reduce((t, r) => t + r.durationMs, 0) / 1000, 6);
    }
  });

  it('maps every state: failure for failed and precondition-failed, error for error, skipped only for a class not claimed, a note for warnings', () => {
    const cases = all(root, 'testcase');
    report.results.forEach((r, i) => {
      const c = cases[i]!;
      expect(c.attributes.name).toBe(`${r.checkId} (${r.requirementIds.join(', ')})`);
      expect(Number(c.attributes.time)).toBeCloseTo(r.durationMs / 1000, 6);
      const failure = child(c, 'failure');
      const error = child(c, 'error');
      const skipped = child(c, 'skipped');
      const out = child(c, 'system-out');
      switch (r.status) {
        case 'passed':
          expect([failure, error, skipped, out]).toEqual([undefined, undefined, undefined, undefined]);
          break;
        case 'warning':
          expect([failure, error, skipped]).toEqual([undefined, undefined, undefined]);
          expect(out?.text).toContain('warning (SHOULD not met)');
          expect(out?.text).toContain(r.message);
          break;
        case 'failed':
        case 'precondition-failed':
          expect(failure?.attributes.type).toBe(r.status);
          expect(failure?.attributes.message).toBe(r.message);
          expect(failure?.text).toContain(r.requirementIds[0]);
          expect([error, skipped]).toEqual([undefined, undefined]);
          break;
        case 'error':
          expect(error?.attributes.type).toBe('error');
          expect(error?.attributes.message).toBe(r.message);
          expect(error?.text).toContain(r.requirementIds[0]);
          expect([failure, skipped]).toEqual([undefined, undefined]);
          break;
        case 'skipped':
          expect(skipped?.attributes.message).toBe(`skipped: ${r.message}`);
          expect([failure, error]).toEqual([undefined, undefined]);
          break;
      }
    });
  });
});

describe('JUnit XML details', () => {
  it('quotes the evidence of a failure: failed assertions with pointers and the response status line', () => {
    const report = loadFixture('with-failures');
    const root = parseXml(renderJunit(report));
    const c = all(root, 'testcase').find((t) => t.attributes.name?.startsWith('shipments/refuses-invalid-shipping-data'));
    const text = child(c!, 'failure')!.text;
    expect(text).toContain('✘ status is 422 (got 500)');
    expect(text).toContain('(at /type)');
    expect(text).toContain('HTTP 500 Internal Server Error');
    expect(text).toContain('系统繁忙');
  });

  it('shows a SHOULD check that errored or was blocked as passing with a note: like a warning, it does not fail the run', () => {
    const report = loadFixture('with-failures');
    const should = (status: 'error' | 'precondition-failed') => ({ ...report.results[1]!, checkId: `health/${status}`, level: 'SHOULD' as const, status });
    const results = [should('error'), should('precondition-failed')];
    const root = parseXml(renderJunit({ ...report, results, summary: { ...report.summary } }));
    expect([root.attributes.failures, root.attributes.errors, root.attributes.skipped]).toEqual(['0', '0', '0']);
    for (const [i, c] of all(root, 'testcase').entries()) {
      expect([child(c, 'failure'), child(c, 'error'), child(c, 'skipped')]).toEqual([undefined, undefined, undefined]);
      expect(child(c, 'system-out')?.text).toContain(`${results[i]!.status} (SHOULD check, does not fail the run)`);
    }
  });

  it('quotes a step not taken as such, not as an assertion that held', () => {
    const report = loadFixture('with-failures');
    const results = report.results.map((r) =>
      r.checkId === 'shipments/refuses-invalid-shipping-data'
        ? { ...r, evidence: [{ kind: 'blocked' as const, message: 'no second key, so another platform was not tried' }, ...r.evidence] }
        : r,
    );
    const root = parseXml(renderJunit({ ...report, results }));
    const c = all(root, 'testcase').find((t) => t.attributes.name?.startsWith('shipments/refuses-invalid-shipping-data'));
    expect(child(c!, 'failure')!.text).toContain('⊘ not taken: no second key, so another platform was not tried');
  });

  it('stays well-formed with hostile evidence: markup, quotes, control characters and several ]]>', () => {
    const xml = renderJunit(hostileReport());
    const root = parseXml(xml);
    const failed = all(root, 'testcase').find((t) => child(t, 'failure')?.attributes.message?.includes(SCRIPT_PAYLOAD));
    expect(failed).toBeDefined();
    expect(child(failed!, 'failure')!.attributes.message).toContain(ATTRIBUTE_PAYLOAD);
    expect(child(failed!, 'failure')!.text).toContain(SCRIPT_PAYLOAD);
    expect(root.attributes.name).toContain(ATTRIBUTE_PAYLOAD);
  });

  it('shows control characters and bidi overrides from the target as escapes, in attributes and CDATA', () => {
    const xml = renderJunit(controlReport());
    expect(xml).not.toMatch(RAW_CONTROL);
    const root = parseXml(xml);
    const failed = all(root, 'testcase').find((t) => t.attributes.name?.startsWith('errors/problem-json-on-4xx'));
    expect(child(failed!, 'failure')!.attributes.message).toBe(
      'target said a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x9b31md\\x00e\\x7ff\\x0dg\\u202eh\\u2066i\\u202aj\\u2069k',
    );
  });

  it('makes text XML-safe without losing the rest of it', () => {
    expect(xmlSafe('a\u0000b\u0007c\uD800d\t\n')).toBe('a\\x00b\\x07c\uFFFDd\t\n');
    expect(xmlSafe('顺丰 😀')).toBe('顺丰 😀');
    expect(cdataSafe('x]]>y]]>z')).toBe('x]] >y]] >z');
  });

  it('is the same for the same report (a fresh builder per call)', () => {
    const report = loadFixture('with-failures');
    expect(renderJunit(report)).toBe(renderJunit(report));
  });
});

describe('JUnit XML of a partial run', () => {
  const root = parseXml(renderJunit(partialReport()));
  const properties = (suite: XmlElement) => Object.fromEntries(all(suite, 'property').map((p) => [p.attributes.name, p.attributes.value]));

  it('says partial run, not a conformance verdict, in the testsuites name and on every testsuite', () => {
    expect(root.attributes.name).toBe(
      `ECDX conformance: https://carrier.example.test/ecdx (carrier) — Partial run — not a conformance verdict (--only ${PARTIAL_ONLY}): what ran passed`,
    );
    const suites = all(root, 'testsuite');
    expect(suites.length).toBeGreaterThan(1);
    for (const suite of suites) {
      expect(properties(suite)).toMatchObject({ 'ecdx.verdict': 'partial', 'ecdx.scope': `--only ${PARTIAL_ONLY}`, 'ecdx.partialRunPassed': 'true' });
    }
  });

  it('marks a claimed class the run did not test as not tested (an empty testsuite)', () => {
    const core = all(root, 'testsuite').find((s) => s.attributes.name === 'core')!;
    expect(Number(core.attributes.tests)).toBe(0);
    expect(properties(core)).toMatchObject({ 'ecdx.class.tested': 'false', 'ecdx.class.state': 'not-tested' });
  });

  it('has the verdict on every testsuite of a whole run too', () => {
    for (const suite of all(parseXml(renderJunit(loadFixture('with-failures'))), 'testsuite')) {
      expect(properties(suite)['ecdx.verdict']).toBe('not-conformant');
      expect(properties(suite)['ecdx.scope']).toBeUndefined();
    }
  });
});
