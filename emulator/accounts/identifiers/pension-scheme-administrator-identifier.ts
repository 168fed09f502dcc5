import type { Prng } from './prng.js';

/** Pension scheme administrator identifier, for relief-at-source (api-platform-test-user `Generator`): `A` + 7 digits. */
export function generatePensionSchemeAdministratorIdentifier(prng: Prng): string {
  return `A${prng.digits(7)}`;
}

export function isValidPensionSchemeAdministratorIdentifier(value: string): boolean {
  return /^[Aa]\d{7}$/.test(value);
}
