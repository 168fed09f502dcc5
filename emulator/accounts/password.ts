import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number }) => Promise<Buffer>;

/**
 * Passwords are stored as scrypt hashes (Node's built-in scrypt; no native dependency), compared in constant time.
 * The cost is deliberately low, N=256 (about 0.4 ms; N=1024 took 1.7 ms, a sixth of a whole link journey's CPU):
 * these are test credentials, documented, printed or derived from the seed, so no work factor protects them; what
 * protects a user ID is the lock-out after wrong passwords (pages/attempts.ts). The hash keeps passwords out of the
 * store in clear. A stored hash carries its own N, so a hash made with another N still verifies, and is made again at
 * the current N at its next sign-in (accounts.ts; docs/decisions/0019-test-password-hashing.md).
 */
const N = 256;
/** The largest N a stored hash may name: Node's scrypt refuses N ≥ 2^15 (at r=8) within its default 32 MB. */
const MAX_N = 2 ** 14;
const MAX_KEY_BYTES = 64;

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

/**
 * A stored hash's parts, or undefined when the value is not a hash of ours (so it matches nothing rather than failing
 * the request): scheme `scrypt`, N a power of two no larger than {@link MAX_N}, a salt, a key of 1 to 64 bytes.
 */
export function storedHashParts(stored: unknown): { cost: number; salt: Buffer; key: Buffer } | undefined {
  if (typeof stored !== 'string') return undefined;
  const [scheme, n, salt, key] = stored.split('$');
  const cost = Number(n);
  if (scheme !== 'scrypt' || !salt || !key || !Number.isInteger(cost) || cost < 2 || cost > MAX_N || (cost & (cost - 1)) !== 0) return undefined;
  const keyBytes = Buffer.from(key, 'base64');
  if (!keyBytes.length || keyBytes.length > MAX_KEY_BYTES) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64'), key: keyBytes };
}

/** Whether a stored hash was made at another cost than today's, and should be made again (at a sign-in). */
export function hashIsOutdated(stored: unknown): boolean {
  const parts = storedHashParts(stored);
  return parts !== undefined && parts.cost !== N;
}

/** Off the event loop (libuv's thread pool), so sign-ins do not stall other requests. */
export async function verifyPassword(password: string, stored: unknown): Promise<boolean> {
  const parts = storedHashParts(stored);
  if (!parts) return false;
  const actual = await scryptAsync(password, parts.salt, parts.key.length, { N: parts.cost }).catch(() => undefined);
  return actual !== undefined && timingSafeEqual(actual, parts.key);
}
