import type { Prng } from './prng.js';

/** LISA manager reference number (Create Test User schema): `Z` + 4 digits or `Z` + 6 digits. */
export function generateLisaManagerReferenceNumber(prng: Prng): string {
  return `Z${prng.digits(prng.pick([4, 6]))}`;
}

export function isValidLisaManagerReferenceNumber(value: string): boolean {
  return /^Z(\d{4}|\d{6})$/.test(value);
}
