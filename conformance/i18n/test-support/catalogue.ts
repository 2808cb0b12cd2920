// What every message catalogue's test asks (the reporters', the checks' areas', the monitor's): each key has a
// non-empty text in each language, Chinese in the Chinese one, and the same parameters in both.
import { LANGUAGES, parametersOf } from '../index.ts';

type Entry = readonly [key: string, message: { readonly en: string; readonly 'zh-Hans': string }];

const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** `key: no en`, `key: no Chinese in '…'` for each key a language is missing from. */
export const untranslated = (entries: readonly Entry[]): string[] =>
  entries.flatMap(([key, m]) => [
    ...LANGUAGES.filter((lang) => typeof m[lang] !== 'string' || m[lang].trim() === '').map((lang) => `${key}: no ${lang}`),
    ...(CHINESE.test(m['zh-Hans']) ? [] : [`${key}: no Chinese in '${m['zh-Hans']}'`]),
  ]);

/** The keys whose two languages use different parameters. */
export const parametersDiffer = (entries: readonly Entry[]): string[] =>
  entries.filter(([, m]) => [...parametersOf(m.en)].sort().join() !== [...parametersOf(m['zh-Hans'])].sort().join()).map(([key]) => key);
