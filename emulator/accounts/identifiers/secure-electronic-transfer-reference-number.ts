import type { Prng } from './prng.js';

/**
 * Secure Electronic Transfer reference number: 12 digits. HMRC picks from a fixed list of 12-digit numbers
 * that is not published with the API; the emulator generates 12 digits (its own choice).
 */
export function generateSecureElectronicTransferReferenceNumber(prng: Prng): string {
  return prng.int(1, 9) + prng.digits(11);
}

export function isValidSecureElectronicTransferReferenceNumber(value: string): boolean {
  return /^\d{12}$/.test(value);
}
