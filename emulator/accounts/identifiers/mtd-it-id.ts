import { modulus23CheckCharacter } from './modulus23.js';
import type { Prng } from './prng.js';

/**
 * MTD Income Tax ID (api-platform-test-user `Generator`, hmrc/domain `MtdItId`): `X` + a Modulus 23 check character
 * over `IT` + 11 digits, then `IT` + the 11 digits; 15 characters, e.g. XJIT00000328268.
 */
export function generateMtdItId(prng: Prng): string {
  const body = `IT${prng.digits(11)}`;
  return `X${modulus23CheckCharacter(body)}${body}`;
}

export function isValidMtdItId(value: string): boolean {
  return /^X[A-Z]IT\d{11}$/.test(value) && modulus23CheckCharacter(value.slice(2)) === value[1];
}
