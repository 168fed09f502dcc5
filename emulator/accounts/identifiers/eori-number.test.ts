import { describe, expect, it } from 'vitest';
import { generateEoriNumber, isValidEoriNumber } from './eori-number.js';
import { createPrng } from './prng.js';

describe('EORI number', () => {
  it('accepts well-formed values', () => {
    for (const value of ['GB123456789012', 'XI123456789012345', 'FR12345']) expect(isValidEoriNumber(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['GB12345', 'gb123456789012', 'GB1234567890123456']) expect(isValidEoriNumber(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('eori-number');
    const generate = generateEoriNumber;
    for (let i = 0; i < 10_000; i++) expect(isValidEoriNumber(generate(prng))).toBe(true);
  });
});
