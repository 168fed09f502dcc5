import { describe, expect, it } from 'vitest';
import { generatePhoneNumber, isValidPhoneNumber } from './phone-number.js';
import { createPrng } from './prng.js';

describe('2-step phone number', () => {
  it('accepts well-formed values', () => {
    for (const value of ['07700 900123']) expect(isValidPhoneNumber(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['07700 123456']) expect(isValidPhoneNumber(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('phone-number');
    const generate = generatePhoneNumber;
    for (let i = 0; i < 10_000; i++) expect(isValidPhoneNumber(generate(prng))).toBe(true);
  });
});
