import { describe, expect, it } from 'vitest';
import { generateMtdItId, isValidMtdItId } from './mtd-it-id.js';
import { createPrng } from './prng.js';

describe('MTD IT ID (Modulus 23)', () => {
  it("accepts HMRC's example XJIT00000328268", () => {
    expect(isValidMtdItId('XJIT00000328268')).toBe(true);
  });

  it('rejects a wrong check character or shape', () => {
    expect(isValidMtdItId('XAIT00000328268')).toBe(false);
    expect(isValidMtdItId('XJIT0000032826')).toBe(false);
    expect(isValidMtdItId('YJIT00000328268')).toBe(false);
  });

  it('generates 10,000 valid MTD IT IDs', () => {
    const prng = createPrng('mtditid');
    for (let i = 0; i < 10_000; i++) expect(isValidMtdItId(generateMtdItId(prng))).toBe(true);
  });
});
