/**
 * All emulator state lives behind this interface: OAuth artefacts, accounts, applications, the
 * journal, faults, counters. The in-memory store is the only implementation today; an embedded
 * database or a shared store (several emulator instances serving one team) will implement the
 * same interface, which is why every call is asynchronous.
 *
 * Keys live in namespaces (`ns`). Expiry is in virtual time: the store is given the emulator's clock.
 */
export interface Store {
  get<T>(ns: string, key: string): Promise<T | undefined>;
  set<T>(ns: string, key: string, value: T, options?: { expiresAt?: number | undefined }): Promise<void>;
  /**
   * Replaces the value of a live entry, keeping its expiry and its place in insertion order (an SQL
   * `UPDATE`, Redis `SET … XX KEEPTTL`); false, and nothing stored, when there is no live entry.
   */
  replace<T>(ns: string, key: string, value: T): Promise<boolean>;
  delete(ns: string, key: string): Promise<void>;
  /** Every live entry of a namespace, in insertion order. */
  entries<T>(ns: string): Promise<Array<[string, T]>>;
  /**
   * Atomically takes `key`: true, and the key stored (until `expiresAt`), when it had no live entry; false, and
   * nothing changed, when it had one. Single use that holds across processes sharing a store (an authorization code
   * or a refresh token consumed once), where a read then a write would let two callers both win.
   */
  claim(ns: string, key: string, expiresAt?: number | undefined): Promise<boolean>;
  /** Atomically adds `by` to a counter and returns the new value; a new counter expires at `expiresAt`. */
  increment(ns: string, key: string, by: number, expiresAt: number): Promise<number>;
  /**
   * Appends to a bounded log, dropping the oldest entries beyond `max`, and returns the entry's number in the
   * log: 1, 2, 3, … in append order, never reused (an SQL autoincrement key, a Redis stream ID). An entry is not
   * an acknowledgement: SQLite commits it with the next commit, at most 50 ms later (store/sqlite-commits.ts).
   */
  append<T>(log: string, entry: T, max: number): Promise<number>;
  /** The entries of a log with their numbers, oldest first. */
  read<T>(log: string): Promise<Array<[number, T]>>;
  /** Forgets everything this store holds (a tenant's store: that tenant's; the default tenant's: not the tenants'). */
  clear(): Promise<void>;
}
