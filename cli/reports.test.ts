// Writing the reports whatever happened: a reporter that cannot render the report costs only its evidence, never
// the other formats; a harness that failed outright still leaves a valid report that says why.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { afterAll, describe, expect, it } from 'vitest';
import { ConformanceReport } from '../conformance/harness/report.ts';
import { writeReports } from '../conformance/reporters/index.ts';
import { failedRunReport, writeEveryReport } from './reports.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecdx-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { target: 'http://127.0.0.1:9', role: 'carrier' as const, only: ['discovery'] };

describe('writeEveryReport', () => {
  it('writes a format that fails on the report again without the evidence, and every other format as it is', async () => {
    const report: ConformanceReport = {
      ...failedRunReport(options, new Error('x'), new Date().toISOString()),
      results: [
        {
          checkId: 'discovery/x',
          requirementIds: ['ECDX-CNF-001'],
          class: 'core',
          role: 'both',
          level: 'MUST',
          status: 'failed',
          title: 'x',
          message: 'the claim was not served',
          evidence: [{ kind: 'assertion', passed: false, message: 'something no reporter can render' }],
          durationMs: 1,
        },
      ],
    };
    const fragile: typeof writeReports = async (r, o) => {
      if (o.formats?.[0] === 'json' && r.results.some((x) => x.evidence.length > 0)) throw new RangeError('Maximum call stack size exceeded');
      return writeReports(r, o);
    };
    const written = await writeEveryReport(report, { dir, formats: ['json', 'junit'] }, fragile);
    expect(written.paths.map((p) => p.slice(dir.length + 1))).toEqual(['report.json', 'junit.xml']);
    expect(written.problems).toEqual(['json: written without evidence, because the json reporter failed on it: Maximum call stack size exceeded']);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ConformanceReport;
    expect(json.results[0]!.message).toBe('the claim was not served (evidence not shown: the json reporter failed on it: Maximum call stack size exceeded)');
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('something no reporter can render');
  });
});

describe('failedRunReport', () => {
  it('is a valid report that is not conformant and says why', () => {
    const report = failedRunReport({ ...options, only: [] }, new TypeError('undefined is not a function'), '2026-01-01T00:00:00.000Z');
    expect(Value.Check(ConformanceReport, report)).toBe(true);
    expect([report.verdict, report.conformant, report.stopped]).toEqual([
      'not-conformant',
      false,
      'the harness failed before any check could report: undefined is not a function',
    ]);
    expect(failedRunReport(options, new Error('x'), '2026-01-01T00:00:00.000Z').verdict).toBe('partial');
  });
});
