import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.js';

describe('seeded PRNG', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createPrng('seed');
    const b = createPrng('seed');
    expect(Array.from({ length: 5 }, () => a.digits(12))).toEqual(Array.from({ length: 5 }, () => b.digits(12)));
  });

  it('gives a different sequence for a different seed', () => {
    expect(createPrng('seed-1').digits(20)).not.toBe(createPrng('seed-2').digits(20));
  });

  it('keeps integers within their inclusive bounds and reaches both ends', () => {
    const prng = createPrng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const n = prng.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});
