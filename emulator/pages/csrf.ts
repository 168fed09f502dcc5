import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import { sameSecret } from './same-secret.js';

const NS = 'csrf';

/**
 * Cross-site request forgery tokens for the emulator's HTML forms: one random token per form scope
 * (for the journey, per oidc-provider interaction), sent as the hidden field `csrfToken` and compared
 * in constant time. A token lives as long as its scope (`expiresAt`, virtual time).
 */
export class CsrfTokens {
  constructor(private readonly store: Store) {}

  /** The scope's token, made on first use; the same token while the scope lives (back, reload). */
  async issue(scope: string, expiresAt: number): Promise<string> {
    const existing = await this.store.get<string>(NS, scope);
    if (existing) return existing;
    const token = randomBytes(24).toString('base64url');
    await this.store.set(NS, scope, token, { expiresAt });
    return token;
  }

  /** Whether `presented` is the scope's token. */
  async verify(scope: string, presented: unknown): Promise<boolean> {
    const expected = await this.store.get<string>(NS, scope);
    if (!expected || typeof presented !== 'string') return false;
    return sameSecret(presented, expected);
  }
}
