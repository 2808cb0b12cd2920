import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findMobileNumbers,
  findResidentIds,
  gb11643CheckCharacter,
  isValidDivisionCode,
  isValidResidentId,
  isValidS10,
  locateMobileNumbers,
  locateResidentIds,
  s10CheckDigit,
} from './identifiers.ts';
import { DivisionCode, UpuS10Identifier } from './src/common.ts';
import { validatorFor } from './validate.ts';

interface IdentifierVector {
  description: string;
  input: string;
  valid: boolean;
}
const vectors = (file: string): IdentifierVector[] =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'vectors', 'identifiers', file), 'utf8')) as IdentifierVector[];

describe.each([
  ['gb11643.json', isValidResidentId, '11010519491231002X'],
  ['upu-s10.json', isValidS10, 'RR123456785TR'],
  ['gb2260.json', isValidDivisionCode, '110108'],
] as const)('vectors %s', (file, check, published) => {
  const list = vectors(file);

  it('holds valid and invalid instances, the published example among the valid ones', () => {
    expect(list.filter((v) => v.valid).length).toBeGreaterThanOrEqual(3);
    expect(list.filter((v) => !v.valid).length).toBeGreaterThanOrEqual(5);
    expect(list.find((v) => v.input === published)?.valid).toBe(true);
  });

  it.each(list.map((v) => [v.description, v] as const))('%s', (_, v) => {
    expect(check(v.input)).toBe(v.valid);
  });
});

describe('GB 11643 check character', () => {
  it('is X for the published example', () => {
    expect(gb11643CheckCharacter('11010519491231002')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => gb11643CheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => gb11643CheckCharacter('1101051949123100A')).toThrow(RangeError);
  });

  it('detects every single-digit substitution', () => {
    const id = '11010519491231002X';
    for (let i = 0; i < 17; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === id[i]) continue;
        const changed = `${id.slice(0, i)}${d}${id.slice(i + 1)}`;
        expect(gb11643CheckCharacter(changed.slice(0, 17)), changed).not.toBe('X');
      }
    }
  });
});

describe('UPU S10 check digit', () => {
  it('follows the published examples and both special cases', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
    expect(s10CheckDigit('00000008')).toBe(0); // 11 − 1 = 10 → 0
    expect(s10CheckDigit('00000000')).toBe(5); // 11 − 0 = 11 → 5
  });

  it('refuses anything but 8 digits', () => {
    expect(() => s10CheckDigit('1234567')).toThrow(RangeError);
  });

  it('makes every computed identifier valid, and the schema accepts its shape', () => {
    const check = validatorFor(UpuS10Identifier);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2}$/), fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^[A-Z]{2}$/), (svc, serial, country) => {
        const id = `${svc}${serial}${s10CheckDigit(serial)}${country}`;
        expect(isValidS10(id)).toBe(true);
        expect(check.Check(id)).toBe(true);
      }),
    );
  });
});

describe('GB/T 2260 codes', () => {
  it('accepts nothing the DivisionCode schema refuses', () => {
    const check = validatorFor(DivisionCode);
    for (const v of vectors('gb2260.json').filter((x) => x.valid)) expect(check.Check(v.input), v.input).toBe(true);
  });
});

describe('findResidentIds', () => {
  it('finds a number inside text, next to letters and Chinese characters', () => {
    expect(findResidentIds('身份证11010519491231002X，请核对')).toEqual(['11010519491231002X']);
    expect(findResidentIds('{"note":"id 440305199003071236"}')).toEqual(['440305199003071236']);
  });

  it('finds a 17-digit run followed by a lower-case x, as written', () => {
    expect(locateResidentIds('a 11010519491231002x b')).toEqual([{ start: 2, end: 20, value: '11010519491231002x' }]);
  });

  it('finds every number in a text', () => {
    expect(findResidentIds('11010519491231002X / 440305199003071236')).toEqual(['11010519491231002X', '440305199003071236']);
  });

  it('ignores numbers inside a longer run of digits', () => {
    expect(findResidentIds('9911010519491231002X')).toEqual([]);
    expect(findResidentIds('4403051990030712361')).toEqual([]);
  });

  it('ignores 18-character runs whose check character is wrong', () => {
    expect(findResidentIds('110105194912310021')).toEqual([]);
  });

  it('finds every valid number wherever it is embedded', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[^0-9Xx]{0,20}$/), fc.stringMatching(/^[^0-9Xx]{0,20}$/), (before, after) => {
        expect(findResidentIds(`${before}11010519491231002X${after}`)).toEqual(['11010519491231002X']);
      }),
    );
  });
});

describe('findMobileNumbers', () => {
  it('finds a number in free text, as 11 digits', () => {
    expect(findMobileNumbers('请联系13812345678送货')).toEqual(['13812345678']);
  });

  it('finds numbers grouped 3-4-4 and with a country prefix', () => {
    expect(findMobileNumbers('138 1234 5678; 138-1234-5678; +86 13812345678; 008613812345678; 8613912345678')).toEqual([
      '13812345678',
      '13812345678',
      '13812345678',
      '13812345678',
      '13912345678',
    ]);
  });

  it('reports where the number is written', () => {
    expect(locateMobileNumbers('tel:+8613812345678.')).toEqual([{ start: 4, end: 18, value: '+8613812345678', number: '13812345678' }]);
  });

  it('ignores masked numbers, landlines and numbers inside longer digit runs', () => {
    expect(findMobileNumbers('138****5678')).toEqual([]);
    expect(findMobileNumbers('010-62345678')).toEqual([]);
    expect(findMobileNumbers('773013812345678901')).toEqual([]);
    expect(findMobileNumbers('138123456789')).toEqual([]);
    expect(findMobileNumbers('2026-03-01T09:30:00+08:00')).toEqual([]);
  });

  it('ignores numbers whose second digit is 0–2, and mixed groupings', () => {
    expect(findMobileNumbers('12812345678')).toEqual([]);
    expect(findMobileNumbers('138-1234 5678')).toEqual([]);
  });

  it('finds a number next to letters (a waybill-like string is the scanner’s matter)', () => {
    expect(findMobileNumbers('SF13812345678')).toEqual(['13812345678']);
  });

  it('finds every mobile number surrounded by non-digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.stringMatching(/^[^0-9+]{0,10}$/), fc.stringMatching(/^[^0-9]{0,10}$/), (n, a, b) => {
        expect(findMobileNumbers(`${a}${n}${b}`)).toEqual([n]);
      }),
    );
  });
});
