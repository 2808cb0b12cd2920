// report.json: the report object as the harness produced it, redacted (as every reporter redacts what it renders),
// pretty-printed. Tools in other languages
// read it against the published ConformanceReport schema (conformance/harness/report.ts).
import { redactReport } from '../harness/redact.ts';
import type { ConformanceReport } from '../harness/report.ts';

/**
 * JSON.stringify escapes C0 controls but writes DEL, C1 controls and bidi overrides raw; as `\u` escapes they
 * parse to the same strings and `cat report.json` shows them instead of running or reordering anything. They can
 * only occur inside strings, where the escape is valid.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const renderJson = (report: ConformanceReport): string =>
  `${JSON.stringify(redactReport(report), null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
