import type Database from 'better-sqlite3';

/**
 * Group commit: the writes of one turn of the event loop share one transaction, committed at the end of that turn
 * (`setImmediate`) or earlier, by `flush()`, before any response leaves (see http/commit-before-response.ts). A
 * commit appends the pages it changed to the write-ahead log, tens of microseconds each: a journey writes about 40
 * times over its 7 requests, a token request twice. What a response acknowledges was committed before it was sent,
 * so a kill loses nothing acknowledged; a turn's writes are kept all together or, killed before its commit, not
 * at all.
 */
export interface GroupCommits {
  /** Called before each write: opens the turn's transaction if none is open. */
  writing(): void;
  /** Commits the open transaction, if any. */
  flush(): void;
}

export function groupCommits(db: Database.Database): GroupCommits {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let open = false;
  const flush = (): void => {
    if (!open) return;
    open = false;
    commit.run();
  };
  return {
    writing() {
      if (open) return;
      begin.run();
      open = true;
      setImmediate(flush);
    },
    flush,
  };
}
