import type Database from 'better-sqlite3';
import type { Meta } from './meta.js';
import { groupCommits, type GroupCommits } from './sqlite-commits.js';
import { openDatabase } from './sqlite-file.js';
import { createSqliteStore } from './sqlite-store.js';
import type { EmulatorState } from './state.js';

/** The emulator's state in `dataDir/hmrc-sandbox.db`: the store's entries and logs, and the meta, in one file. */
export function openSqliteState(dataDir: string): EmulatorState {
  const { db, file } = openDatabase(dataDir);
  const commits = groupCommits(db);
  return {
    file,
    meta: sqliteMeta(db, commits),
    store: (clock) => createSqliteStore(db, clock, commits),
    flush: commits.flush,
    close: () => {
      if (!db.open) return;
      commits.flush();
      db.close();
    },
  };
}

function sqliteMeta(db: Database.Database, commits: GroupCommits): Meta {
  const read = db.prepare<[string]>('SELECT value FROM meta WHERE key = ?').pluck();
  const write = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  return {
    get: <T>(key: string) => {
      const json = read.get(key) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as T);
    },
    set: (key, value) => {
      commits.writing();
      write.run(key, JSON.stringify(value));
    },
  };
}
