import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.js';
import { generateVrn, isValidVrn } from './vrn.js';

describe('VRN (Modulus 97 and 97-55)', () => {
  it("accepts HMRC's known-good 101747696", () => {
    expect(isValidVrn('101747696')).toBe(true);
  });

  it('accepts a VRN whose check digits follow the 97-55 variant', () => {
    // 1017476: total 98; 97-55 check = |(98 + 55) mod 97 − 97| = 41
    expect(isValidVrn('101747641')).toBe(true);
  });

  it("rejects HMRC's static example 666119668, which fails the check", () => {
    expect(isValidVrn('666119668')).toBe(false);
  });

  it('rejects the wrong length or non-digits', () => {
    expect(isValidVrn('10174769')).toBe(false);
    expect(isValidVrn('10174769A')).toBe(false);
  });

  it('generates 10,000 valid VRNs', () => {
    const prng = createPrng('vrn');
    for (let i = 0; i < 10_000; i++) expect(isValidVrn(generateVrn(prng))).toBe(true);
  });
});
