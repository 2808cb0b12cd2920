import { describe, expect, it } from 'vitest';
import { formatMessage, languageFromLocale, MESSAGES, msg } from './index.ts';
import { parametersDiffer, untranslated } from './test-support/catalogue.ts';

const entries = Object.entries(MESSAGES);

describe('the message catalogue', () => {
  it('has a non-empty text in every language for every key, and Chinese in the Chinese one', () => {
    expect(untranslated(entries)).toEqual([]);
  });

  it('uses the same parameters in both languages', () => {
    expect(parametersDiffer(entries)).toEqual([]);
  });

  it('fills parameters and English plurals, and refuses a parameter not given', () => {
    expect(msg('waived.count', 'en', { n: 1 })).toBe('1 waived result');
    expect(msg('waived.count', 'en', { n: 2 })).toBe('2 waived results');
    expect(msg('waived.count', 'zh-Hans', { n: 2 })).toBe('2 项已豁免的结果');
    expect(msg('status.failed', 'zh-Hans')).toBe('未通过');
    expect(() => formatMessage('{n} checks', {})).toThrow(/'n'/);
  });
});

describe('the language of a locale', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; zh… is zh-Hans, anything else English', () => {
    expect(languageFromLocale({})).toBe('en');
    expect(languageFromLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-Hans');
    expect(languageFromLocale({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromLocale({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromLocale({ LC_ALL: '', LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US' })).toBe('zh-Hans');
  });
});
