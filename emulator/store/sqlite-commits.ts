import type Database from 'better-sqlite3';

/**
 * Group commit: writes join one open transaction, committed when a response needs them durable or after
 * {@link LATER_MS}, whichever comes first. A response that acknowledges writes waits for their commit (`afterCommit`,
 * at the end of the turn; see http/commit-before-response.ts), so under load every request answered in one turn,
 * and every write made since the last commit (a sign-in's writes before its password check, the journal entries of
 * responses already sent), share one commit: each commit appends the pages it changed to the write-ahead log, tens of
 * microseconds a page. What a response acknowledges was committed before it was sent, so a kill loses nothing
 * acknowledged; the writes of one commit are kept all together or, killed before it, not at all. A write no response
 * acknowledges (a log entry, a sweep) is committed within LATER_MS.
 *
 * A failed commit (a full disk) rolls back every write since the last one, of every tenant, and closes the
 * connections of the responses waiting for it. What the process keeps beside the file (a log's last entry number,
 * the clock it read at start) may then be ahead of the file until the next start; it is logged, not repaired.
 */
export interface GroupCommits {
  /** Called before each write: opens a transaction if none is open, committed within LATER_MS at the latest. */
  writing(): void;
  /** Commits the open transaction, if any; throws if the commit fails (the transaction is then rolled back). */
  flush(): void;
  /**
   * Runs `done` once everything written so far is committed: at once when nothing is pending, else after the commit
   * at the end of this turn. If that commit fails, `failed` runs instead (what was written is rolled back).
   */
  afterCommit(done: () => void, failed: (err: unknown) => void): void;
}

/** The longest a write waits for a response to commit it. */
export const LATER_MS = 50;

/** Runs a waiter; one that throws (a response that cannot be sent) must not keep the others from theirs. */
function settle(waiter: () => void): void {
  try {
    waiter();
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'a response waiting for a commit failed', error: String(err) }));
  }
}

export function groupCommits(db: Database.Database): GroupCommits {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let open = false;
  // The pending commits (end of turn for a waiting response, LATER_MS for a write), cancelled by a flush.
  let soon: NodeJS.Immediate | undefined;
  let later: NodeJS.Timeout | undefined;
  let waiting: Array<{ done: () => void; failed: (err: unknown) => void }> = [];
  const flush = (): void => {
    if (soon) clearImmediate(soon);
    if (later) clearTimeout(later);
    soon = later = undefined;
    const waiters = waiting;
    waiting = [];
    if (open) {
      open = false;
      try {
        commit.run();
      } catch (err) {
        try {
          if (db.inTransaction) db.exec('ROLLBACK');
        } finally {
          for (const w of waiters) settle(() => w.failed(err));
        }
        throw err;
      }
    }
    for (const w of waiters) settle(w.done);
  };
  // At the end of a turn nobody is there to catch a failed commit: its waiters have been told, so it is only logged.
  const flushAtTurnEnd = (): void => {
    try {
      flush();
    } catch (err) {
      console.error(JSON.stringify({ level: 'error', msg: 'SQLite commit failed; the writes of that turn were rolled back and their responses not sent', error: String(err) }));
    }
  };
  const opening = (): void => {
    if (open) return;
    begin.run();
    open = true;
  };
  return {
    writing() {
      opening();
      if (!soon && !later) later = setTimeout(flushAtTurnEnd, LATER_MS);
    },
    flush,
    afterCommit(done, failed) {
      if (!open) return done();
      waiting.push({ done, failed });
      soon ??= setImmediate(flushAtTurnEnd);
    },
  };
}
