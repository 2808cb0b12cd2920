// Strings a schema accepts. Three kinds, by what the schema says:
// - a format (date-time, date, uri, email, uuid): built from its parts, so it is valid by construction;
// - a structured pattern (digits, codes, `^1[3-9]\d{9}$`): drawn with fast-check's stringMatching;
// - free text (no pattern, or one that only rules out a few characters, such as `\S` or `[^*]`): drawn from text
//   that people write into shipping data — Chinese (BMP and the supplementary planes, where rare surnames live),
//   Latin with diacritics, digits and punctuation — so that a carrier that stores only three-byte UTF-8 or cuts
//   strings by bytes is found out.
// Lengths: JSON Schema counts code points, some validators (TypeBox among them) UTF-16 units. A drawn string keeps
// within both readings: at least minLength code points, at most maxLength UTF-16 units.
import fc from 'fast-check';
import type { SchemaNode } from './schema-node.ts';
import { satisfies } from './sub-schema.ts';

const PUNCTUATION = ['·', '—', '（', '）', '、', 'é', 'ü', 'ñ', 'ā', 'ǚ', ' ', '　', '😀', '👨‍👩‍👧'] as const;

/** Text people type into shipping data, one code point at a time. */
const textUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)) }, // CJK unified
  { weight: 3, arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCodePoint(c)) }, // ASCII printable
  { weight: 1, arbitrary: fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)) }, // CJK Ext. B (4 bytes)
  // By index, not constantFrom: fast-check maps a constant back to its index for every string it slices, which costs
  // more than the whole request it goes into.
  { weight: 1, arbitrary: fc.nat({ max: PUNCTUATION.length - 1 }).map((i) => PUNCTUATION[i]!) },
);

const codePoints = (s: string): number => [...s].length;

/** No lone surrogate: a string that survives UTF-8 on the wire unchanged. */
const wellFormed = (s: string): boolean => !/\p{Cs}/u.test(s);

/** At most `max` UTF-16 units, cut at a code point boundary. */
function cutTo(value: string, max: number): string {
  if (value.length <= max) return value;
  let out = '';
  for (const ch of value) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

const LOOKAROUND = /\(\?<?[=!](?:[^()\\]|\\.)*\)/g;

/** A pattern that only excludes a few characters: it reads as free text, not as a structure to match. */
const isFreeText = (pattern: string): boolean => /^\\S$|\[\^/.test(pattern) || !pattern.startsWith('^');

// One arbitrary per string rule: arbitraries are immutable, and building one from a pattern costs fast-check far
// more than drawing from it (it maps its default slices through every character class).
const built = new Map<string, fc.Arbitrary<string>>();

/** Any string in the node's length bounds that its pattern (if any) accepts. */
export function stringArbitrary(node: SchemaNode): fc.Arbitrary<string> {
  const key = JSON.stringify([node['minLength'], node['maxLength'], node['pattern'], node['format']]);
  let arbitrary = built.get(key);
  if (!arbitrary) {
    arbitrary = buildStringArbitrary(node);
    built.set(key, arbitrary);
  }
  return arbitrary;
}

function buildStringArbitrary(node: SchemaNode): fc.Arbitrary<string> {
  const minLength = (node['minLength'] as number | undefined) ?? 0;
  const maxLength = (node['maxLength'] as number | undefined) ?? Math.max(minLength, 40);
  const pattern = node['pattern'] as string | undefined;
  const format = node['format'] as string | undefined;
  const regex = pattern === undefined ? undefined : new RegExp(pattern, 'u');
  const fits = (s: string) => codePoints(s) >= minLength && s.length <= maxLength && wellFormed(s) && (regex?.test(s) ?? true);

  // Times and identifiers are built from their parts (readable, in range); a URI or address that must also match
  // a structure (a problem type's URI) is drawn from the structure.
  const fromParts = format === 'date-time' || format === 'date' || format === 'uuid' ? formatArbitrary(format) : undefined;
  if (fromParts) return fromParts.filter(fits);
  if (pattern !== undefined && !isFreeText(pattern)) {
    // A structure to match comes first (a URI that must be a problem type's): fast-check draws from the pattern
    // without its lookarounds; the whole pattern, and the format if any, then decide.
    const matching = fc.stringMatching(new RegExp(pattern.replace(LOOKAROUND, ''))).filter(fits);
    return format === undefined ? matching : matching.filter((s) => satisfies({ type: 'string', format }, s));
  }
  const formatted = format === undefined ? undefined : formatArbitrary(format);
  if (formatted) return formatted.filter(fits);
  // Free text: the generous upper bound is kept rare, as in real data, but reached (edge of range).
  const upper = Math.min(maxLength, 400);
  return fc
    .string({ unit: textUnit, minLength: Math.max(minLength, pattern ? 1 : 0), maxLength: upper })
    .map((s) => cutTo(s, maxLength))
    .filter(fits);
}

const two = (n: number) => String(n).padStart(2, '0');

/** Timestamps from 2020 to 2035 in China time or UTC, sometimes with a fraction of a second. */
const dateTime: fc.Arbitrary<string> = fc
  .record({
    at: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }),
    offset: fc.constantFrom(480, 0, -300),
    fraction: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
  })
  .map(({ at, offset, fraction }) => {
    const local = new Date(at + offset * 60_000);
    const date = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
    const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
    const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${two(Math.abs(offset) / 60)}:${two(Math.abs(offset) % 60)}`;
    return `${date}T${time}${fraction === undefined ? '' : `.${String(fraction).padStart(3, '0')}`}${zone}`;
  });

/**
 * HTTPS URLs of a host under a reserved name and a short path. Built here rather than with fc.webUrl, whose
 * construction alone costs more than a carrier run's requests.
 */
const httpsUrl: fc.Arbitrary<string> = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/), fc.nat({ max: 2 }), fc.stringMatching(/^(\/[a-z0-9._-]{1,12}){0,3}$/))
  .map(([label, tld, path]) => `https://${label}.${['example', 'example.cn', 'test'][tld]}${path}`);

function formatArbitrary(format: string): fc.Arbitrary<string> | undefined {
  switch (format) {
    case 'date-time':
      return dateTime;
    case 'date':
      return dateTime.map((t) => t.slice(0, 10));
    case 'uri':
      return httpsUrl;
    case 'email':
      return fc.emailAddress();
    case 'uuid':
      return fc.uuid();
    default:
      return undefined;
  }
}
