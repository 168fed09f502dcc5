import { describe, expect, it } from 'vitest';
import { generatePensionSchemeAdministratorIdentifier, isValidPensionSchemeAdministratorIdentifier } from './pension-scheme-administrator-identifier.js';
import { createPrng } from './prng.js';

describe('pension scheme administrator identifier', () => {
  it('accepts well-formed values', () => {
    for (const value of ['A1234567', 'a1234567']) expect(isValidPensionSchemeAdministratorIdentifier(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['B1234567', 'A123456']) expect(isValidPensionSchemeAdministratorIdentifier(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('pension-scheme-administrator-identifier');
    const generate = generatePensionSchemeAdministratorIdentifier;
    for (let i = 0; i < 10_000; i++) expect(isValidPensionSchemeAdministratorIdentifier(generate(prng))).toBe(true);
  });
});
