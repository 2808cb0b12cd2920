import { describe, expect, it } from 'vitest';
import { findMobileNumbers, findResidentIds } from '../../../schemas/identifiers.ts';
import { violations } from '../../../schemas/validate.ts';
import { MemoryStore } from '../store.ts';
import { formatWaybillNumber, isMockWaybillNumber, luhnCheckDigit, nextWaybillNumber } from './waybill-numbers.ts';

describe('waybill numbers', () => {
  it('are ECDX, an 11-digit serial and a Luhn check digit', () => {
    expect(formatWaybillNumber(1)).toBe('ECDX000000000018');
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });
  it('are valid WaybillNumbers that no scanner reads as a telephone or ID number', () => {
    for (const serial of [1, 13812345678, 99_999_999_999]) {
      const number = formatWaybillNumber(serial);
      expect(violations('WaybillNumber', number)).toEqual([]);
      expect(findMobileNumbers(`/v1/shipments/${number}`)).toEqual([]);
      expect(findResidentIds(number)).toEqual([]);
    }
  });
  it('check their own check digit', () => {
    expect(isMockWaybillNumber('ECDX000000000018')).toBe(true);
    expect(isMockWaybillNumber('ECDX000000000019')).toBe(false);
    expect(isMockWaybillNumber('SF1234567890123')).toBe(false);
  });
  it('are issued in order from the store and never twice, also by a second issuer over the same store', () => {
    const store = new MemoryStore();
    const issued = [nextWaybillNumber(store), nextWaybillNumber(store), nextWaybillNumber(store)];
    expect(new Set(issued).size).toBe(3);
    expect(nextWaybillNumber(store)).toBe(formatWaybillNumber(4));
  });
  it('refuse a serial outside 1 … 10^11 − 1', () => {
    expect(() => formatWaybillNumber(0)).toThrow(RangeError);
    expect(() => formatWaybillNumber(1e11)).toThrow(RangeError);
  });
});
