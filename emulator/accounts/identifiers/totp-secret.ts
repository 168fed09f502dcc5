import type { Prng } from './prng.js';

/**
 * A base32 (RFC 4648, no padding) secret of 20 bytes for an authenticator app, usable with otplib's
 * `authenticator` (30-second, 6-digit TOTP). Drawn from the persona's PRNG, so it is the same for the same seed.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function generateTotpSecret(prng: Prng): string {
  return prng.chars(BASE32, 32); // 32 base32 characters = 160 bits
}

export function isValidTotpSecret(value: string): boolean {
  return /^[A-Z2-7]{16,}$/.test(value);
}
