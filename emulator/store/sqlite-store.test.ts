import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { DATABASE_FILE, SCHEMA_VERSION } from './sqlite-file.js';
import { openSqliteState } from './sqlite-state.js';
import { SWEEP_EXPIRED } from './sqlite-store.js';
import type { EmulatorState } from './state.js';
import { StateOpenError } from './state-open-error.js';
import { storeContract, tenantContract } from './store-contract.js';

const opened: EmulatorState[] = [];
const open = (dir: string): EmulatorState => {
  const state = openSqliteState(dir);
  opened.push(state);
  return state;
};
const dirs: string[] = [];
const tempDir = (): string => {
  dirs.push(mkdtempSync(join(tmpdir(), 'sqlite-store-')));
  return dirs.at(-1)!;
};
afterEach(() => {
  for (const state of opened.splice(0)) state.close();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('SQLite store', () => {
  describe('the Store contract', () => storeContract((clock) => open(tempDir()).store(clock)));
  describe("a tenant's Store contract", () => storeContract(async (clock) => (await open(tempDir()).tenant('t-1')).store(clock)));
  describe('tenants', () => tenantContract(async () => open(tempDir())));

  it('keeps entries, expiries, logs and meta across a close and a reopen', async () => {
    const dir = tempDir();
    const clock = createClock({ frozen: true, start: 0 });
    const first = open(dir);
    const store = first.store(clock);
    await store.set('codes', 'a', { x: 1 }, { expiresAt: 1000 });
    await store.set('apps', 'b', 'kept');
    await store.append('journal', 'entry', 10);
    first.meta.set('clock', { base: 5, offset: 0 });
    first.close();
    opened.length = 0;

    const again = open(dir);
    const reopened = again.store(clock);
    expect(await reopened.get('codes', 'a')).toEqual({ x: 1 });
    expect(await reopened.get('apps', 'b')).toBe('kept');
    expect(await reopened.append('journal', 'next', 10)).toBe(2);
    expect(again.meta.get('clock')).toEqual({ base: 5, offset: 0 });
    expect(again.meta.get('missing')).toBeUndefined();
    clock.advance(1000);
    expect(await reopened.get('codes', 'a')).toBeUndefined();
  });

  it('deletes expired rows when they are swept, not only hides them', async () => {
    const dir = tempDir();
    const clock = createClock({ frozen: true, start: 0 });
    const state = open(dir);
    const store = state.store(clock);
    for (let i = 0; i < 3000; i++) await store.set('tokens', `old-${i}`, i, { expiresAt: 1000 });
    clock.advance(1000);
    for (let i = 0; i < 2048; i++) await store.set('tokens', `new-${i}`, i, { expiresAt: 5000 });
    state.close();
    opened.length = 0;
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const old = db.prepare("SELECT count(*) FROM entries WHERE key LIKE 'old-%'").pluck().get();
    db.close();
    expect(old).toBe(0);
  });

  it('sweeps through the expiry index, not by reading every row of the scope', () => {
    const dir = tempDir();
    open(dir).close();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${SWEEP_EXPIRED}`).all(0, '', '~', 1) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    db.close();
    expect(plan).toContain('USING INDEX entries_by_expiry');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('hands back a copy: changing what get returned changes nothing stored', async () => {
    const store = open(tempDir()).store(createClock());
    await store.set('ns', 'k', { list: [1] });
    const value = (await store.get<{ list: number[] }>('ns', 'k'))!;
    value.list.push(2);
    expect(await store.get('ns', 'k')).toEqual({ list: [1] });
  });

  it('refuses a data directory another process (or connection) holds, naming the file', () => {
    const dir = tempDir();
    open(dir);
    expect(() => open(dir)).toThrow(StateOpenError);
    expect(() => open(dir)).toThrow(`${join(dir, DATABASE_FILE)} is in use by another hmrc-sandbox process`);
  });

  it('refuses a database from a newer version, a corrupt file and another program\'s database', () => {
    const newer = tempDir();
    open(newer).close();
    opened.length = 0;
    const db = new Database(join(newer, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => open(newer)).toThrow(`was written by a newer hmrc-sandbox (schema ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION}): upgrade hmrc-sandbox`);

    const corrupt = tempDir();
    writeFileSync(join(corrupt, DATABASE_FILE), 'this is not a database, it is a shopping list: eggs, milk, tea. '.repeat(100));
    expect(() => open(corrupt)).toThrow(/hmrc-sandbox\.db is corrupt or not a database \(file is not a database\): move it away/);

    const foreign = tempDir();
    const other = new Database(join(foreign, DATABASE_FILE));
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    expect(() => open(foreign)).toThrow(/hmrc-sandbox\.db is not an hmrc-sandbox database/);
  });

  it('refuses a data directory it cannot create', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(() => open(join(file, 'data'))).toThrow(/cannot create the data directory .*a-file\/data \(ENOTDIR\)/);
  });

  it('carries a schema 1 file forward: its entries, logs, bounds and meta are kept, and its logs go on numbering', async () => {
    const dir = tempDir();
    // A file as version 1 wrote it (its tables as they were then, not as the current schema makes them).
    const v1 = new Database(join(dir, DATABASE_FILE));
    v1.exec(`CREATE TABLE entries (ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, expires_at INTEGER, UNIQUE (ns, key));
      CREATE INDEX entries_by_expiry ON entries (expires_at) WHERE expires_at IS NOT NULL;
      CREATE TABLE logs (log TEXT NOT NULL, n INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (log, n)) WITHOUT ROWID;
      CREATE TABLE log_bounds (log TEXT PRIMARY KEY, max INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO entries VALUES ('apps', 'a', '{"name":"kept"}', NULL);
      INSERT INTO logs VALUES ('journal', 1, '"first"'), ('journal', 2, '"second"'), ('~t-1~journal', 1, '"a tenant''s"');
      INSERT INTO log_bounds VALUES ('journal', 10);
      INSERT INTO meta VALUES ('clock', '{"base":5,"offset":0}');
      PRAGMA application_id = ${0x484d5243};
      PRAGMA user_version = 1;`);
    v1.close();

    const state = open(dir);
    const store = state.store(createClock({ frozen: true, start: 0 }));
    expect(await store.get('apps', 'a')).toEqual({ name: 'kept' });
    expect(await store.read('journal')).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
    expect(await store.append('journal', 'third', 10)).toBe(3);
    expect(await (await state.tenant('t-1')).store(createClock()).read('journal')).toEqual([[1, "a tenant's"]]);
    expect(state.meta.get('clock')).toEqual({ base: 5, offset: 0 });
    state.close();
    opened.length = 0;

    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'logs'").pluck().get()).not.toMatch(/WITHOUT ROWID/);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'logs_by_number'").pluck().get()).toBe('CREATE UNIQUE INDEX logs_by_number ON logs (log, n)');
    db.close();
  });

  it('writes the schema version and its own application id into a new database', () => {
    const dir = tempDir();
    open(dir).close();
    opened.length = 0;
    const header = readFileSync(join(dir, DATABASE_FILE)).subarray(60, 72);
    expect(header.readUInt32BE(0)).toBe(SCHEMA_VERSION);
    expect(header.subarray(8, 12).toString('latin1')).toBe('HMRC');
  });
});
