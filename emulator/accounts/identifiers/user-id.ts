import type { Prng } from './prng.js';

/** Government Gateway user ID of a test user (api-platform-test-user `Generator`): 12 digits. */
export function generateUserId(prng: Prng): string {
  return prng.digits(12);
}

export function isValidUserId(value: string): boolean {
  return /^\d{12}$/.test(value);
}
