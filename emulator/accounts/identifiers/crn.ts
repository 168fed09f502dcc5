import type { Prng } from './prng.js';

/** Company reference number (api-platform-test-user `Generator`): 10 digits, each 0–8. */
export function generateCrn(prng: Prng): string {
  return prng.chars('012345678', 10);
}

export function isValidCrn(value: string): boolean {
  return /^[0-8]{10}$/.test(value);
}
