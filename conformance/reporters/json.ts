// report.json: the report object exactly as the harness produced it, pretty-printed. Tools in other languages
// read it against the published ConformanceReport schema (conformance/harness/report.ts).
import type { ConformanceReport } from '../harness/report.ts';

export const renderJson = (report: ConformanceReport): string => `${JSON.stringify(report, null, 2)}\n`;
