import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, SCHEMA_VERSION } from '../../emulator/store/sqlite-file.js';
import { kill, runUntilExit, startEmulator, type EmulatorProcess, type CliResult } from './emulator-process.js';

/** What `serve` said about itself on stderr (Node 20 adds oidc-provider's runtime warning): its own lines. */
const ownLines = (result: CliResult): string[] => result.stderr.split('\n').filter((line) => line.startsWith('hmrc-sandbox'));

function expectOneLineRefusal(result: CliResult, message: RegExp): void {
  expect(result.code).toBe(1);
  expect(ownLines(result)).toHaveLength(1);
  expect(ownLines(result)[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).not.toContain('listening on');
}

describe('serve refuses a data directory it cannot use, in one line, with exit code 1', () => {
  const running: EmulatorProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const emulator of running) await kill(emulator);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = (): string => {
    dirs.push(mkdtempSync(join(tmpdir(), 'data-dir-errors-')));
    const dir = join(dirs.at(-1)!, 'data');
    mkdirSync(dir);
    return dir;
  };

  it('while another emulator process uses it', async () => {
    const dir = dataDir();
    running.push(await startEmulator(['--port', '0', '--data-dir', dir]));
    const second = await runUntilExit(['--port', '0', '--data-dir', dir]);
    expectOneLineRefusal(second, new RegExp(`^hmrc-sandbox: ${join(dir, DATABASE_FILE)} is in use by another hmrc-sandbox process: stop that one, or give this one another --data-dir \\(or --ephemeral\\)$`));
  }, 60_000);

  it('when its database is corrupt', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, DATABASE_FILE), Buffer.alloc(8192, 'not a database '));
    expectOneLineRefusal(await runUntilExit(['--port', '0', '--data-dir', dir]), new RegExp(`^hmrc-sandbox: ${join(dir, DATABASE_FILE)} is corrupt or not a database \\(file is not a database\\): move it away`));
  }, 60_000);

  it('when its database was written by a newer version', async () => {
    const dir = dataDir();
    const db = new Database(join(dir, DATABASE_FILE));
    db.exec('CREATE TABLE entries (ns TEXT)');
    db.pragma('application_id = 1213026883');
    db.pragma('user_version = 99');
    db.close();
    expectOneLineRefusal(await runUntilExit(['--port', '0', '--data-dir', dir]), new RegExp(`hmrc-sandbox\\.db was written by a newer hmrc-sandbox \\(schema 99; this version reads up to ${SCHEMA_VERSION}\\): upgrade hmrc-sandbox, or give another --data-dir$`));
  }, 60_000);
});
