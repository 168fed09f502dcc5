import { DIGITS, type Prng } from './prng.js';

/**
 * National Insurance number (hmrc/domain `Nino`, `Generator.nextNino`): two prefix letters, six digits, a suffix
 * A–D. The first letter is not D, F, I, Q, U or V; the second not D, F, I, O, Q, U or V; and the prefixes BG, GB,
 * NK, KN, TN, NT and ZZ are never issued. There is no check digit.
 */
const FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const INVALID_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);
const NINO = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;

export function generateNino(prng: Prng): string {
  let prefix: string;
  do prefix = prng.chars(FIRST, 1) + prng.chars(SECOND, 1);
  while (INVALID_PREFIXES.has(prefix));
  return prefix + prng.chars(DIGITS, 6) + prng.chars('ABCD', 1);
}

/** Accepts HMRC's written form with or without spaces (`QQ 12 34 56 A`). */
export function isValidNino(value: string): boolean {
  const compact = value.replace(/ /g, '');
  return NINO.test(compact) && !INVALID_PREFIXES.has(compact.slice(0, 2));
}
