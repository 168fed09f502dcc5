import type { Prng } from './prng.js';

/**
 * EORI number (api-platform-test-user `Generator`): generated as `GB` + 12 digits. A caller may supply its own,
 * which must match `^(GB|XI)[0-9]{12,15}$` or, for other countries, `^[A-Z]{2}[0-9]{1,15}$`.
 */
export function generateEoriNumber(prng: Prng): string {
  return `GB${prng.digits(12)}`;
}

export function isValidEoriNumber(value: string): boolean {
  if (/^(GB|XI)/.test(value)) return /^(GB|XI)\d{12,15}$/.test(value);
  return /^[A-Z]{2}\d{1,15}$/.test(value);
}
