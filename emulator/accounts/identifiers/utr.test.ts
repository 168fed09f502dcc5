import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.js';
import { generateUtr, isValidUtr } from './utr.js';

describe('UTR (Modulus 11)', () => {
  it("accepts HMRC's known-good UTRs", () => {
    for (const utr of ['1000057161', '8000083480', '4000082459']) expect(isValidUtr(utr), utr).toBe(true);
  });

  it('rejects a wrong check digit or length', () => {
    expect(isValidUtr('2000057161')).toBe(false);
    expect(isValidUtr('100005716')).toBe(false);
    expect(isValidUtr('10000571A1')).toBe(false);
  });

  it('generates 10,000 valid UTRs', () => {
    const prng = createPrng('utr');
    for (let i = 0; i < 10_000; i++) expect(isValidUtr(generateUtr(prng))).toBe(true);
  });
});
