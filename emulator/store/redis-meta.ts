import type { Meta } from './meta.js';
import type { ScriptedConnection } from './redis-store.js';

/**
 * A scope's {@link Meta} over Redis, in the hash `key`: read into this process's memory when the scope is opened
 * and again on each `load` (a refresh), so `get` answers synchronously; `set` changes the memory at once and writes
 * to Redis, the write handed to `track` (a response waits for it). A refresh's answer never undoes a `set` made
 * after the refresh was asked for.
 */
export interface RedisMeta {
  meta: Meta;
  /** Marks the moment a refresh is asked for; `load` then takes its answer. */
  asked: () => number;
  /** The hash as Redis answered (`HGETALL`) a refresh asked at `asked`. */
  load: (hash: Record<string, string>, asked: number) => void;
}

export function createRedisMeta({ redis, guard }: ScriptedConnection, key: string, track: (write: Promise<unknown>) => void): RedisMeta {
  const values = new Map<string, string>();
  /** When each key was last set here, in `sets`, so a refresh asked earlier leaves it be. */
  const setAt = new Map<string, number>();
  let sets = 0;
  return {
    meta: {
      get: <T>(k: string) => {
        const json = values.get(k);
        return json === undefined ? undefined : (JSON.parse(json) as T);
      },
      set: (k, value) => {
        const json = JSON.stringify(value) ?? 'null';
        values.set(k, json);
        setAt.set(k, ++sets);
        track(guard(redis.hset(key, k, json)));
      },
    },
    asked: () => sets,
    load: (hash, asked) => {
      const newer = (k: string): boolean => (setAt.get(k) ?? 0) > asked;
      for (const k of values.keys()) if (!(k in hash) && !newer(k)) values.delete(k);
      for (const [k, json] of Object.entries(hash)) if (!newer(k)) values.set(k, json);
    },
  };
}
