import { describe, expect, it } from 'vitest';
import { generateUserId, isValidUserId } from './user-id.js';
import { createPrng } from './prng.js';

describe('user ID', () => {
  it('accepts well-formed values', () => {
    for (const value of ['945350439195']) expect(isValidUserId(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['user1', '94535043919']) expect(isValidUserId(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('user-id');
    const generate = generateUserId;
    for (let i = 0; i < 10_000; i++) expect(isValidUserId(generate(prng))).toBe(true);
  });
});
