import { modulus23CheckCharacter } from './modulus23.js';
import type { Prng } from './prng.js';

/**
 * Agent reference number (agent-authorisation-api `Arn`): a Modulus 23 check character over `ARN` + 7 digits,
 * then `ARN` + the digits, matching `^[A-Z]ARN[0-9]{7}$`; e.g. NARN0396245. The documentation's AARN9999999
 * does not pass the check.
 */
export function generateArn(prng: Prng): string {
  const body = `ARN${prng.digits(7)}`;
  return modulus23CheckCharacter(body) + body;
}

export function isValidArn(value: string): boolean {
  return /^[A-Z]ARN\d{7}$/.test(value) && modulus23CheckCharacter(value.slice(1)) === value[0];
}
