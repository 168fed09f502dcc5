import type { Prng } from './prng.js';

/**
 * VAT registration number (hmrc/domain `Vrn`, api-platform-test-user `VrnChecksum`): nine digits, seven
 * (1000000–9999999) then two check digits. With weights 8…2 over the seven, the check is
 * `|total mod 97 − 97|`; the "97-55" variant `|(total + 55) mod 97 − 97|` is also valid. 101747696 passes;
 * HMRC's static example 666119668 does not. (The VAT API itself only checks `^\d{9}$`.)
 */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2];

function total(sevenDigits: string): number {
  return WEIGHTS.reduce((sum, weight, i) => sum + weight * Number(sevenDigits[i]), 0);
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

export function generateVrn(prng: Prng): string {
  const body = String(prng.int(1_000_000, 9_999_999));
  return body + twoDigits(Math.abs((total(body) % 97) - 97));
}

export function isValidVrn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const t = total(value.slice(0, 7));
  const check = value.slice(7);
  return check === twoDigits(Math.abs((t % 97) - 97)) || check === twoDigits(Math.abs(((t + 55) % 97) - 97));
}
