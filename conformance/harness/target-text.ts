// Reading what a target sent. A body nested deeper than any ECDX document is not read as JSON: parsing it is cheap,
// but every walk over it afterwards (a schema validator, a redactor, a reporter) could exhaust its stack. Evidence
// keeps a short, redacted copy of a body that says when it is not the whole of it.
import { boundValue } from './bounded.ts';
import { MAX_EVIDENCE_BODY, redactBody, redactText } from './redact.ts';

/** No ECDX document nests this deep. */
const MAX_JSON_DEPTH = 64;
const MEBIBYTE = 1024 * 1024;
/**
 * Evidence shows the first 8 KiB of a body: a larger one is bounded before it is redacted (its long strings and
 * long lists cut, with a note), so that redacting an answer costs what showing it does, not what the target sent.
 */
const MAX_REDACTED_INPUT = 64 * 1024;

/** Whether a JSON text nests arrays and objects deeper than `limit` (brackets inside strings do not count). */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The text parsed as JSON, or undefined when it is empty, not JSON, or nested deeper than MAX_JSON_DEPTH. */
export function readJson(text: string): unknown {
  if (text === '' || jsonDepthExceeds(text, MAX_JSON_DEPTH)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const describeSize = (bytes: number): string => (bytes % MEBIBYTE === 0 ? `${bytes / MEBIBYTE} MiB` : `${bytes} bytes`);

/**
 * What the evidence keeps of a body: redacted and short (redactBody), and saying so when the body was cut off after
 * `cutAfter` bytes or nests too deep to be read as JSON (then only its start is shown, redacted as text). `schema`
 * (the body's, from the operations table) lets names be masked by their meaning, not only by their shape.
 */
export function evidenceBody(text: string, cutAfter?: number, schema?: string): string | undefined {
  const start = () => `${redactText(text.slice(0, MAX_EVIDENCE_BODY))}${text.length > MAX_EVIDENCE_BODY ? '…' : ''}`;
  if (cutAfter !== undefined) return `${start()}\n… (the response was cut off after ${describeSize(cutAfter)}: the rest was not read)`;
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return `${start()}\n… (nested deeper than ${MAX_JSON_DEPTH} levels: not read as JSON)`;
  if (text.length <= MAX_REDACTED_INPUT) return redactBody(text, schema);
  const json = readJson(text);
  if (json !== undefined) return redactBody(JSON.stringify(boundValue(json)), schema);
  return `${start()}\n… (${text.length - MAX_EVIDENCE_BODY} more characters)`;
}
