import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { groupCommits, LATER_MS } from './sqlite-commits.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('group commits', () => {
  let db: Database.Database;
  afterEach(() => db?.close());
  const open = () => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    return groupCommits(db);
  };

  it("commits a turn's writes together at the end of the turn, or at once on flush", async () => {
    const commits = open();
    commits.writing();
    db.prepare('INSERT INTO t VALUES (1)').run();
    commits.writing();
    db.prepare('INSERT INTO t VALUES (2)').run();
    expect(db.inTransaction).toBe(true);
    await turn();
    expect(db.inTransaction).toBe(false);
    commits.writing();
    commits.flush();
    expect(db.inTransaction).toBe(false);
  });

  it('keeps a write nothing acknowledged for the next commit, and commits it alone after LATER_MS', async () => {
    const commits = open();
    commits.writingLater();
    db.prepare('INSERT INTO t VALUES (1)').run();
    await turn();
    expect(db.inTransaction).toBe(true); // waiting for company
    commits.writing(); // the next request's write: both commit at the end of its turn
    await turn();
    expect(db.inTransaction).toBe(false);

    commits.writingLater();
    await turn();
    expect(db.inTransaction).toBe(true);
    await sleep(LATER_MS + 20);
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
  });

  it('lets a response flush a waiting write at once', () => {
    const commits = open();
    commits.writingLater();
    commits.flush();
    expect(db.inTransaction).toBe(false);
  });

  it("does not let a flushed turn's end commit the next waiting write alone", async () => {
    const commits = open();
    commits.writing(); // a request's write…
    commits.flush(); // …committed as its response is written
    commits.writingLater(); // its journal entry, once the response has gone
    await turn(); // the end of the request's turn
    expect(db.inTransaction).toBe(true);
  });
});
