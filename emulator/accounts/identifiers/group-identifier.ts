import type { Prng } from './prng.js';

/** Government Gateway group identifier (api-platform-test-user `Generator`): 12 digits. */
export function generateGroupIdentifier(prng: Prng): string {
  return prng.digits(12);
}

export function isValidGroupIdentifier(value: string): boolean {
  return /^\d{12}$/.test(value);
}
