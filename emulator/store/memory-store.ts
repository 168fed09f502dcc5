import type { Clock } from '../clock/clock.js';
import type { Store } from './store.js';

interface Entry {
  value: unknown;
  expiresAt: number | undefined;
}

/** The in-memory {@link Store}: one instance per emulator, nothing shared between instances. */
export function createMemoryStore(clock: Clock): Store {
  const spaces = new Map<string, Map<string, Entry>>();
  const logs = new Map<string, unknown[]>();

  const space = (ns: string): Map<string, Entry> => {
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

  return {
    async get<T>(ns: string, key: string) {
      return live(space(ns), key)?.value as T | undefined;
    },
    async set(ns, key, value, options) {
      const s = space(ns);
      s.delete(key);
      s.set(key, { value, expiresAt: options?.expiresAt });
    },
    async delete(ns, key) {
      space(ns).delete(key);
    },
    async entries<T>(ns: string) {
      const s = space(ns);
      const out: Array<[string, T]> = [];
      for (const key of [...s.keys()]) {
        const e = live(s, key);
        if (e) out.push([key, e.value as T]);
      }
      return out;
    },
    async increment(ns, key, by, expiresAt) {
      const s = space(ns);
      const e = live(s, key);
      const value = ((e?.value as number | undefined) ?? 0) + by;
      s.set(key, { value, expiresAt: e ? e.expiresAt : expiresAt });
      return value;
    },
    async append(log, entry, max) {
      let l = logs.get(log);
      if (!l) logs.set(log, (l = []));
      l.push(entry);
      if (l.length > max) l.splice(0, l.length - max);
    },
    async read<T>(log: string) {
      return [...((logs.get(log) ?? []) as T[])];
    },
    async clear() {
      spaces.clear();
      logs.clear();
    },
  };
}
