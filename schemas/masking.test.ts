import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMobileNumbers } from './identifiers.ts';
import { isMaskedMobile, isMaskedName, maskAddress, maskLandline, maskMobile, maskName } from './masking.ts';
import { MaskedMobileNumber, MaskedName } from './src/common.ts';
import { Address, MaskedAddress, MaskedLandlineNumber } from './src/shipping.ts';
import { validatorFor } from './validate.ts';

const maskedName = validatorFor(MaskedName);
const maskedMobile = validatorFor(MaskedMobileNumber);
const maskedLandline = validatorFor(MaskedLandlineNumber);
const maskedAddress = validatorFor(MaskedAddress);

/** Names drawn from the Basic Multilingual Plane: CJK, Latin, and the middle dot of transliterated names. */
const bmpName = fc
  .array(fc.oneof(fc.integer({ min: 0x4e00, max: 0x9fff }), fc.integer({ min: 0x41, max: 0x5a }), fc.constant(0xb7)), { minLength: 1, maxLength: 64 })
  .map((codes) => String.fromCodePoint(...codes));

describe('maskName (rule M1)', () => {
  it.each([
    ['张', '张*'],
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳娜娜', '欧**娜'],
    ['  李四 ', '李*'],
    ['John Smith', 'J********h'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
    expect(maskedName.Check(masked)).toBe(true);
  });

  it('refuses names it cannot mask', () => {
    expect(() => maskName('   ')).toThrow(RangeError);
    expect(() => maskName('*三')).toThrow(RangeError);
  });

  it('gives a valid MaskedName for every name, hiding at most 30 characters', () => {
    fc.assert(
      fc.property(bmpName, (name) => {
        const masked = maskName(name);
        expect(maskedName.Check(masked), masked).toBe(true);
        expect(isMaskedName(masked)).toBe(true);
        expect(masked.startsWith(name[0]!)).toBe(true);
        if (name.length >= 3) expect(masked.endsWith(name[name.length - 1]!)).toBe(true);
      }),
    );
  });

  it('never keeps more than two characters of the name', () => {
    fc.assert(
      fc.property(bmpName, (name) => {
        expect(maskName(name).replace(/\*/g, '').length).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('isMaskedName', () => {
  it('recognises masked and unmasked names', () => {
    expect(isMaskedName('张*')).toBe(true);
    expect(isMaskedName('张*三')).toBe(true);
    expect(isMaskedName('张三')).toBe(false);
    expect(isMaskedName('*三')).toBe(false);
    expect(isMaskedName('张')).toBe(false);
  });
});

describe('maskMobile (rule M2)', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+8613812345678')).toBe('138****5678');
  });

  it('refuses what is not a mainland mobile', () => {
    expect(() => maskMobile('1381234567')).toThrow(RangeError);
    expect(() => maskMobile('010-62345678')).toThrow(RangeError);
  });

  it('gives a valid MaskedMobileNumber that the scanner does not flag', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (mobile) => {
        const masked = maskMobile(mobile);
        expect(maskedMobile.Check(masked)).toBe(true);
        expect(isMaskedMobile(masked)).toBe(true);
        expect(isMaskedMobile(mobile)).toBe(false);
        expect(findMobileNumbers(masked)).toEqual([]);
      }),
    );
  });
});

describe('maskLandline (rule M3)', () => {
  it.each([
    ['010-62345678', '010-******78'],
    ['0755-83451234-802', '0755-******34'],
    ['0571-8888123', '0571-*****23'],
  ])('%s → %s', (landline, masked) => {
    expect(maskLandline(landline)).toBe(masked);
    expect(maskedLandline.Check(masked)).toBe(true);
  });

  it('refuses what is not a mainland landline', () => {
    expect(() => maskLandline('01062345678')).toThrow(RangeError);
    expect(() => maskLandline('13812345678')).toThrow(RangeError);
  });

  it('gives a valid MaskedLandlineNumber for every landline', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0\d{2,3}-[2-9]\d{6,7}(-\d{1,6})?$/), (landline) => {
        expect(maskedLandline.Check(maskLandline(landline))).toBe(true);
      }),
    );
  });
});

describe('maskAddress (rule M4)', () => {
  const full = (Address.examples as Address[])[0]!;

  it('drops detail and postal code and keeps everything down to street level', () => {
    expect(maskAddress(full)).toEqual({
      countryCode: 'CN',
      divisionCode: '110108',
      province: '北京市',
      city: '北京市',
      district: '海淀区',
      street: '中关村街道',
    });
  });

  it('gives a valid MaskedAddress for every example address', () => {
    for (const address of Address.examples as Address[]) {
      expect(validatorFor(Address).Check(address)).toBe(true);
      const masked = maskAddress(address);
      expect(maskedAddress.Check(masked), JSON.stringify(masked)).toBe(true);
      expect(masked).not.toHaveProperty('detail');
      expect(masked).not.toHaveProperty('postalCode');
    }
  });

  it('does not change the address it is given', () => {
    const copy = structuredClone(full);
    maskAddress(copy);
    expect(copy).toEqual(full);
  });
});

/** The rule vectors of chapter Privacy §2, written from the text: the shared code of the mock and the harness must give them. */
describe('the masking rule vectors (schemas/vectors/rules/masking.json)', async () => {
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(new URL('./vectors/rules/masking.json', import.meta.url), 'utf8')) as {
    groups: { rule: 'M1' | 'M2' | 'M3'; tests: { description: string; input: string; expected: { masked: string | null } }[] }[];
  };
  const rules = { M1: [maskName, maskedName], M2: [maskMobile, maskedMobile], M3: [maskLandline, maskedLandline] } as const;
  for (const group of file.groups) {
    const [mask, schema] = rules[group.rule];
    it.each(group.tests.map((v) => [v.description, v] as const))(`${group.rule}: %s`, (_, v) => {
      const masked = v.expected.masked;
      if (masked === null) {
        expect(() => mask(v.input)).toThrow(RangeError);
        return;
      }
      expect(mask(v.input)).toBe(masked);
      expect(schema.Check(masked)).toBe(true);
    });
  }
  it('M1: every masked output is also valid for Ajv, and its input a valid PersonName', async () => {
    const { violations } = await import('./validate.ts');
    for (const v of file.groups.find((g) => g.rule === 'M1')!.tests) {
      const masked = v.expected.masked;
      if (masked !== null) expect([v.description, violations('MaskedName', masked)]).toEqual([v.description, []]);
      expect([v.description, violations('PersonName', v.input).length === 0]).toEqual([v.description, masked !== null]);
    }
  });
});
