import type Database from 'better-sqlite3';

/**
 * Group commit: the writes of one turn of the event loop share one transaction, committed at the end of that turn
 * (`setImmediate`) or earlier, by `flush()`, before any response leaves (see http/commit-before-response.ts). A
 * commit appends the pages it changed to the write-ahead log, tens of microseconds each: a journey writes about 40
 * times over its 7 requests, a token request twice. What a response acknowledges was committed before it was sent,
 * so a kill loses nothing acknowledged; a turn's writes are kept all together or, killed before its commit, not
 * at all.
 *
 * A write no response acknowledges (a log entry: the journal's, appended once its response has gone) need not
 * commit on its own: it waits for the next commit, at most {@link LATER_MS}. Under load that is the next
 * request's, so a token costs one commit instead of two; a kill in between loses only that entry.
 */
export interface GroupCommits {
  /** Called before each write: opens the turn's transaction if none is open. */
  writing(): void;
  /** Called before a write nothing has acknowledged: joins the open transaction, or opens one committed later. */
  writingLater(): void;
  /** Commits the open transaction, if any. */
  flush(): void;
}

/** The longest an unacknowledged write waits for another commit to join. */
export const LATER_MS = 50;

export function groupCommits(db: Database.Database): GroupCommits {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let open = false;
  // The pending commits, cancelled by an earlier flush: a stale one would commit the next waiting write alone.
  let soon: NodeJS.Immediate | undefined;
  let later: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (soon) clearImmediate(soon);
    if (later) clearTimeout(later);
    soon = later = undefined;
    if (!open) return;
    open = false;
    commit.run();
  };
  const opening = (): void => {
    if (open) return;
    begin.run();
    open = true;
  };
  return {
    writing() {
      opening();
      soon ??= setImmediate(flush);
    },
    writingLater() {
      opening();
      if (!soon && !later) later = setTimeout(flush, LATER_MS);
    },
    flush,
  };
}
