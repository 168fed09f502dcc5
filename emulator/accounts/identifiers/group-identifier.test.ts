import { describe, expect, it } from 'vitest';
import { generateGroupIdentifier, isValidGroupIdentifier } from './group-identifier.js';
import { createPrng } from './prng.js';

describe('group identifier', () => {
  it('accepts well-formed values', () => {
    for (const value of ['123456789012']) expect(isValidGroupIdentifier(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['12345678901', 'groupIdentifier1']) expect(isValidGroupIdentifier(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('group-identifier');
    const generate = generateGroupIdentifier;
    for (let i = 0; i < 10_000; i++) expect(isValidGroupIdentifier(generate(prng))).toBe(true);
  });
});
