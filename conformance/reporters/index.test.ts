import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/index.ts';
import { DEFAULT_FORMATS, REPORT_FORMATS, reporters, writeReports, type ReportFormat } from './index.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecdx-reports-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('reporter registry', () => {
  it('has a reporter for every format, each with its own file name', () => {
    expect(Object.keys(reporters).sort()).toEqual([...REPORT_FORMATS].sort());
    for (const format of REPORT_FORMATS) expect(reporters[format].format).toBe(format);
    const names = REPORT_FORMATS.map((f) => reporters[f].fileName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['summary.txt', 'report.json', 'junit.xml', 'report.html', 'report.md']);
  });

  it('renders every format from the same report', () => {
    const report = loadFixture('with-failures');
    const out = Object.fromEntries(REPORT_FORMATS.map((f) => [f, reporters[f].render(report)])) as Record<ReportFormat, string>;
    expect(JSON.parse(out.json)).toEqual(report);
    expect(out.junit).toContain('<testsuites ');
    expect(out.html).toContain('<!doctype html>');
    expect(out.md).toContain('# ECDX conformance report');
    expect(out.console).toContain('NOT CONFORMANT');
  });
});

describe('every format redacts what it renders, whoever built the report', () => {
  it('masks a mobile quoted in a message and a landline in a URL, and replaces a signature echoed in a header', () => {
    const report = loadFixture('with-failures');
    const failed = report.results.find((r) => r.status === 'failed')!;
    failed.message = 'the problem said: request for 13812345678 refused';
    failed.evidence = [
      {
        kind: 'http',
        direction: 'to-target',
        request: { method: 'GET', url: 'https://carrier.example.test/v1/x?cursor=~0571-88881234', headers: {} },
        response: { status: 201, headers: { location: `/v1/x?signature=${encodeURIComponent(`ecdx=:${'s'.repeat(86)}==:`)}` } },
        durationMs: 1,
        at: '2026-03-02T09:30:01.000Z',
      },
      ...failed.evidence,
    ];
    for (const format of REPORT_FORMATS) {
      const text = reporters[format].render(report);
      expect(text, format).not.toContain('13812345678');
      expect(text, format).not.toContain('0571-88881234');
      expect(text, format).not.toContain('s'.repeat(86));
    }
  });
});

describe('writeReports', () => {
  it('writes the default formats into the directory (creating it) and returns their absolute paths', async () => {
    const dir = join(tempDir(), 'nested', 'reports');
    const report = loadFixture('with-failures');
    const paths = await writeReports(report, { dir });
    expect(paths.map((p) => basename(p))).toEqual(DEFAULT_FORMATS.map((f) => reporters[f].fileName));
    for (const p of paths) expect(isAbsolute(p)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual(report);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(reporters.html.render(report));
  });

  it('writes exactly the formats asked for, once each, in order, with the docs URL passed on', async () => {
    const dir = tempDir();
    const docsUrl = 'https://docs.example.test/ecdx/spec.html';
    const paths = await writeReports(loadFixture('with-failures'), { dir, formats: ['md', 'console', 'md'], docsUrl });
    expect(paths).toEqual([join(dir, 'report.md'), join(dir, 'summary.txt')]);
    expect(readFileSync(paths[0]!, 'utf8')).toContain(`](${docsUrl}#ECDX-`);
    expect(readFileSync(paths[1]!, 'utf8')).toContain('NOT CONFORMANT');
  });

  it('refuses an unknown format before writing anything', async () => {
    const dir = join(tempDir(), 'never');
    await expect(writeReports(loadFixture('all-passing'), { dir, formats: ['json', 'pdf' as ReportFormat] })).rejects.toThrow(/unknown report format 'pdf'/);
    expect(() => readFileSync(join(dir, 'report.json'))).toThrow();
  });
});
