import { randomInt } from 'node:crypto';

/**
 * Invitation IDs as HMRC makes them (agent-mtd-identifiers `InvitationId`): 13 characters from
 * `ABCDEFGHJKLMNOPRSTUWXYZ123456789` — a service prefix, 10 characters, and two check characters from a
 * CRC-10 (polynomial 0x233) over the first 11, least significant 5 bits first. e.g. `CS5AK7O8FPC43`.
 * HMRC hashes the ARN, client and time into the 10 characters; the emulator draws them at random.
 */
const ALPHABET = 'ABCDEFGHJKLMNOPRSTUWXYZ123456789';
const PATTERN = /^[ABCDEFGHJKLMNOPRSTUWXYZ123456789]{13}$/;

/** HMRC's prefixes: `A` Income Tax (MTD-IT), `C` VAT (MTD-VAT). */
export const INVITATION_PREFIX = { 'MTD-IT': 'A', 'MTD-VAT': 'C' } as const;

export function generateInvitationId(prefix: string): string {
  let body = prefix;
  for (let i = 0; i < 10; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return body + checksum(body);
}

export function isValidInvitationId(value: string): boolean {
  return PATTERN.test(value) && checksum(value.slice(0, 11)) === value.slice(11);
}

function checksum(text: string): string {
  const crc = crc10(Buffer.from(text, 'utf8'));
  return ALPHABET[crc & 0x1f]! + ALPHABET[(crc & 0x3e0) >> 5]!;
}

const WIDTH = 10;
const POLY = 0x233;
const MASK = (1 << WIDTH) - 1;
const TABLE = Array.from({ length: 256 }, (_, i) => {
  let crc = i << (WIDTH - 8);
  for (let bit = 0; bit < 8; bit++) crc = crc & (1 << (WIDTH - 1)) ? (crc << 1) ^ POLY : crc << 1;
  return crc & MASK;
});

function crc10(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) crc = TABLE[((crc >>> (WIDTH - 8)) ^ byte) & 0xff]! ^ (crc << 8);
  return crc & MASK;
}
