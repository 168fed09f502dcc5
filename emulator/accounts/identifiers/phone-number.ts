import type { Prng } from './prng.js';

/**
 * A UK mobile number for 2-step codes, from Ofcom's range reserved for drama (07700 900000–900999), so it can
 * never reach a real phone. The emulator's own choice.
 */
export function generatePhoneNumber(prng: Prng): string {
  return `07700 900${prng.digits(3)}`;
}

export function isValidPhoneNumber(value: string): boolean {
  return /^07700 900\d{3}$/.test(value);
}
