import type { Clock } from '../clock/clock.js';
import { createMemoryMeta, type Meta } from './meta.js';
import { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
import type { Store } from './store.js';
import type { GroupCommits } from './sqlite-commits.js';

/** One tenant's state: its {@link Store} and its {@link Meta} (its own clock and keys). */
export interface StateScope {
  meta: Meta;
  /** Makes the store, expiring entries by `clock`. Called once per scope. */
  store: (clock: Clock) => Store;
}

/**
 * Where one emulator keeps its state: the default tenant's {@link StateScope}, and each tenant's beside it. Opened
 * before anything else is made, because the clock is read from the meta and the store is given the clock.
 */
export interface EmulatorState extends StateScope {
  /** The database file, e.g. `/data/hmrc-sandbox.db`; undefined when nothing outlives the process. */
  file: string | undefined;
  /**
   * Tenant `id`'s state, apart from the default tenant's and every other tenant's; its store's `clear()` clears only
   * it, and the default tenant's `clear()` leaves every tenant alone. `id` matches {@link TENANT_ID}.
   */
  tenant: (id: string) => Promise<StateScope>;
  /** Forgets everything tenant `id` owns: entries, logs, meta. */
  dropTenant: (id: string) => Promise<void>;
  /**
   * Makes writes durable before they are acknowledged; undefined when there is nothing to make durable (memory). A
   * response is held until what it acknowledges is committed (http/commit-before-response.ts): writes are committed
   * in groups (store/sqlite-commits.ts).
   */
  commits: Pick<GroupCommits, 'flush' | 'afterCommit'> | undefined;
  /**
   * Re-reads what another process sharing the state may have changed in the meta (the clock), before a request is
   * handled; undefined when this process alone writes the state.
   */
  refresh?: (() => Promise<void>) | undefined;
  /**
   * A promise of every meta write so far being acknowledged, or undefined when none is pending: a response waits for
   * it (the meta is written synchronously, a shared store acknowledges later). Undefined when writes are immediate.
   */
  settled?: (() => Promise<void> | undefined) | undefined;
  /** Commits what is pending and lets go of the database (and its lock). */
  close: () => void | Promise<void>;
}

/** What a tenant's id may be: letters, digits, `-` and `_`, up to 64, beginning with a letter or digit (it is a path segment and a key prefix; the emulator keeps its own scopes, such as the tenants' registry, under ids beginning with `_`). */
export const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Opens the state in Redis at `storeUrl` when given (shared with every emulator on it), else in `dataDir` (an SQLite
 * database, made if missing), else in memory. Each binding loads only when used.
 *
 * @throws StateOpenError when Redis cannot be reached or the data directory cannot be used, in one line.
 */
export async function openState(dataDir: string | undefined, memory: MemoryStoreOptions = {}, storeUrl?: string | undefined): Promise<EmulatorState> {
  if (storeUrl !== undefined) {
    const { openRedisState } = await import('./redis-state.js');
    return openRedisState(storeUrl);
  }
  if (dataDir === undefined) return openMemoryState(memory);
  const { openSqliteState } = await import('./sqlite-state.js');
  return openSqliteState(dataDir);
}

/**
 * State in this process's memory: each tenant its own store and meta, gone with the process. A tenant's emulator may
 * be built more than once (an idle one is let go and rebuilt when used again): its store is made once and reads the
 * clock of the latest build.
 */
function openMemoryState(memory: MemoryStoreOptions): EmulatorState {
  const tenants = new Map<string, StateScope>();
  const scope = (): StateScope => {
    let store: Store | undefined;
    let current: Clock | undefined;
    const clock: Clock = { now: () => current!.now(), advance: (ms) => current!.advance(ms), reset: () => current!.reset(), restore: (s) => current!.restore(s) };
    return {
      meta: createMemoryMeta(),
      store: (c) => {
        current = c;
        return (store ??= createMemoryStore(clock, memory));
      },
    };
  };
  return {
    file: undefined,
    ...scope(),
    tenant: async (id) => {
      let t = tenants.get(id);
      if (!t) tenants.set(id, (t = scope()));
      return t;
    },
    dropTenant: async (id) => void tenants.delete(id),
    commits: undefined,
    close: () => undefined,
  };
}
