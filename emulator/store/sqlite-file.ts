import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StateOpenError } from './state-open-error.js';

/** The database's file name inside the data directory. */
export const DATABASE_FILE = 'hmrc-sandbox.db';

/** `PRAGMA application_id`: marks the file as this emulator's ("HMRC"), so another program's database is refused. */
const APPLICATION_ID = 0x484d5243;

/**
 * The schema, by version (`PRAGMA user_version`); a new file runs every step, an older one the steps it lacks, each
 * step in the one transaction that also sets the version. A later version appends its step here; a file from a
 * version not listed is refused.
 *
 * 1. One table of namespaced entries with their expiry in virtual time (the rowid keeps insertion order), bounded
 *    logs (numbered entries, and each log's bound), and the meta (clock, keys).
 * 2. The logs' entries in a rowid table, packed in the order they are appended: a WITHOUT ROWID table keeps at most
 *    about a quarter of a page of a row in its tree and the rest in overflow pages of its own, so every journal entry
 *    over ~1 KB (most of them) took two pages. A third of the pages a sign-in journey wrote were the journal's.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE entries (ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires_at INTEGER, UNIQUE (ns, key));
   CREATE INDEX entries_by_expiry ON entries (expires_at) WHERE expires_at IS NOT NULL;
   CREATE TABLE logs (log TEXT NOT NULL, n INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (log, n)) WITHOUT ROWID;
   CREATE TABLE log_bounds (log TEXT PRIMARY KEY, max INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,
  `CREATE TABLE packed_logs (log TEXT NOT NULL, n INTEGER NOT NULL, entry TEXT NOT NULL);
   INSERT INTO packed_logs (log, n, entry) SELECT log, n, entry FROM logs ORDER BY log, n;
   DROP TABLE logs;
   ALTER TABLE packed_logs RENAME TO logs;
   CREATE UNIQUE INDEX logs_by_number ON logs (log, n);`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Opens (or makes) the data directory's database for this process alone, at the current schema.
 *
 * - WAL journal, `synchronous = NORMAL`: each commit is appended to the write-ahead log before the call returns, so
 *   it survives the process being killed at any moment; only the machine losing power can lose the last commits
 *   (that would take an fsync per commit, `FULL`, for a test tool's data).
 * - `locking_mode = EXCLUSIVE`, taken at once: a second emulator on the same directory is refused at start-up
 *   rather than sharing the file. The operating system drops the lock when the process dies, however it dies, so a
 *   killed emulator never leaves a stale lock behind.
 *
 * @throws StateOpenError with one line naming the file and what to do.
 */
export function openDatabase(dataDir: string): { db: Database.Database; file: string } {
  const dir = resolve(dataDir);
  const file = join(dir, DATABASE_FILE);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new StateOpenError(`cannot create the data directory ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): give another with --data-dir, or run with --ephemeral`);
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 500 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    migrate(db, file);
    return { db, file };
  } catch (e) {
    db?.close();
    if (e instanceof StateOpenError) throw e;
    throw new StateOpenError(describe(e as Error & { code?: string }, file));
  }
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const empty = (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) === 0;
  if (!empty && applicationId !== APPLICATION_ID) {
    throw new StateOpenError(`${file} is not an hmrc-sandbox database: move it away, or give another --data-dir`);
  }
  if (version > SCHEMA_VERSION) {
    throw new StateOpenError(`${file} was written by a newer hmrc-sandbox (schema ${version}; this version reads up to ${SCHEMA_VERSION}): upgrade hmrc-sandbox, or give another --data-dir`);
  }
  if (version < 0 || (version === 0 && !empty)) {
    throw new StateOpenError(`${file} has an unknown schema (version ${version}): move it away to start afresh, or give another --data-dir`);
  }
  db.transaction(() => {
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function describe(e: Error & { code?: string }, file: string): string {
  switch (e.code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return `${file} is in use by another hmrc-sandbox process: stop that one, or give this one another --data-dir (or --ephemeral)`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `${file} is corrupt or not a database (${e.message}): move it away (or delete it) to start afresh`;
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return `cannot open ${file} for writing (${e.message}): check the data directory's permissions, or give another --data-dir`;
    default:
      return `cannot open ${file} (${e.code ?? e.name}: ${e.message}): move it away to start afresh, or give another --data-dir`;
  }
}
