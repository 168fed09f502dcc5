import { describe, expect, it } from 'vitest';
import { generateLisaManagerReferenceNumber, isValidLisaManagerReferenceNumber } from './lisa-manager-reference-number.js';
import { createPrng } from './prng.js';

describe('LISA manager reference number', () => {
  it('accepts well-formed values', () => {
    for (const value of ['Z1234', 'Z123456']) expect(isValidLisaManagerReferenceNumber(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['Z12345', 'A1234']) expect(isValidLisaManagerReferenceNumber(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('lisa-manager-reference-number');
    const generate = generateLisaManagerReferenceNumber;
    for (let i = 0; i < 10_000; i++) expect(isValidLisaManagerReferenceNumber(generate(prng))).toBe(true);
  });
});
