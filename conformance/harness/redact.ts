// Evidence goes into reports that are shared, archived and attached to tickets: nothing secret and no personal
// data may reach them. Two passes share these rules: the client and the receiver redact each exchange as they
// record it (redactHeaders, redactBody), and `redactReport` goes over everything a finished report holds — URLs,
// headers, bodies, messages, fixtures, the claim — where reports leave the process (runConformance, every
// reporter), so that a message quoting a problem detail or a Location header echoing a signature is caught too.
//
// Free text is redacted by its shape: mainland mobiles, landlines and GB 11643 numbers are masked with the
// standard's own rules; credentials (signatures, webhook secrets and keys, bearer tokens, the demo keys, secret
// query parameters) are replaced, also inside percent-encoded URLs. A JSON body of a known schema is redacted by
// the meaning of each member (member-meaning.ts): a person's name is masked (M1), an address detail dropped (M4),
// an organisation's name kept. JSON of no known schema gets the shape-based scan only.
import { locateMobileNumbers, locateResidentIds } from '../../schemas/identifiers.ts';
import { isMaskedName, maskLandline, maskMobile, maskName } from '../../schemas/masking.ts';
import {
  DEMO_CARRIER_HMAC_SECRET_BASE64,
  DEMO_CARRIER_PRIVATE_KEY_PEM,
  DEMO_HMAC_SECRET_BASE64,
  DEMO_PLATFORM_PRIVATE_KEY_PEM,
} from '../../protocol/demo-credentials.ts';
import { bodySchemaOf, itemPosition, meaningOf, memberPosition, positionOf, type BodyPlace, type Position } from './member-meaning.ts';
import type { CheckResult, ConformanceReport, Evidence, Exchange, FixtureRecord, Translations } from './report.ts';

export const MAX_EVIDENCE_BODY = 8 * 1024;

const REDACTED = '[redacted]';
const SECRET_HEADERS = new Set(['signature', 'webhook-signature', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization', 'x-api-key']);
/** Members whose value is a credential wherever they appear. */
const SECRET_MEMBERS = new Set(['secret', 'signingSecret', 'privateKey', 'password', 'token', 'apiKey']);
/** Deeper than any ECDX object; a deeper value (a hostile claim of nested arrays) is cut, so every reporter can render it. */
const MAX_DEPTH = 32;

// ---------------------------------------------------------------------------------------------------------
// Free text

/** A mainland landline (LandlineNumber, with its extension), not part of a longer run of digits. */
const LANDLINE = /(?<![\d-])0\d{2,3}-[2-9]\d{6,7}(?:-\d{1,6})?(?!\d)/g;

/** Masks every GB 11643 number, mainland mobile and landline; where findings overlap the first one found wins. */
function maskNumbers(text: string): string {
  const findings = [
    ...locateResidentIds(text).map((f) => ({ ...f, replacement: `${f.value.slice(0, 3)}***********${f.value.slice(-4)}` })),
    ...locateMobileNumbers(text).map((f) => ({ ...f, replacement: maskMobile(f.number) })),
    ...[...text.matchAll(LANDLINE)].map((m) => ({ start: m.index, end: m.index + m[0].length, replacement: maskLandline(m[0]) })),
  ].sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const f of findings) {
    if (f.end > limit) continue; // overlapping finding: the later one already replaced this stretch
    out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
    limit = f.start;
  }
  return out;
}

/** Content-Digest's members are byte sequences too (`sha-256=:…:`), and no secret: they stay readable. */
const DIGEST_LABEL = /^(?:id-)?(?:sha|md5|unix|crc|adler)/i;

/** The published demo keys, by value: anyone can sign with them, so a report that shows them shows a credential. */
const DEMO_SECRETS = [DEMO_HMAC_SECRET_BASE64, DEMO_CARRIER_HMAC_SECRET_BASE64, DEMO_PLATFORM_PRIVATE_KEY_PEM, DEMO_CARRIER_PRIVATE_KEY_PEM].flatMap((secret) =>
  secret.split('\n').filter((line) => line !== '' && !line.startsWith('-----')),
);

const CREDENTIALS: readonly [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[redacted private key]'],
  [/\b(wh(?:sec|sk))_[A-Za-z0-9+/=]+/g, `$1_${REDACTED}`],
  // An RFC 9421 signature (`ecdx=:base64:`) wherever it is quoted or echoed. The label starts where no label
  // character precedes it, so that a long run of them is scanned once, not once per position.
  [
    /(?<![A-Za-z0-9_.*-])([A-Za-z*][A-Za-z0-9_.*-]*)=:[A-Za-z0-9+/]{40,}={0,2}:/g,
    (match, label) => (DIGEST_LABEL.test(label!) ? match : `${label}=:${REDACTED}:`),
  ],
  // A Standard Webhooks signature (`v1a,base64`).
  [/\b(v1a?),[A-Za-z0-9+/]{40,}={0,2}/g, `$1,${REDACTED}`],
  [/\b(Bearer|Basic) +[A-Za-z0-9._~+/-]+=*/gi, `$1 ${REDACTED}`],
  [/([?&;](?:signature|sig|token|access_token|secret|api[_-]?key|password)=)[^&#\s"'<>]*/gi, `$1${REDACTED}`],
];

/** Every number maskNumbers masks has three digits in a row: a text without them is left as it is, unscanned. */
const MAY_HOLD_NUMBER = /\d{3}/;
/** Every pattern of CREDENTIALS needs one of these: most texts of a run (statuses, titles, ids) have none. */
const MAY_HOLD_CREDENTIAL = /[=,]|PRIVATE KEY|wh(?:sec|sk)_|bearer|basic/i;
const SHORTEST_DEMO_SECRET = Math.min(...DEMO_SECRETS.map((s) => s.length));

function redactPlain(text: string): string {
  // The quick tests first: every exchange of a run is redacted twice, and the full scan of every string was the
  // harness's largest CPU cost (issue 12's profile).
  let out = MAY_HOLD_NUMBER.test(text) ? maskNumbers(text) : text;
  if (MAY_HOLD_CREDENTIAL.test(out)) for (const [pattern, replacement] of CREDENTIALS) out = out.replace(pattern, replacement as string);
  if (out.length >= SHORTEST_DEMO_SECRET) for (const secret of DEMO_SECRETS) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED);
  return out;
}

/** A stretch of URL text: unreserved and sub-delimiter characters and percent escapes (`=`, `&`, `?`, `#` end it). */
const URL_STRETCH = /(?:%[0-9A-Fa-f]{2}|[\w.~!$'()*+,;:@/-])+/g;

/**
 * Mask every mobile, landline and GB 11643 number and replace every credential in free text — also where it
 * hides percent-encoded inside a URL (a signature echoed in a Location header, a cursor holding a telephone).
 */
export function redactText(text: string): string {
  const out = redactPlain(text);
  if (!out.includes('%')) return out;
  return out.replace(URL_STRETCH, (stretch) => {
    if (!stretch.includes('%')) return stretch;
    let decoded: string;
    try {
      decoded = decodeURIComponent(stretch);
    } catch {
      return stretch; // not valid UTF-8 once decoded: nothing readable hides in it
    }
    const redacted = redactPlain(decoded);
    return redacted === decoded ? stretch : encodeURIComponent(redacted);
  });
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    const key = name.toLowerCase();
    out[redactText(key)] = SECRET_HEADERS.has(key) ? REDACTED : redactText(text);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Bodies

/** Rule M1 for a member that holds a person's name; one already masked (or redacted) stays as it is. */
function maskPersonName(value: string): string {
  if (value === REDACTED || isMaskedName(value)) return value;
  try {
    return maskName(value);
  } catch {
    return REDACTED; // blank, or starts or ends with `*`: nothing of it can be shown
  }
}

function redactValue(value: unknown, position: Position, key: string | undefined, parent: Position, depth: number): unknown {
  if (depth > MAX_DEPTH) return `[nested deeper than ${MAX_DEPTH} levels]`;
  if (typeof value === 'string') {
    if (key !== undefined && SECRET_MEMBERS.has(key)) return REDACTED;
    const meaning = meaningOf(parent, key, position);
    if (meaning === 'person-name') return maskPersonName(value);
    if (meaning === 'address-detail') return REDACTED;
    return redactText(value);
  }
  if (Array.isArray(value)) {
    const items = itemPosition(position);
    return value.map((item) => redactValue(item, items, undefined, position, depth + 1));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k), redactValue(v, memberPosition(position, k), k, position, depth + 1)]));
  }
  return value;
}

/** A JSON value redacted by the meaning of its members under the published schema `schema`, or by shape alone. */
const redactJson = (value: unknown, schema: string | undefined): unknown => redactValue(value, positionOf(schema), undefined, undefined, 0);

/** Text cut to MAX_EVIDENCE_BODY, the note that says so included (so that cutting again changes nothing). */
function clipText(text: string): string {
  if (text.length <= MAX_EVIDENCE_BODY) return text;
  const note = `\n… (${text.length} characters, cut)`;
  return text.slice(0, MAX_EVIDENCE_BODY - note.length) + note;
}

/** Limits tried in turn on a JSON body too long as evidence, loosest first: items per array, characters per string. */
const CLIP_STEPS: readonly (readonly [number, number])[] = [
  [100, 2000],
  [20, 400],
  [5, 100],
  [1, 40],
];

function clipJson(value: unknown, items: number, chars: number): unknown {
  if (typeof value === 'string') return value.length > chars ? `${value.slice(0, chars)}… (${value.length - chars} more characters)` : value;
  if (Array.isArray(value)) {
    const kept = value.slice(0, items).map((item) => clipJson(item, items, chars));
    return value.length > items ? [...kept, `… (${value.length - items} more items)`] : kept;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clipJson(v, items, chars)]));
  return value;
}

/**
 * A JSON body as evidence, pretty-printed and at most MAX_EVIDENCE_BODY long: arrays and strings are shortened
 * (saying so) before the text is cut, so that the evidence stays JSON and a later pass still reads each member.
 */
function fitJson(value: unknown): string {
  let text = JSON.stringify(value, null, 2) ?? 'null';
  for (const [items, chars] of CLIP_STEPS) {
    if (text.length <= MAX_EVIDENCE_BODY) return text;
    text = JSON.stringify(clipJson(value, items, chars), null, 2) ?? 'null';
  }
  return clipText(text);
}

const parseJson = (text: string): { value: unknown } | undefined => {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
};

/**
 * A body as evidence: JSON redacted member by member (by the meaning its published schema `schema` gives each
 * member, or by shape alone without one), anything else as redacted text; shortened to MAX_EVIDENCE_BODY.
 */
export function redactBody(body: string | undefined, schema?: string): string | undefined {
  if (body === undefined || body === '') return undefined;
  const json = parseJson(body);
  return json ? fitJson(redactJson(json.value, schema)) : clipText(redactText(body));
}

// ---------------------------------------------------------------------------------------------------------
// The report

const sameJson = (a: unknown, b: unknown): boolean => {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false; // too deep to compare: the redacted copy is bounded, the original is not
  }
};

/**
 * An evidence body of a finished report, redacted by the schema its place gives it. It was shortened when it was
 * recorded (with the recorder's note); what this pass leaves untouched stays exactly as recorded.
 */
function redactRecordedBody(body: string, place: BodyPlace): string {
  const json = parseJson(body);
  if (!json) return redactText(body);
  const redacted = redactJson(json.value, bodySchemaOf(place));
  return sameJson(redacted, json.value) ? body : fitJson(redacted);
}

function redactExchange(e: Exchange): Exchange {
  const place = { direction: e.direction, method: e.request.method, url: e.request.url };
  const request: Exchange['request'] = { ...e.request, url: redactText(e.request.url), headers: redactHeaders(e.request.headers) };
  if (e.request.body !== undefined) request.body = redactRecordedBody(e.request.body, { ...place, part: 'request' });
  const out: Exchange = { ...e, request };
  if (e.response) {
    const response: NonNullable<Exchange['response']> = { ...e.response, headers: redactHeaders(e.response.headers) };
    if (e.response.body !== undefined) response.body = redactRecordedBody(e.response.body, { ...place, part: 'response', status: e.response.status });
    out.response = response;
  }
  if (e.error !== undefined) out.error = redactText(e.error);
  return out;
}

/** The Chinese beside a message quotes what the English quotes (a problem detail, a header): redacted the same. */
function redactTranslations(t: Translations | undefined): { translations?: Translations } {
  if (t === undefined) return {};
  const zh = t['zh-Hans'];
  return {
    translations: {
      'zh-Hans': {
        ...(zh.title === undefined ? {} : { title: redactText(zh.title) }),
        ...(zh.message === undefined ? {} : { message: redactText(zh.message) }),
      },
    },
  };
}

function redactEvidence(e: Evidence): Evidence {
  if (e.kind === 'http') return redactExchange(e);
  if (e.kind === 'blocked') return { ...e, message: redactText(e.message), ...redactTranslations(e.translations) };
  return {
    ...e,
    message: redactText(e.message),
    ...redactTranslations(e.translations),
    ...(e.pointer === undefined ? {} : { pointer: redactText(e.pointer) }),
  };
}

const redactResult = (r: CheckResult): CheckResult => ({
  ...r,
  title: redactText(r.title),
  message: redactText(r.message),
  ...redactTranslations(r.translations),
  evidence: r.evidence.map(redactEvidence),
});

const redactFixture = (f: FixtureRecord): FixtureRecord => ({
  ...f,
  title: redactText(f.title),
  ...(f.message === undefined ? {} : { message: redactText(f.message) }),
  ...redactTranslations(f.translations),
  evidence: f.evidence.map(redactEvidence),
});

/**
 * The report as it may leave the process: every text it holds redacted (URLs, headers, bodies by their schema,
 * messages, pointers, fixture evidence, the claim by ConformanceClaim). Verdicts and counts are untouched, and a
 * report already redacted comes back equal.
 */
export function redactReport(report: ConformanceReport): ConformanceReport {
  return {
    ...report,
    scope: { ...report.scope, only: report.scope.only.map(redactText), skip: report.scope.skip.map(redactText) },
    results: report.results.map(redactResult),
    ...(report.fixtures ? { fixtures: report.fixtures.map(redactFixture) } : {}),
    target: { ...report.target, url: redactText(report.target.url) },
    claim: report.claim === null || report.claim === undefined ? report.claim : redactJson(report.claim, 'ConformanceClaim'),
  };
}
