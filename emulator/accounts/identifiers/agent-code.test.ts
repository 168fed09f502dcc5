import { describe, expect, it } from 'vitest';
import { generateAgentCode, isValidAgentCode } from './agent-code.js';
import { createPrng } from './prng.js';

describe('agent code', () => {
  it('accepts well-formed values', () => {
    for (const value of ['1234567890']) expect(isValidAgentCode(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['123456789', '12345678901']) expect(isValidAgentCode(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('agent-code');
    const generate = generateAgentCode;
    for (let i = 0; i < 10_000; i++) expect(isValidAgentCode(generate(prng))).toBe(true);
  });
});
