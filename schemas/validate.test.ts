import { describe, expect, it } from 'vitest';
import { schemaByName } from './src/index.ts';
import { violations } from './validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: test data, reached into freely
const example = (name: string) => structuredClone((schemaByName(name).examples as unknown[])[0]) as Record<string, any>;

describe('violations()', () => {
  it('is empty for a valid value', () => {
    expect(violations('ShipmentRequest', example('ShipmentRequest'))).toEqual([]);
  });

  it('names the member that is wrong by JSON Pointer', () => {
    const request = example('ShipmentRequest');
    request.recipient.phone = '1381234567';
    const found = violations('ShipmentRequest', request);
    expect(found.map((v) => v.pointer)).toContain('/recipient/phone');
  });

  it('looks inside a union for the member that is wrong', () => {
    const request = example('ShipmentRequest');
    request.recipient.address.divisionCode = '990000';
    const pointers = violations('ShipmentRequest', request).map((v) => v.pointer);
    expect(pointers).toContain('/recipient/address/divisionCode');
  });
});
