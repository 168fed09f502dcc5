// The store figures of `npm run bench`: what SQLite and Redis cost beside the memory store, what idle tenants
// cost, and how fast a large database starts. Helpers only; bench.mjs runs them beside its other figures.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { send } from './http.mjs';

const REDIS_SERVER = '/usr/bin/redis-server';

/** A free loopback port. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Debian's redis-server on a free loopback port, persisting as an emulator's store would in production
 * (append-only file, fsync every second); undefined, with the reason, when it is not installed.
 */
export async function startRedis() {
  if (!existsSync(REDIS_SERVER)) return { skipped: `${REDIS_SERVER} is not installed (apt-get install redis-server)` };
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const port = await freePort();
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec'], { stdio: 'ignore' });
  for (let i = 0; i < 200; i++) {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return {
    url: `redis://127.0.0.1:${port}/0`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates `count` tenants on a running emulator, each used once; resolves when all answered. */
export async function createTenants(target, agent, count) {
  for (let i = 0; i < count; i++) {
    const res = await send(target, { method: 'POST', path: '/_emulator/tenants', agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: `bench-${i}` }) });
    if (res.status !== 201) throw new Error(`tenant ${i}: ${res.status} ${res.body.slice(0, 200)}`);
    const hello = await send(target, { path: `/t/bench-${i}/hello/world`, agent, headers: { accept: 'application/vnd.hmrc.1.0+json' } });
    if (hello.status !== 200) throw new Error(`tenant ${i} /hello/world: ${hello.status}`);
  }
}

/**
 * Grows the SQLite database in `dataDir` (made by one emulator start) to about `megabytes`, with live access
 * tokens as a busy team's would be, so a cold start has a large file to open.
 */
export function growDatabase(dataDir, megabytes) {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const db = new Database(join(dataDir, 'hmrc-sandbox.db'));
  const insert = db.prepare('INSERT INTO entries (ns, key, value, expires_at) VALUES (?, ?, ?, ?)');
  const value = JSON.stringify({ accountId: 'user1', clientId: 'LocalSandboxDefaultClientId0', grantId: 'g'.repeat(43), scope: 'read:vat write:vat', padding: 'x'.repeat(300) });
  const far = Date.UTC(8000, 0, 1);
  const rows = Math.ceil((megabytes * 1024 * 1024) / (value.length + 80));
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('oidc:AccessToken', randomBytes(32).toString('base64url'), value, far);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return rows;
}
