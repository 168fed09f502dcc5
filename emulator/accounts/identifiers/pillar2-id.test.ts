import { describe, expect, it } from 'vitest';
import { generatePillar2Id, isValidPillar2Id } from './pillar2-id.js';
import { createPrng } from './prng.js';

describe('Pillar 2 ID', () => {
  it('accepts well-formed values', () => {
    for (const value of ['XMPLR0123456789']) expect(isValidPillar2Id(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['XMPLR012345678', 'YMPLR0123456789']) expect(isValidPillar2Id(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('pillar2-id');
    const generate = generatePillar2Id;
    for (let i = 0; i < 10_000; i++) expect(isValidPillar2Id(generate(prng))).toBe(true);
  });
});
