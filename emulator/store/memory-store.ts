import type { Clock } from '../clock/clock.js';
import { RecordLog } from './record-log.js';
import { Ring } from './ring.js';
import type { Store } from './store.js';

interface Entry {
  value: unknown;
  expiresAt: number | undefined;
}

/**
 * Expired entries go when read, or when a sweep passes them: every `SWEEP_EVERY` writes to a namespace,
 * its oldest entries (at most twice that many) are dropped while they are expired. Entries are kept in
 * write order, so in a namespace with one lifetime (tokens: 4 hours) the expired ones are at the front,
 * and a token that is never used again is not kept past its expiry. Amortised, a write costs a couple
 * of steps more.
 */
const SWEEP_EVERY = 1024;
/**
 * A namespace nobody writes to any more is never swept by writes: once virtual time has moved this far since the
 * last time, the next call sweeps every namespace whole (every expired entry goes; the off-heap ones from the
 * front), so a clock advance past every expiry frees the memory. Each entry is dropped once, so the cost is
 * that of the entries dropped plus a look at each entry still held, once a virtual minute at most.
 */
const SWEEP_ALL_AFTER_MS = 60_000;

export interface MemoryStoreOptions {
  /**
   * Namespaces kept off the V8 heap ({@link RecordLog}): values must be plain JSON, and come back as copies.
   * For what is written by the hundred thousand (the OAuth tokens).
   */
  offHeap?: readonly string[];
}

/** The in-memory {@link Store}: one instance per emulator, nothing shared between instances. */
export function createMemoryStore(clock: Clock, options: MemoryStoreOptions = {}): Store {
  const offHeap = new Map((options.offHeap ?? []).map((ns) => [ns, new RecordLog()]));
  const spaces = new Map<string, Map<string, Entry>>();
  const writes = new Map<Map<string, Entry>, number>();
  const logs = new Map<string, { ring: Ring<[number, unknown]>; appended: number }>();

  let sweptAllAt = clock.now();
  const sweepAllWhenDue = (): void => {
    const now = clock.now();
    // A clock reset moves time backwards: start counting again from there.
    if (now >= sweptAllAt && now - sweptAllAt < SWEEP_ALL_AFTER_MS) return;
    sweptAllAt = now;
    for (const s of spaces.values()) {
      for (const [key, e] of s) if (e.expiresAt !== undefined && e.expiresAt <= now) s.delete(key);
    }
    for (const log of offHeap.values()) log.sweep(now, Infinity);
  };

  const space = (ns: string): Map<string, Entry> => {
    sweepAllWhenDue();
    let s = spaces.get(ns);
    if (!s) spaces.set(ns, (s = new Map()));
    return s;
  };
  const live = (s: Map<string, Entry>, key: string): Entry | undefined => {
    const e = s.get(key);
    if (e && e.expiresAt !== undefined && e.expiresAt <= clock.now()) {
      s.delete(key);
      return undefined;
    }
    return e;
  };
  const write = (s: Map<string, Entry>, key: string, entry: Entry): void => {
    s.delete(key);
    s.set(key, entry);
    const n = (writes.get(s) ?? 0) + 1;
    writes.set(s, n % SWEEP_EVERY);
    if (n === SWEEP_EVERY) sweep(s);
  };
  const sweep = (s: Map<string, Entry>): void => {
    const now = clock.now();
    let budget = 2 * SWEEP_EVERY;
    for (const [key, e] of s) {
      if (--budget < 0 || (e.expiresAt !== undefined && e.expiresAt > now)) return;
      if (e.expiresAt !== undefined) s.delete(key);
    }
  };

  return {
    async get<T>(ns: string, key: string) {
      sweepAllWhenDue();
      const log = offHeap.get(ns);
      if (log) return log.get(key, clock.now()) as T | undefined;
      return live(space(ns), key)?.value as T | undefined;
    },
    async set(ns, key, value, options) {
      sweepAllWhenDue();
      const log = offHeap.get(ns);
      if (log) return log.set(key, value, options?.expiresAt, clock.now());
      write(space(ns), key, { value, expiresAt: options?.expiresAt });
    },
    async replace(ns, key, value) {
      const log = offHeap.get(ns);
      if (log) return log.replace(key, value, clock.now());
      const e = live(space(ns), key);
      if (e) e.value = value;
      return e !== undefined;
    },
    async delete(ns, key) {
      const log = offHeap.get(ns);
      if (log) return log.delete(key);
      space(ns).delete(key);
    },
    async entries<T>(ns: string) {
      const log = offHeap.get(ns);
      if (log) return log.entries(clock.now()) as Array<[string, T]>;
      const s = space(ns);
      const out: Array<[string, T]> = [];
      for (const key of [...s.keys()]) {
        const e = live(s, key);
        if (e) out.push([key, e.value as T]);
      }
      return out;
    },
    async claim(ns, key, expiresAt) {
      const log = offHeap.get(ns);
      if (log) {
        if (log.get(key, clock.now()) !== undefined) return false;
        log.set(key, true, expiresAt, clock.now());
        return true;
      }
      const s = space(ns);
      if (live(s, key)) return false;
      write(s, key, { value: true, expiresAt });
      return true;
    },
    async increment(ns, key, by, expiresAt) {
      if (offHeap.has(ns)) throw new Error(`increment is not supported on the off-heap namespace ${ns}`);
      const s = space(ns);
      const e = live(s, key);
      const value = ((e?.value as number | undefined) ?? 0) + by;
      if (e) e.value = value;
      else write(s, key, { value, expiresAt });
      return value;
    },
    async append(log, entry, max) {
      let l = logs.get(log);
      if (!l) logs.set(log, (l = { ring: new Ring(), appended: 0 }));
      l.ring.push([++l.appended, entry], max);
      return l.appended;
    },
    async read<T>(log: string) {
      return (logs.get(log)?.ring.toArray() ?? []) as Array<[number, T]>;
    },
    async clear() {
      for (const log of offHeap.values()) log.clear();
      spaces.clear();
      writes.clear();
      logs.clear();
    },
  };
}
