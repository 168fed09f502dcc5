import type { Clock } from '../clock/clock.js';
import { createMemoryMeta, type Meta } from './meta.js';
import { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
import type { Store } from './store.js';

/**
 * Where one emulator keeps its state: the {@link Store}, and its {@link Meta}. Opened before anything else is made,
 * because the clock is read from the meta and the store is given the clock.
 */
export interface EmulatorState {
  /** The database file, e.g. `/data/hmrc-sandbox.db`; undefined when nothing outlives the process. */
  file: string | undefined;
  meta: Meta;
  /** Makes the store, expiring entries by `clock`. Called once. */
  store: (clock: Clock) => Store;
  /**
   * Makes every write so far durable; undefined when there is nothing to make durable (memory). Called before any
   * response is sent (http/commit-before-response.ts): writes are committed in groups (store/sqlite-commits.ts).
   */
  flush: (() => void) | undefined;
  /** Commits what is pending and lets go of the database (and its lock). */
  close: () => void;
}

/**
 * Opens the state in `dataDir` (an SQLite database, made if missing), or in memory when there is none. SQLite's
 * binding loads only then, so an emulator in memory never reads it.
 *
 * @throws StateOpenError (from ./sqlite-file.ts) when the data directory cannot be used.
 */
export async function openState(dataDir: string | undefined, memory: MemoryStoreOptions = {}): Promise<EmulatorState> {
  if (dataDir === undefined) {
    return { file: undefined, meta: createMemoryMeta(), store: (clock) => createMemoryStore(clock, memory), flush: undefined, close: () => undefined };
  }
  const { openSqliteState } = await import('./sqlite-state.js');
  return openSqliteState(dataDir);
}
