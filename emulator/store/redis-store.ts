import type { Redis } from 'ioredis';
import type { Clock } from '../clock/clock.js';
import type { RedisConnection } from './redis-connection.js';
import type { Scripts } from './redis-scripts.js';
import type { Store } from './store.js';

/**
 * Expired entries are skipped when read (the virtual now is compared with each entry's expiry, in the client or in
 * the script), and deleted by a sweep every `SWEEP_EVERY` writes of one store, at most `SWEEP_BATCH` entries,
 * earliest expiry first, and one batch when the store is made. Nothing expires by real time (no Redis TTL): moving
 * the clock expires at once, and a frozen clock keeps what it holds however long it stands.
 */
const SWEEP_EVERY = 1024;
const SWEEP_BATCH = 2048;

/**
 * Whose keys a store reads and writes: all behind `prefix`, `hsb:{root}:` for the default tenant, `hsb:{t.<id>}:`
 * for tenant `id`. The braces are a Redis Cluster hash tag: a scope's keys share one slot, so a script may touch
 * any of them.
 */
export interface RedisScope {
  prefix: string;
}
export const DEFAULT_SCOPE: RedisScope = { prefix: 'hsb:{root}:' };
export const tenantScope = (id: string): RedisScope => ({ prefix: `hsb:{t.${id}}:` });

/** A scope's fixed keys (decision 9 lists every key). */
export const scopeKeys = ({ prefix }: RedisScope) => ({
  /** set: the name of every namespace's and log's keys, for `clear()` */
  index: `${prefix}keys`,
  /** zset: `<ns>\0<key>` of every entry with an expiry, scored by it */
  expiries: `${prefix}x`,
  /** counter: insertion order, shared by the scope's namespaces */
  order: `${prefix}seq`,
  /** hash: the scope's {@link Meta} */
  meta: `${prefix}meta`,
});

export type ScriptedConnection = Omit<RedisConnection, 'redis'> & { redis: Redis & Scripts };

/**
 * The {@link Store} over Redis: one round trip per call, a Lua script wherever a call reads then writes, so that
 * emulators sharing the Redis see one store (a claim has one winner, counters and log numbers add up). Each
 * namespace is a hash `v:<ns>` of `<expiresAt>:<json>` and a zset `o:<ns>` of its keys in insertion order; each
 * log a list `l:<log>` and its counter `n:<log>`. Values are JSON; `get` returns a fresh copy each time.
 */
export function createRedisStore({ redis, guard }: ScriptedConnection, clock: Clock, scope: RedisScope = DEFAULT_SCOPE): Store {
  const { prefix } = scope;
  const { index, expiries, order } = scopeKeys(scope);
  const values = (ns: string): string => `${prefix}v:${ns}`;
  const ordered = (ns: string): string => `${prefix}o:${ns}`;
  const member = (ns: string, key: string): string => `${ns}\0${key}`;
  const writeKeys = (ns: string): string[] => [values(ns), ordered(ns), expiries, order, index];
  const now = (): string => String(clock.now());
  const json = (value: unknown): string => JSON.stringify(value) ?? 'null';
  const expiry = (at: number | undefined): string => (at === undefined ? '' : String(at));
  /** `<expiresAt>:<json>` to its value, or undefined when expired at `at`. */
  const decode = <T>(stored: string | null, at: number): T | undefined => {
    if (stored === null) return undefined;
    const colon = stored.indexOf(':');
    if (colon > 0 && Number(stored.slice(0, colon)) <= at) return undefined;
    return JSON.parse(stored.slice(colon + 1)) as T;
  };

  let writes = 0;
  const sweep = (): void => {
    redis.hsbSweep(expiries, prefix, now(), SWEEP_BATCH).catch(() => undefined); // garbage collection: the next sweep retries
  };
  const wrote = (): void => {
    if (++writes % SWEEP_EVERY === 0) sweep();
  };
  if (redis.status === 'ready') sweep();

  return {
    async get<T>(ns: string, key: string) {
      return decode<T>(await guard(redis.hget(values(ns), key)), clock.now());
    },
    async set(ns, key, value, options) {
      const exp = expiry(options?.expiresAt);
      await guard(redis.hsbSet(...writeKeys(ns), key, `${exp}:${json(value)}`, exp, member(ns, key)));
      wrote();
    },
    async replace(ns, key, value) {
      return (await guard(redis.hsbReplace(values(ns), key, json(value), now()))) === 1;
    },
    async delete(ns, key) {
      await guard(redis.hsbDelete(values(ns), ordered(ns), expiries, key, member(ns, key)));
    },
    async claim(ns, key, expiresAt) {
      const taken = await guard(redis.hsbClaim(...writeKeys(ns), key, expiry(expiresAt), member(ns, key), now()));
      wrote();
      return taken === 1;
    },
    async entries<T>(ns: string) {
      const at = clock.now();
      const flat = await guard(redis.hsbEntries(values(ns), ordered(ns), String(at)));
      const out: Array<[string, T]> = [];
      for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, decode<T>(flat[i + 1]!, at) as T]);
      return out;
    },
    async increment(ns, key, by, expiresAt) {
      const value = await guard(redis.hsbIncrement(...writeKeys(ns), key, String(by), String(expiresAt), member(ns, key), now()));
      wrote();
      return Number(value);
    },
    async append(log, entry, max) {
      return guard(redis.hsbAppend(`${prefix}l:${log}`, `${prefix}n:${log}`, index, json(entry), Number.isFinite(max) ? String(Math.max(max, 0)) : ''));
    },
    async read<T>(log: string) {
      const [last, ...entries] = await guard(redis.hsbRead(`${prefix}l:${log}`, `${prefix}n:${log}`));
      const first = Number(last ?? 0) - entries.length + 1;
      return entries.map((e, i): [number, T] => [first + i, JSON.parse(e!) as T]);
    },
    async clear() {
      await guard(redis.hsbClear(3, index, expiries, order));
    },
  };
}
