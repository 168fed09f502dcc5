import { describe, expect, it } from 'vitest';
import { generateTotpSecret, isValidTotpSecret } from './totp-secret.js';
import { createPrng } from './prng.js';

describe('authenticator app secret', () => {
  it('accepts well-formed values', () => {
    for (const value of ['JBSWY3DPEHPK3PXP']) expect(isValidTotpSecret(value), value).toBe(true);
  });

  it('rejects malformed values', () => {
    for (const value of ['JBSWY3DPEHPK3PX1', 'short']) expect(isValidTotpSecret(value), value).toBe(false);
  });

  it('generates 10,000 valid values', () => {
    const prng = createPrng('totp-secret');
    const generate = generateTotpSecret;
    for (let i = 0; i < 10_000; i++) expect(isValidTotpSecret(generate(prng))).toBe(true);
  });
});
