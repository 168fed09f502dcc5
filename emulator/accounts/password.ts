import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number }) => Promise<Buffer>;

/**
 * Passwords are stored as scrypt hashes (Node's built-in scrypt; no native dependency). The cost is
 * deliberately low (N=1024): these are test credentials, and sign-in must stay fast enough for
 * hundreds of journeys per second. Verification compares in constant time.
 */
const N = 1024;

/** On libuv's thread pool: seeding hashes every persona's password at once (seed.ts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, { N });
  return `scrypt$${N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A password hash no password matches: an account is stored with it until its real hash is ready. */
export const NOT_YET_HASHED = 'unhashed';

/** Off the event loop (libuv's thread pool), so sign-ins do not stall other requests. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n) });
  return timingSafeEqual(actual, expected);
}
