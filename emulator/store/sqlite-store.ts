import type Database from 'better-sqlite3';
import type { Clock } from '../clock/clock.js';
import type { Store } from './store.js';

/**
 * Expired entries are skipped when read (every query compares `expires_at` with the virtual clock's now), and
 * deleted by a sweep every `SWEEP_EVERY` writes, at most `SWEEP_BATCH` rows at a time, first expired first
 * (the partial index on `expires_at`). Nothing expires by real time: moving the clock expires at once, and a
 * database reopened after a week still holds what the virtual clock says is alive.
 */
const SWEEP_EVERY = 1024;
const SWEEP_BATCH = 2048;

const LIVE = '(expires_at IS NULL OR expires_at > ?)';

/**
 * The {@link Store} over SQLite (better-sqlite3). Every call is one statement, or one transaction where it takes
 * several (`increment`, `append`, `clear`), committed before its promise settles: what the emulator acknowledged
 * is on disk. Calls run synchronously (better-sqlite3 has no asynchronous API; a prepared statement answers in
 * microseconds, less than a promise's round trip), their results handed back as settled promises. Values are
 * JSON; `get` returns a fresh copy each time.
 */
export function createSqliteStore(db: Database.Database, clock: Clock): Store {
  const sql = <P extends unknown[]>(text: string) => db.prepare<P>(text);
  const getValue = sql<[string, string, number]>(`SELECT value FROM entries WHERE ns = ? AND key = ? AND ${LIVE}`).pluck();
  const insert = sql<[string, string, string, number | null]>('INSERT OR REPLACE INTO entries (ns, key, value, expires_at) VALUES (?, ?, ?, ?)');
  const update = sql<[string, string, string, number]>(`UPDATE entries SET value = ? WHERE ns = ? AND key = ? AND ${LIVE}`);
  const remove = sql<[string, string]>('DELETE FROM entries WHERE ns = ? AND key = ?');
  const list = sql<[string, number]>(`SELECT key, value FROM entries WHERE ns = ? AND ${LIVE} ORDER BY rowid`).raw();
  const sweepExpired = sql<[number, number]>('DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)');
  const nextInLog = sql<[string]>('INSERT INTO log_heads (log, appended) VALUES (?, 1) ON CONFLICT (log) DO UPDATE SET appended = appended + 1 RETURNING appended').pluck();
  const addToLog = sql<[string, number, string]>('INSERT INTO logs (log, n, entry) VALUES (?, ?, ?)');
  const trimLog = sql<[string, number]>('DELETE FROM logs WHERE log = ? AND n <= ?');
  const readLog = sql<[string]>('SELECT n, entry FROM logs WHERE log = ? ORDER BY n').raw();

  let writes = 0;
  const wrote = (): void => {
    if (++writes % SWEEP_EVERY === 0) sweepExpired.run(clock.now(), SWEEP_BATCH);
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
  const append = db.transaction((log: string, json: string, max: number): number => {
    const n = nextInLog.get(log) as number;
    addToLog.run(log, n, json);
    if (n > max) trimLog.run(log, n - max);
    return n;
  });
  const clear = db.transaction(() => {
    db.exec('DELETE FROM entries; DELETE FROM logs; DELETE FROM log_heads');
  });

  sweepExpired.run(clock.now(), Number.MAX_SAFE_INTEGER);

  return {
    async get<T>(ns: string, key: string) {
      return parse<T>(getValue.get(ns, key, clock.now()));
    },
    async set(ns, key, value, options) {
      insert.run(ns, key, json(value), options?.expiresAt ?? null);
      wrote();
    },
    async replace(ns, key, value) {
      return update.run(json(value), ns, key, clock.now()).changes > 0;
    },
    async delete(ns, key) {
      remove.run(ns, key);
    },
    async entries<T>(ns: string) {
      return (list.all(ns, clock.now()) as Array<[string, string]>).map(([key, json]): [string, T] => [key, JSON.parse(json) as T]);
    },
    async increment(ns, key, by, expiresAt) {
      const value = increment(ns, key, by, expiresAt);
      wrote();
      return value;
    },
    async append(log, entry, max) {
      return append(log, json(entry), max);
    },
    async read<T>(log: string) {
      return (readLog.all(log) as Array<[number, string]>).map(([n, json]): [number, T] => [n, JSON.parse(json) as T]);
    },
    async clear() {
      clear();
    },
  };
}
