import type Database from 'better-sqlite3';
import type { Meta } from './meta.js';
import { groupCommits, type GroupCommits } from './sqlite-commits.js';
import { openDatabase } from './sqlite-file.js';
import { clearScope, createSqliteStore, DEFAULT_SCOPE, tenantScope, type SqliteScope } from './sqlite-store.js';
import type { EmulatorState, StateScope } from './state.js';

/**
 * The emulator's state in `dataDir/hmrc-sandbox.db`: the store's entries and logs, and the meta, in one file; each
 * tenant's behind its prefix (sqlite-store.ts), on the one connection and its group commits.
 */
export function openSqliteState(dataDir: string): EmulatorState {
  const { db, file } = openDatabase(dataDir);
  const commits = groupCommits(db);
  const scoped = (scope: SqliteScope): StateScope => ({
    meta: sqliteMeta(db, commits, scope),
    store: (clock) => createSqliteStore(db, clock, commits, scope),
  });
  const dropTenant = db.transaction((id: string) => {
    const scope = tenantScope(id);
    clearScope(db, scope);
    db.prepare('DELETE FROM meta WHERE key >= ? AND key < ?').run(scope.prefix, `${scope.prefix}\uffff`);
  });
  return {
    file,
    ...scoped(DEFAULT_SCOPE),
    tenant: async (id) => scoped(tenantScope(id)),
    dropTenant: async (id) => {
      commits.writing();
      dropTenant(id);
    },
    commits,
    close: () => {
      if (!db.open) return;
      try {
        commits.flush();
      } finally {
        db.close(); // lets go of the lock even when the last commit failed
      }
    },
  };
}

function sqliteMeta(db: Database.Database, commits: GroupCommits, { prefix }: SqliteScope): Meta {
  const read = db.prepare<[string]>('SELECT value FROM meta WHERE key = ?').pluck();
  const write = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  return {
    get: <T>(key: string) => {
      const json = read.get(prefix + key) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as T);
    },
    set: (key, value) => {
      commits.writing();
      write.run(prefix + key, JSON.stringify(value));
    },
  };
}
