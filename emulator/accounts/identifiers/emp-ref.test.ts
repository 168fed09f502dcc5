import { describe, expect, it } from 'vitest';
import { generateEmpRef, isValidEmpRef } from './emp-ref.js';
import { createPrng } from './prng.js';

describe('employer reference', () => {
  it('accepts well-formed values', () => {
    for (const value of ['538/EMKXYNSVTH']) expect(isValidEmpRef(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['53/EMKXYNSVTH', '538/emkxynsvth', '538EMKXYNSVTH']) expect(isValidEmpRef(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('emp-ref');
    const generate = generateEmpRef;
    for (let i = 0; i < 10_000; i++) expect(isValidEmpRef(generate(prng))).toBe(true);
  });
});
