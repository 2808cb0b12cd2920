// What a check says about a target, in both languages at once (decision 0062). A check does not know which
// language its report will be written in — one run writes report.json with both, and a Markdown and an HTML report
// in the one asked for — so every message it makes is a `Bilingual`: the English and the Chinese, each with the
// same values filled in. Each area of checks declares its messages once, by key, in a catalogue of its own
// (`conformance/checks/<area>/messages.ts`, `defineMessages`); the catalogue test fails when a key lacks Chinese.
import { formatMessage, type Language } from './index.ts';

/** One text in each language a report speaks. */
export interface Bilingual {
  readonly en: string;
  readonly 'zh-Hans': string;
}

/** What the harness's methods take: every text a check gives them is bilingual (`verbatim` for an id or the target's own words). */
export type Text = Bilingual;

export const isBilingual = (value: unknown): value is Bilingual =>
  typeof value === 'object' && value !== null && typeof (value as Bilingual).en === 'string' && typeof (value as Bilingual)['zh-Hans'] === 'string';

/** The English of a text: what report.json's `message` holds, as it always has. */
export const english = (text: Text): string => text.en;

/** A value a message shows: a number or an id as it is in both languages, or a text of its own in each. */
export type MessageValue = string | number | Bilingual;

/** The names of the parameters of a template: `{name}` and `{n:one|other}`. */
type NameOf<P extends string> = P extends `${infer N}:${string}` ? N : P;
export type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? NameOf<P> | ParamsOf<Rest> : never;

interface Entry {
  readonly en: string;
  readonly 'zh-Hans': string;
}

/** A catalogue's message as a function of its parameters (none: of nothing). */
export type MessageOf<E extends Entry> = [ParamsOf<E['en']>] extends [never]
  ? () => Bilingual
  : (params: { readonly [K in ParamsOf<E['en']>]: MessageValue }) => Bilingual;

/** Every catalogue declared, by area: the catalogue test reads them all. */
export const CATALOGUES = new Map<string, Readonly<Record<string, Entry>>>();

/** Fill a template in both languages; a value that is itself bilingual gives each language its own text. */
export function bilingual(entry: Entry, params: Readonly<Record<string, MessageValue>> = {}): Bilingual {
  const pick = (lang: Language) => Object.fromEntries(Object.entries(params).map(([name, v]) => [name, typeof v === 'object' ? v[lang] : v]));
  return loud({ en: formatMessage(entry.en, pick('en')), 'zh-Hans': formatMessage(entry['zh-Hans'], pick('zh-Hans')) });
}

/**
 * A bilingual text put into a template string would read "[object Object]" in a report, and the type checker does
 * not see it: such a text throws instead (a harness bug, reported as the check's error). Not enumerable, so a
 * report's JSON and a test's toEqual do not see it.
 */
function loud(text: Bilingual): Bilingual {
  return Object.defineProperty(text, 'toString', {
    value: () => {
      throw new TypeError(`a bilingual text was used as a string (give it to a message as a parameter): ${text.en}`);
    },
  });
}

/**
 * Declare an area's messages: `area` names the catalogue (its folder), each key one message in both languages with
 * the same `{parameters}`. What comes back calls each message with its parameters, typed from the English template.
 */
export function defineMessages<const M extends Record<string, Entry>>(area: string, messages: M): { readonly [K in keyof M]: MessageOf<M[K]> } {
  if (CATALOGUES.has(area) && CATALOGUES.get(area) !== messages) throw new Error(`two message catalogues are named '${area}'`);
  CATALOGUES.set(area, messages);
  return Object.fromEntries(
    Object.entries(messages).map(([key, entry]) => [key, (params?: Readonly<Record<string, MessageValue>>) => bilingual(entry, params)]),
  ) as {
    readonly [K in keyof M]: MessageOf<M[K]>;
  };
}

/** The same text in both languages: an id, a URL, the target's own words. */
export const verbatim = (text: string): Bilingual => loud({ en: text, 'zh-Hans': text });

/** Values joined in each language with its own separator: an id or a number as it is in both, a text in each. */
export function joinTexts(values: readonly MessageValue[], separator: Bilingual = { en: ', ', 'zh-Hans': '，' }): Bilingual {
  const inLanguage = (lang: Language) => values.map((v) => (typeof v === 'object' ? v[lang] : String(v))).join(separator[lang]);
  return loud({ en: inLanguage('en'), 'zh-Hans': inLanguage('zh-Hans') });
}

/** The members an evidence entry or a result carries for a text: its English `message`, its Chinese beside it. */
export function messageMembers(text: Text): { message: string; translations?: { 'zh-Hans': { message: string } } } {
  // A text the same in both (verbatim: an id, the target's own words) is not written twice: readers show the English.
  return { message: text.en, ...(text['zh-Hans'] === text.en ? {} : { translations: { 'zh-Hans': { message: text['zh-Hans'] } } }) };
}

/** A text as a report entry holds it (`message`, `translations`), back in both languages: as it is where it has no Chinese. */
export function textOf(entry: { message: string; translations?: { 'zh-Hans'?: { message?: string } } }): Text {
  const zh = entry.translations?.['zh-Hans']?.message;
  return zh === undefined ? verbatim(entry.message) : loud({ en: entry.message, 'zh-Hans': zh });
}
