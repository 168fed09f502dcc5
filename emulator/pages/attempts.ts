import type { Accounts } from '../accounts/accounts.js';
import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';

/**
 * Whose failures count together. HMRC locks the user ID, and so does the emulator for accounts made for a run
 * (Create Test User, the control API). The shared accounts — `user1` and the seeded personas, documented and
 * printed for everyone using the server — count failures per journey instead: whoever mistypes still meets the
 * lock-out, but only in their own journey, and the README's promise that `user1` / `password1` always works holds.
 */
export async function lockOutKey(accounts: Accounts, userId: string, journeyId: string): Promise<string> {
  const account = await accounts.find(userId);
  return account?.persona === undefined ? userId : `${userId} in journey ${journeyId}`;
}

interface Record_ {
  failures: number;
  lockedUntil?: number | undefined;
}

/**
 * Counts failures in a row (wrong passwords, wrong access codes) per user ID and locks the user
 * out for a while after `max` of them. Lock-outs end when the virtual clock passes them.
 */
export class Attempts {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ns: string,
    private readonly max: number,
    private readonly lockMs: number,
  ) {}

  /** When the lock-out ends (ms, virtual time), or undefined when not locked out. */
  async lockedUntil(key: string): Promise<number | undefined> {
    const r = await this.store.get<Record_>(this.ns, key);
    return r?.lockedUntil !== undefined && r.lockedUntil > this.clock.now() ? r.lockedUntil : undefined;
  }

  /** Counts a failure; true when it locks the user out. */
  async fail(key: string): Promise<boolean> {
    const now = this.clock.now();
    const r = await this.store.get<Record_>(this.ns, key);
    const failures = (r?.lockedUntil !== undefined && r.lockedUntil <= now ? 0 : (r?.failures ?? 0)) + 1;
    const locked = failures >= this.max;
    const lockedUntil = locked ? now + this.lockMs : undefined;
    await this.store.set<Record_>(this.ns, key, { failures, lockedUntil }, { expiresAt: now + Math.max(this.lockMs, 24 * 3600_000) });
    return locked;
  }

  async reset(key: string): Promise<void> {
    await this.store.delete(this.ns, key);
  }
}
