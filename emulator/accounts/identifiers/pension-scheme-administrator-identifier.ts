import type { Prng } from './prng.js';

/**
 * Pension scheme administrator identifier, for relief-at-source (api-platform-test-user
 * `PensionSchemeAdministratorIdentifierGenerator`): `A` or `a` then 7 digits, matching `^[Aa]{1}[0-9]{7}`.
 * HMRC draws each digit from 0–8; so does the emulator.
 */
export function generatePensionSchemeAdministratorIdentifier(prng: Prng): string {
  return prng.pick(['A', 'a']) + prng.chars('012345678', 7);
}

export function isValidPensionSchemeAdministratorIdentifier(value: string): boolean {
  return /^[Aa]\d{7}$/.test(value);
}
