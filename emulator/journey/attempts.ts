import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';

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
