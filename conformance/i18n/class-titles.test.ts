import { describe, expect, it } from 'vitest';
import { conformanceClassNames } from '../../schemas/src/classes.ts';
import { CLASS_TITLES_ZH } from './class-titles.ts';

describe('Chinese class titles', () => {
  it('has a Chinese title for every conformance class, and none for a name that is no class', () => {
    expect(conformanceClassNames.filter((name) => !/[\u4e00-\u9fff]/.test(CLASS_TITLES_ZH[name] ?? ''))).toEqual([]);
    expect(Object.keys(CLASS_TITLES_ZH).filter((name) => !(conformanceClassNames as readonly string[]).includes(name))).toEqual([]);
  });
});
