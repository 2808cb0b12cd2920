// Evidence goes into reports that are shared, archived and attached to tickets: nothing secret and no personal
// data may reach them. Signatures and secrets are replaced; telephone numbers, identity numbers, names and address
// details are masked with the standard's own masking rules.
import { locateMobileNumbers, locateResidentIds } from '../../schemas/identifiers.ts';
import { maskMobile, maskName } from '../../schemas/masking.ts';

export const MAX_EVIDENCE_BODY = 8 * 1024;

const SECRET_HEADERS = new Set(['signature', 'webhook-signature', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization']);
/** Members whose value is a credential wherever they appear. */
const SECRET_MEMBERS = new Set(['secret', 'signingSecret', 'privateKey', 'password', 'token', 'apiKey']);
/** Members that hold a person's name in ECDX objects. */
const NAME_MEMBERS = new Set(['name']);
const NAME_PARENTS = new Set(['sender', 'recipient', 'courier', 'signatory', 'contact']);
/** Members whose value is a street-level address detail or a postal code. */
const ADDRESS_DETAIL_MEMBERS = new Set(['detail', 'postalCode']);

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? '[redacted]' : redactText(text);
  }
  return out;
}

/** Mask every mainland mobile number and GB 11643 identity number inside free text. */
export function redactText(text: string): string {
  const findings = [
    ...locateResidentIds(text).map((f) => ({ ...f, replacement: `${f.value.slice(0, 3)}***********${f.value.slice(-4)}` })),
    ...locateMobileNumbers(text).map((f) => ({ ...f, replacement: maskMobile(f.number) })),
  ].sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const f of findings) {
    if (f.end > limit) continue; // overlapping finding: the later one already replaced this stretch
    out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
    limit = f.start;
  }
  return out.replace(/whsec_[A-Za-z0-9+/=]+/g, 'whsec_[redacted]');
}

function redactValue(value: unknown, key: string | undefined, parent: string | undefined): unknown {
  if (typeof value === 'string') {
    if (key && SECRET_MEMBERS.has(key)) return '[redacted]';
    if (key && ADDRESS_DETAIL_MEMBERS.has(key)) return '[redacted]';
    if (key && NAME_MEMBERS.has(key) && parent && NAME_PARENTS.has(parent) && !value.includes('*')) return maskName(value);
    return redactText(value);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, undefined, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k, key)]));
  }
  return value;
}

/** A body as evidence: JSON redacted member by member, anything else as redacted text; truncated. */
export function redactBody(body: string | undefined): string | undefined {
  if (body === undefined || body === '') return undefined;
  let text: string;
  try {
    text = JSON.stringify(redactValue(JSON.parse(body), undefined, undefined), null, 2);
  } catch {
    text = redactText(body);
  }
  return text.length > MAX_EVIDENCE_BODY ? `${text.slice(0, MAX_EVIDENCE_BODY)}\n… (${text.length - MAX_EVIDENCE_BODY} more characters)` : text;
}
