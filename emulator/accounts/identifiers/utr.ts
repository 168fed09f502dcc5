import type { Prng } from './prng.js';

/**
 * Self Assessment and Corporation Tax UTRs (hmrc/domain `SaUtr`/`CtUtr`, Modulus 11): ten digits, a check digit
 * followed by nine digits. The check is `"21987654321"[Σ dᵢ·wᵢ mod 11]` with weights 6, 7, 8, 9, 10, 5, 4, 3, 2
 * over the nine digits. HMRC's examples 1000057161, 8000083480 and 4000082459 pass.
 */
const WEIGHTS = [6, 7, 8, 9, 10, 5, 4, 3, 2];
const CHECK = '21987654321';

function checkDigit(nineDigits: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(nineDigits[i]), 0);
  return CHECK[sum % 11]!;
}

export function generateUtr(prng: Prng): string {
  const body = prng.digits(9);
  return checkDigit(body) + body;
}

export function isValidUtr(value: string): boolean {
  return /^\d{10}$/.test(value) && checkDigit(value.slice(1)) === value[0];
}

/** SA UTR and CT UTR share the format and the check. */
export const generateSaUtr = generateUtr;
export const generateCtUtr = generateUtr;
