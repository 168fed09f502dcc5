import { describe, expect, it } from 'vitest';
import { generatePassword, isValidGeneratedPassword } from './test-user-password.js';
import { createPrng } from './prng.js';

describe('generated password', () => {
  it('accepts well-formed values', () => {
    for (const value of ['bLohysg8utsa']) expect(isValidGeneratedPassword(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['bLohysg8uts', 'bLohysg8uts!']) expect(isValidGeneratedPassword(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('test-user-password');
    const generate = generatePassword;
    for (let i = 0; i < 10_000; i++) expect(isValidGeneratedPassword(generate(prng))).toBe(true);
  });
});
