import { DIGITS, UPPER, type Prng } from './prng.js';

/** Excise number (Create Test User request schema `^[A-Z]{2}[a-zA-Z0-9]{11}$`): 2 upper-case letters + 11 alphanumerics. */
export function generateExciseNumber(prng: Prng): string {
  return prng.chars(UPPER, 2) + prng.chars(UPPER + DIGITS, 11);
}

export function isValidExciseNumber(value: string): boolean {
  return /^[A-Z]{2}[a-zA-Z0-9]{11}$/.test(value);
}
