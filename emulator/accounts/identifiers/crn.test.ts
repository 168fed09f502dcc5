import { describe, expect, it } from 'vitest';
import { generateCrn, isValidCrn } from './crn.js';
import { createPrng } from './prng.js';

describe('company reference number', () => {
  it('accepts well-formed values', () => {
    for (const value of ['0123456780']) expect(isValidCrn(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['0123456789', '012345678']) expect(isValidCrn(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('crn');
    const generate = generateCrn;
    for (let i = 0; i < 10_000; i++) expect(isValidCrn(generate(prng))).toBe(true);
  });
});
