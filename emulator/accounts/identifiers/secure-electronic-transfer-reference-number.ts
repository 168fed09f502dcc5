import type { Prng } from './prng.js';

/**
 * Secure Electronic Transfer reference number (api-platform-test-user `SecureElectronicTransferReferenceNumberGenerator`):
 * HMRC picks one of a fixed list of 12-digit numbers (so, unlike other identifiers, it is not unique per user).
 * Any 12-digit number not starting with 0 is accepted as valid.
 */
const HMRC_SRNS = [
  '307703077030', '345634569999', '376060300996', '111122224013', '111122224011', '111122224008', '111122223356',
  '111111111199', '111111111189', '111111111198', '123456789999', '333156333416', '309105308354', '340961904502',
];

export function generateSecureElectronicTransferReferenceNumber(prng: Prng): string {
  return prng.pick(HMRC_SRNS);
}

export function isValidSecureElectronicTransferReferenceNumber(value: string): boolean {
  return /^[1-9]\d{11}$/.test(value);
}
