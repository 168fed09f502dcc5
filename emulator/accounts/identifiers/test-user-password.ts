import { ALPHANUMERIC, type Prng } from './prng.js';

/** A test user's password (api-platform-test-user `Generator`): 12 alphanumerics, stored hashed (see ../password.ts). */
export function generatePassword(prng: Prng): string {
  return prng.chars(ALPHANUMERIC, 12);
}

export function isValidGeneratedPassword(value: string): boolean {
  return /^[A-Za-z0-9]{12}$/.test(value);
}
