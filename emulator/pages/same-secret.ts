import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether two secrets (a CSRF token, a session MAC, the control token) are equal, in time that tells an attacker
 * nothing: both are hashed first, so `timingSafeEqual` always compares 32 bytes and a wrong guess's length leaks
 * no more than its content. Every comparison of a secret with what the user sent goes through here (CSRF tokens, the
 * control token, page session MACs, oidc-provider's cookie signatures, PKCE verifiers, 2-step access codes); passwords and client secrets compare
 * fixed-length digests of their own (accounts/password.ts, applications/applications.ts).
 */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
