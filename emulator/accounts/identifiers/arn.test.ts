import { describe, expect, it } from 'vitest';
import { generateArn, isValidArn } from './arn.js';
import { createPrng } from './prng.js';

describe('agent reference number (Modulus 23)', () => {
  it("accepts HMRC's example NARN0396245", () => {
    expect(isValidArn('NARN0396245')).toBe(true);
  });

  it("rejects the documentation's AARN9999999, whose check character is wrong", () => {
    expect(isValidArn('AARN9999999')).toBe(false);
  });

  it('rejects the wrong shape', () => {
    expect(isValidArn('NARN039624')).toBe(false);
    expect(isValidArn('nARN0396245')).toBe(false);
  });

  it('generates 10,000 valid ARNs', () => {
    const prng = createPrng('arn');
    for (let i = 0; i < 10_000; i++) expect(isValidArn(generateArn(prng))).toBe(true);
  });
});
