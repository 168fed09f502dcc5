import { connectRedis } from './redis-connection.js';
import { createRedisMeta, type RedisMeta } from './redis-meta.js';
import { defineScripts } from './redis-scripts.js';
import { createRedisStore, DEFAULT_SCOPE, scopeKeys, tenantScope, type RedisScope, type ScriptedConnection } from './redis-store.js';
import type { EmulatorState, StateScope } from './state.js';
import { StateOpenError } from './state-open-error.js';

/** How long `openRedisState` waits for Redis to answer (a Compose file may start Redis and the emulator together). */
const OPEN_WAIT_MS = 30_000;
/** The layout of the keys (decision 9), in `hsb:schema`: a Redis written by a newer layout is refused. */
const SCHEMA_KEY = 'hsb:schema';
const SCHEMA_VERSION = 1;

export interface RedisStateOptions {
  /** How long to wait for Redis at open before giving up; 30 s unless told. */
  waitMs?: number;
}

/**
 * The emulator's state in Redis at `url` (`redis://[:password@]host:port/db`), shared by every emulator given the
 * same URL: the default tenant's keys behind `hsb:{root}:`, tenant `id`'s behind `hsb:{t.<id>}:`. While Redis is
 * unreachable every call rejects at once with StoreUnavailableError, and the connection comes back by itself.
 *
 * @throws StateOpenError when Redis cannot be reached within 30 s, refuses the connection, or holds a newer layout.
 */
export async function openRedisState(url: string, options: RedisStateOptions = {}): Promise<EmulatorState> {
  const connection = await connectRedis(url, options.waitMs ?? OPEN_WAIT_MS);
  const c: ScriptedConnection = { ...connection, redis: defineScripts(connection.redis) };
  const { redis, guard, where } = c;
  try {
    await checkSchema(c);
  } catch (err) {
    redis.disconnect();
    throw err;
  }

  const pending = new Set<Promise<unknown>>();
  const track = (write: Promise<unknown>): void => {
    const settled: Promise<unknown> = write.finally(() => pending.delete(settled));
    settled.catch(() => undefined); // reported by settled(), when a response waits for it
    pending.add(settled);
  };
  /** Every scope handed out (or being opened), by its meta key; and its meta once read: a refresh re-reads them all. */
  const scopes = new Map<string, Promise<StateScope>>();
  const metas = new Map<string, RedisMeta>();
  const readScope = async (scope: RedisScope, key: string): Promise<StateScope> => {
    const meta = createRedisMeta(c, key, track);
    const asked = meta.asked();
    meta.load(await guard(redis.hgetall(key)), asked);
    metas.set(key, meta);
    return { meta: meta.meta, store: (clock) => createRedisStore(c, clock, scope) };
  };
  const openScope = (scope: RedisScope): Promise<StateScope> => {
    const key = scopeKeys(scope).meta;
    let opened = scopes.get(key);
    if (!opened) {
      scopes.set(key, (opened = readScope(scope, key)));
      void opened.catch(() => scopes.delete(key)); // tried again next time
    }
    return opened;
  };
  const root = await openScope(DEFAULT_SCOPE).catch((err: unknown) => {
    redis.disconnect();
    throw new StateOpenError(`cannot read the emulator's state from Redis at ${where} (${(err as Error).message}): check that Redis is running`);
  });
  const settled = (): Promise<void> | undefined => (pending.size === 0 ? undefined : Promise.all(pending).then(() => undefined));

  return {
    file: undefined,
    ...root,
    tenant: (id) => openScope(tenantScope(id)),
    dropTenant: async (id) => {
      const keys = scopeKeys(tenantScope(id));
      scopes.delete(keys.meta);
      metas.delete(keys.meta);
      await guard(redis.hsbClear(4, keys.index, keys.expiries, keys.order, keys.meta));
    },
    commits: undefined,
    refresh: async () => {
      const all = [...metas];
      const asked = all.map(([, meta]) => meta.asked());
      const pipeline = redis.pipeline();
      for (const [key] of all) pipeline.hgetall(key);
      const answers = (await guard(pipeline.exec())) ?? [];
      for (const [i, [err, hash]] of answers.entries()) {
        if (err) await guard(Promise.reject(err));
        all[i]![1].load(hash as Record<string, string>, asked[i]!);
      }
    },
    settled,
    close: async () => {
      await settled()?.catch(() => undefined);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Marks a new Redis with this layout's version; refuses one marked by a newer version. */
async function checkSchema({ redis, where }: ScriptedConnection): Promise<void> {
  await redis.setnx(SCHEMA_KEY, String(SCHEMA_VERSION));
  const version = Number(await redis.get(SCHEMA_KEY));
  if (version !== SCHEMA_VERSION) {
    throw new StateOpenError(
      `Redis at ${where} holds hmrc-sandbox state of layout ${version} (this version reads ${SCHEMA_VERSION}): upgrade hmrc-sandbox, or give it another database`,
    );
  }
}
