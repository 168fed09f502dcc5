import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupCommits, LATER_MS } from './sqlite-commits.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('group commits', () => {
  let db: Database.Database;
  afterEach(() => {
    vi.useRealTimers();
    db?.close();
  });
  const open = () => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    return groupCommits(db);
  };

  it('keeps writes in one transaction until a flush, or commits them alone after LATER_MS', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] });
    const commits = open();
    commits.writing();
    db.prepare('INSERT INTO t VALUES (1)').run();
    commits.writing();
    db.prepare('INSERT INTO t VALUES (2)').run();
    vi.advanceTimersByTime(LATER_MS - 1);
    expect(db.inTransaction).toBe(true); // nobody needs them yet: waiting for company
    commits.flush();
    expect(db.inTransaction).toBe(false);

    commits.writing();
    db.prepare('INSERT INTO t VALUES (3)').run();
    vi.advanceTimersByTime(LATER_MS);
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
  });

  it("does not let a flushed write's timer commit the next write early", () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] });
    const commits = open();
    commits.writing(); // a request's write…
    vi.advanceTimersByTime(LATER_MS / 2);
    commits.flush(); // …committed as its response is sent
    commits.writing(); // the journal entry, once the response has gone
    vi.advanceTimersByTime(LATER_MS / 2 + 1); // past the first write's LATER_MS
    expect(db.inTransaction).toBe(true);
    vi.advanceTimersByTime(LATER_MS / 2);
    expect(db.inTransaction).toBe(false);
  });

  it('holds every response of a turn for the one commit of that turn, and tells them if it fails', async () => {
    const commits = open();
    const sent: string[] = [];
    commits.afterCommit(() => sent.push('nothing pending: at once'), () => sent.push('failed'));
    expect(sent).toEqual(['nothing pending: at once']);
    commits.writing();
    db.prepare('INSERT INTO t VALUES (1)').run();
    commits.afterCommit(() => sent.push(`a (in a transaction: ${db.inTransaction})`), () => sent.push('a failed'));
    commits.writing();
    db.prepare('INSERT INTO t VALUES (2)').run();
    commits.afterCommit(() => sent.push(`b (in a transaction: ${db.inTransaction})`), () => sent.push('b failed'));
    expect(sent).toHaveLength(1);
    await turn();
    expect(sent.slice(1)).toEqual(['a (in a transaction: false)', 'b (in a transaction: false)']);

    // A commit that fails (here: a deferred foreign key broken) rolls the turn back and fails its waiters.
    db.exec('PRAGMA foreign_keys = ON; CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    commits.writing();
    db.prepare('INSERT INTO c VALUES (42)').run();
    commits.afterCommit(() => sent.push('c'), () => sent.push('c failed'));
    await turn();
    expect(sent.at(-1)).toBe('c failed');
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT count(*) FROM c').pluck().get()).toBe(0);
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
