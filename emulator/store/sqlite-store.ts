import type Database from 'better-sqlite3';
import type { Clock } from '../clock/clock.js';
import type { GroupCommits } from './sqlite-commits.js';
import type { Store } from './store.js';

/**
 * Expired entries are skipped when read (every query compares `expires_at` with the virtual clock's now), and
 * deleted by a sweep every `SWEEP_EVERY` writes, at most `SWEEP_BATCH` rows at a time, first expired first
 * (the partial index on `expires_at`), and one batch at open. Nothing expires by real time: moving the clock expires at once, and a
 * database reopened after a week still holds what the virtual clock says is alive.
 */
const SWEEP_EVERY = 1024;
const SWEEP_BATCH = 2048;
/**
 * A log's entries beyond its bound are deleted every `TRIM_EVERY` appends, so an append is one INSERT (one page
 * written, at the log's end); `read` leaves out the few not yet trimmed.
 */
const TRIM_EVERY = 64;

const LIVE = '(expires_at IS NULL OR expires_at > ?)';

/** The sweep's query: up to `?` rows of a scope expired by `?`, found through the expiry index (`entries_by_expiry`). */
export const SWEEP_EXPIRED =
  'DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries WHERE expires_at <= ? AND +ns >= ? AND +ns < ? ORDER BY expires_at LIMIT ?)';

/**
 * Whose rows a store reads and writes: every namespace and log name is stored behind `prefix`. The default tenant's
 * prefix is empty and its names never begin with `~` (they are the emulator's own, ASCII letters and `:-`); tenant
 * `id`'s is `~id~`, so a tenant's rows are one range of the unique index, below `~id~\uffff`.
 */
export interface SqliteScope {
  prefix: string;
}
export const DEFAULT_SCOPE: SqliteScope = { prefix: '' };
export const tenantScope = (id: string): SqliteScope => ({ prefix: `~${id}~` });

/** The names a scope's rows have, `[from, to)`: a tenant's prefix range, or, for the default tenant, everything below `~`. */
function scopeRange({ prefix }: SqliteScope): [string, string] {
  return prefix ? [prefix, `${prefix}\uffff`] : ['', '~'];
}

/** Deletes a scope's entries and logs. */
export function clearScope(db: Database.Database, scope: SqliteScope): void {
  const [from, to] = scopeRange(scope);
  db.prepare('DELETE FROM entries WHERE ns >= ? AND ns < ?').run(from, to);
  db.prepare('DELETE FROM logs WHERE log >= ? AND log < ?').run(from, to);
  db.prepare('DELETE FROM log_bounds WHERE log >= ? AND log < ?').run(from, to);
}

/**
 * The {@link Store} over SQLite (better-sqlite3). Calls run synchronously (better-sqlite3 has no asynchronous API;
 * a prepared statement answers in microseconds, less than a promise's round trip), their results handed back as
 * settled promises. Writes join the open transaction (`commits`, ./sqlite-commits.ts), committed before any response
 * that follows them is sent. Values are JSON; `get` returns a fresh copy each time.
 */
export function createSqliteStore(db: Database.Database, clock: Clock, commits: GroupCommits, scope: SqliteScope = DEFAULT_SCOPE): Store {
  const sql = <P extends unknown[]>(text: string) => db.prepare<P>(text);
  const { prefix } = scope;
  const getValue = sql<[string, string, number]>(`SELECT value FROM entries WHERE ns = ? AND key = ? AND ${LIVE}`).pluck();
  const insert = sql<[string, string, string, number | null]>('INSERT OR REPLACE INTO entries (ns, key, value, expires_at) VALUES (?, ?, ?, ?)');
  const update = sql<[string, string, string, number]>(`UPDATE entries SET value = ? WHERE ns = ? AND key = ? AND ${LIVE}`);
  const remove = sql<[string, string]>('DELETE FROM entries WHERE ns = ? AND key = ?');
  const list = sql<[string, number]>(`SELECT key, value FROM entries WHERE ns = ? AND ${LIVE} ORDER BY rowid`).raw();
  // Only this scope's rows: every scope (the default tenant, each tenant, the tenants' registry) has its own clock.
  const [from, to] = scopeRange(scope);
  // `+ns` keeps the planner on the expiry index: on the scope's `ns` range it would walk the unique index over every
  // row and sort them (300 ms on a 126 MB file, at each start and each sweep), to find none expired.
  const sweepExpired = sql<[number, string, string, number]>(SWEEP_EXPIRED);
  const lastInLog = sql<[string]>('SELECT max(n) FROM logs WHERE log = ?').pluck();
  const boundOfLog = sql<[string]>('SELECT max FROM log_bounds WHERE log = ?').pluck();
  const bound = sql<[string, number]>('INSERT OR REPLACE INTO log_bounds (log, max) VALUES (?, ?)');
  const addToLog = sql<[string, number, string]>('INSERT INTO logs (log, n, entry) VALUES (?, ?, ?)');
  const trimLog = sql<[string, number]>('DELETE FROM logs WHERE log = ? AND n <= ?');
  const readLog = sql<[string, number]>('SELECT n, entry FROM logs WHERE log = ? AND n > ? ORDER BY n').raw();
  /** Each log's last number and bound, read once: this process alone writes the file (its lock). */
  const logs = new Map<string, { last: number; max: number }>();
  const logOf = (log: string): { last: number; max: number } => {
    let l = logs.get(log);
    if (!l) logs.set(log, (l = { last: (lastInLog.get(log) as number | null) ?? 0, max: (boundOfLog.get(log) as number | undefined) ?? Infinity }));
    return l;
  };

  let writes = 0;
  const { writing } = commits;
  const wrote = (): void => {
    if (++writes % SWEEP_EVERY === 0) sweepExpired.run(clock.now(), from, to, SWEEP_BATCH);
  };
  const json = (value: unknown): string => JSON.stringify(value) ?? 'null';
  const parse = <T>(json: unknown): T | undefined => (json === undefined ? undefined : (JSON.parse(json as string) as T));

  const increment = db.transaction((ns: string, key: string, by: number, expiresAt: number): number => {
    const now = clock.now();
    const current = parse<number>(getValue.get(ns, key, now));
    const value = (current ?? 0) + by;
    if (current === undefined) insert.run(ns, key, json(value), expiresAt);
    else update.run(json(value), ns, key, now);
    return value;
  });
  const claim = sql<[string, string, number | null, number]>(
    `INSERT INTO entries (ns, key, value, expires_at) VALUES (?, ?, 'true', ?)
     ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at WHERE NOT ${LIVE.replaceAll('expires_at', 'entries.expires_at')}`,
  );
  const clear = db.transaction(() => clearScope(db, scope));

  // One batch at open, not all: a large database must not slow the start; later sweeps take the rest.
  writing();
  sweepExpired.run(clock.now(), from, to, SWEEP_BATCH);

  return {
    async get<T>(ns: string, key: string) {
      return parse<T>(getValue.get(prefix + ns, key, clock.now()));
    },
    async set(ns, key, value, options) {
      writing();
      insert.run(prefix + ns, key, json(value), options?.expiresAt ?? null);
      wrote();
    },
    async replace(ns, key, value) {
      writing();
      return update.run(json(value), prefix + ns, key, clock.now()).changes > 0;
    },
    async delete(ns, key) {
      writing();
      remove.run(prefix + ns, key);
    },
    async claim(ns, key, expiresAt) {
      writing();
      const taken = claim.run(prefix + ns, key, expiresAt ?? null, clock.now()).changes > 0;
      wrote();
      return taken;
    },
    async entries<T>(ns: string) {
      return (list.all(prefix + ns, clock.now()) as Array<[string, string]>).map(([key, json]): [string, T] => [key, JSON.parse(json) as T]);
    },
    async increment(ns, key, by, expiresAt) {
      writing();
      const value = increment(prefix + ns, key, by, expiresAt);
      wrote();
      return value;
    },
    async append(name, entry, max) {
      writing();
      const log = prefix + name;
      const l = logOf(log);
      if (l.max !== max) {
        bound.run(log, max);
        l.max = max;
      }
      const n = l.last + 1;
      addToLog.run(log, n, json(entry));
      l.last = n;
      if (n % TRIM_EVERY === 0 && n > max) trimLog.run(log, n - max);
      return n;
    },
    async read<T>(name: string) {
      const log = prefix + name;
      const l = logOf(log);
      return (readLog.all(log, Math.max(0, l.last - l.max)) as Array<[number, string]>).map(([n, json]): [number, T] => [n, JSON.parse(json) as T]);
    },
    async clear() {
      writing();
      clear();
      logs.clear();
    },
  };
}
