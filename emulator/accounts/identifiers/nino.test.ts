import { describe, expect, it } from 'vitest';
import { generateNino, isValidNino } from './nino.js';
import { createPrng } from './prng.js';

describe('NINO', () => {
  it("accepts HMRC's test-user examples and the spaced form", () => {
    expect(isValidNino('PE938808A')).toBe(true);
    expect(isValidNino('AA000017A')).toBe(true);
    expect(isValidNino('PE 93 88 08 A')).toBe(true);
  });

  it('rejects prefixes HMRC never issues (QQ, the reference guide placeholder, included) and bad suffixes', () => {
    for (const bad of ['DA123456A', 'QQ123456A', 'AO123456A', 'GB123456A', 'NK123456A', 'ZZ123456A', 'QQ123456E', 'QQ12345A', 'qq123456a']) {
      expect(isValidNino(bad), bad).toBe(false);
    }
  });

  it('generates 10,000 valid NINOs', () => {
    const prng = createPrng('nino');
    for (let i = 0; i < 10_000; i++) expect(isValidNino(generateNino(prng))).toBe(true);
  });
});
