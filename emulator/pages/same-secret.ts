import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether two secrets (a CSRF token, a session MAC, the control token) are equal, in time that tells an attacker
 * nothing: both are hashed first, so `timingSafeEqual` always compares 32 bytes and a wrong guess's length leaks
 * no more than its content. Every secret comparison of the pages and the control API goes through here.
 */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
