import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number }) => Promise<Buffer>;

/**
 * Passwords are stored as scrypt hashes (Node's built-in scrypt; no native dependency), compared in constant time.
 * The cost is deliberately low, N=256 (about 0.4 ms; N=1024 took 1.7 ms, an eighth of a whole link journey's CPU):
 * these are test credentials, generated at random or documented for everyone, so no work factor protects them
 * better; what protects a user ID is the lock-out after wrong passwords (pages/attempts.ts). The hash keeps
 * passwords out of the store in clear. A stored hash carries its own N, so hashes made with another N still verify
 * (docs/decisions/0019-test-password-hashing.md).
 */
const N = 256;
const MAX_N = 2 ** 14;

/** A hash no password matches, at the current cost: an unknown user ID costs as much as a wrong password. */
export const NO_ACCOUNT_HASH = `scrypt$${N}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

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
  const cost = Number(n);
  // scrypt's N is a power of two, within what Node's scrypt allows by default (32 MB, N < 2^15 at r=8): anything
  // else in the store is not a hash of ours, and matches nothing rather than failing the request.
  if (scheme !== 'scrypt' || !salt || !key || !Number.isInteger(cost) || cost < 2 || cost > MAX_N || (cost & (cost - 1)) !== 0) return false;
  const expected = Buffer.from(key, 'base64');
  if (!expected.length || expected.length > 64) return false;
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: cost }).catch(() => undefined);
  return actual !== undefined && timingSafeEqual(actual, expected);
}
