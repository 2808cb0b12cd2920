// The languages reports and the console speak, and the one function that picks a message of the catalogue
// (messages.ts) in one of them. English is the default everywhere: a report in Chinese is asked for (`ecdx test
// --lang zh-Hans`, `lang` in the config file, or a Chinese locale), never guessed inside a reporter.
import { CHECK_TITLES_ZH } from './check-titles.ts';
import { CLASS_TITLES_ZH } from './class-titles.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

export { CHECK_TITLES_ZH } from './check-titles.ts';
export { MESSAGES, type MessageKey } from './messages.ts';

export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** A message's parameters: counts, ids, and text already rendered (a list, a filter, a nested message). */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * `{name}` is replaced by the parameter; `{n:one|other}` picks the first form when `n` is 1, the second otherwise
 * (English plurals; Chinese has none and does not use it). A parameter a message uses but the caller did not pass
 * is an error, not an empty string: a report must not silently lose a number.
 */
const PLACEHOLDER = /\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g;

export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string, one: string | undefined, other: string | undefined) => {
    if (!Object.hasOwn(params, name)) throw new Error(`message parameter '${name}' not given for '${template}'`);
    const value = params[name]!;
    if (one !== undefined) return Number(value) === 1 ? one : (other ?? '');
    return String(value);
  });
}

/** The names of the parameters a template uses, plural choices included. */
export const parametersOf = (template: string): Set<string> => new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!));

/** The message of `key` in `lang`, its parameters filled in. */
export const msg = (key: MessageKey, lang: Language = DEFAULT_LANGUAGE, params?: MessageParams): string => formatMessage(MESSAGES[key][lang], params);

/** A function of one language, for a reporter that renders many messages in the same one. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;
export const translator =
  (lang: Language = DEFAULT_LANGUAGE): Translate =>
  (key, params) =>
    msg(key, lang, params);

/**
 * A check's title in `lang`: the English title the check carries, or its Chinese title from the table. A check
 * the table does not know (a report of another version) keeps the title the report holds.
 */
export const checkTitle = (checkId: string, englishTitle: string, lang: Language = DEFAULT_LANGUAGE): string =>
  lang === 'en' ? englishTitle : Object.hasOwn(CHECK_TITLES_ZH, checkId) ? CHECK_TITLES_ZH[checkId]! : englishTitle;

/** A conformance class's title in `lang`; a class the table does not know keeps its English title. */
export const classTitleIn = (name: string, englishTitle: string, lang: Language = DEFAULT_LANGUAGE): string =>
  lang === 'en' ? englishTitle : Object.hasOwn(CLASS_TITLES_ZH, name) ? CLASS_TITLES_ZH[name]! : englishTitle;

/** Whether the table has a Chinese title for the check. */
export const hasChineseTitle = (checkId: string): boolean => Object.hasOwn(CHECK_TITLES_ZH, checkId);

/** How items of a list are joined in running text. */
export const listSeparator = (lang: Language): string => (lang === 'en' ? ', ' : '，');

/**
 * The language a locale asks for: LC_ALL, else LC_MESSAGES, else LANG (the first that is set and not empty, as
 * POSIX reads them); one that starts with `zh` is zh-Hans, anything else (or none) English.
 */
export function languageFromLocale(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale?.toLowerCase().startsWith('zh') ? 'zh-Hans' : 'en';
}
