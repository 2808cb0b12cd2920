import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { validatorFor } from '../validate.ts';
import { StringEnum } from './common.ts';

describe('StringEnum', () => {
  const Colour = StringEnum(['RED', 'GREEN'] as const, { description: 'a colour' });

  it('publishes a plain JSON Schema enum', () => {
    expect(JSON.parse(JSON.stringify(Colour))).toEqual({ description: 'a colour', type: 'string', enum: ['RED', 'GREEN'] });
  });

  it('validates members only, inside objects too', () => {
    const check = validatorFor(Type.Object({ colour: Colour }));
    expect(check.Check({ colour: 'RED' })).toBe(true);
    expect(check.Check({ colour: 'BLUE' })).toBe(false);
    expect(check.Check({ colour: 1 })).toBe(false);
  });
});
