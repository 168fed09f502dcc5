import { describe, expect, it } from 'vitest';
import { generateExciseNumber, isValidExciseNumber } from './excise-number.js';
import { createPrng } from './prng.js';

describe('excise number', () => {
  it('accepts well-formed values', () => {
    for (const value of ['GB00123456789']) expect(isValidExciseNumber(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['G100123456789', 'GB0012345678']) expect(isValidExciseNumber(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('excise-number');
    const generate = generateExciseNumber;
    for (let i = 0; i < 10_000; i++) expect(isValidExciseNumber(generate(prng))).toBe(true);
  });
});
