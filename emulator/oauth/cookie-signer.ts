import { createHmac } from 'node:crypto';
import { sameSecret } from '../pages/same-secret.js';

/**
 * Signs and checks oidc-provider's cookies (its `cookies.keys`, in place of the Keygrip that koa's `cookies` makes of
 * an array of keys), with the same signatures: HMAC-SHA1 of `name=value`, base64url without padding, by the first key;
 * any key checks. So cookies signed before a restart, or by an earlier version, still verify.
 *
 * Keygrip compares through `tsscmp`, which draws 32 random bytes and computes two more HMACs for every comparison, to
 * be constant-time. A journey checks a dozen signed cookies, and the random bytes alone were 0.22 ms of CPU a sign-in
 * (docs/benchmarks.md); the comparison here is the emulator's one constant-time comparison, `sameSecret`.
 */
export class CookieSigner {
  readonly #keys: readonly string[];

  constructor(keys: readonly string[]) {
    if (keys.length === 0) throw new Error('CookieSigner needs at least one key');
    this.#keys = keys;
  }

  sign(data: string): string {
    return signature(data, this.#keys[0]!);
  }

  verify(data: string, digest: string): boolean {
    return this.index(data, digest) > -1;
  }

  /** Which key signed `data` as `digest`, or -1. */
  index(data: string, digest: string): number {
    for (let i = 0; i < this.#keys.length; i++) if (sameSecret(String(digest), signature(data, this.#keys[i]!))) return i;
    return -1;
  }
}

function signature(data: string, key: string): string {
  return createHmac('sha1', key).update(data).digest('base64url');
}
