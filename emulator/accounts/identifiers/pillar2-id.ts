import { UPPER, type Prng } from './prng.js';

/** Pillar 2 ID (api-platform-test-user `Pillar2Id`): `X` + a letter + `PLR` + 10 digits, e.g. XMPLR0123456789. */
export function generatePillar2Id(prng: Prng): string {
  return `X${prng.chars(UPPER, 1)}PLR${prng.digits(10)}`;
}

export function isValidPillar2Id(value: string): boolean {
  return /^X[A-Z]PLR\d{10}$/.test(value);
}
