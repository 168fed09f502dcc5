/**
 * HMRC's Modulus 23 check character (hmrc/domain `Modulus23Check`), used by MTD IT IDs and agent reference numbers:
 * weights 9, 10, 11, 12, 13, 8, 7, 6, 5, 4, 3, 2, 1 from the first character; a letter counts as its base-36 value
 * plus 23; the check is `"ABCDEFGHXJKLMNYPQRSTZVW"[sum mod 23]`.
 */
const WEIGHTS = [9, 10, 11, 12, 13, 8, 7, 6, 5, 4, 3, 2, 1];
const CHECK = 'ABCDEFGHXJKLMNYPQRSTZVW';

export function modulus23CheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const value = /\d/.test(c) ? Number(c) : parseInt(c, 36) + 23;
    sum += value * WEIGHTS[i]!;
  }
  return CHECK[sum % 23]!;
}
