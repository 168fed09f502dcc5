import { describe, expect, it } from 'vitest';
import { generateVatRegistrationDate, isValidVatRegistrationDate } from './vat-registration-date.js';
import { createPrng, type Prng } from './prng.js';

describe('VAT registration date', () => {
  it('accepts well-formed values', () => {
    for (const value of ['2001-11-02']) expect(isValidVatRegistrationDate(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['2001-02-30', '2001-1-02', '02/11/2001']) expect(isValidVatRegistrationDate(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('vat-registration-date');
    const generate = (prng: Prng) => generateVatRegistrationDate(prng, new Date('2026-01-15T09:00:00Z'));
    for (let i = 0; i < 10_000; i++) expect(isValidVatRegistrationDate(generate(prng))).toBe(true);
  });
});
