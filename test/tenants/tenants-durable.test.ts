import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../../emulator/server.js';
import { CLIENT_ID, CLIENT_SECRET, JSON_V1, REDIRECT_URI } from '../support.js';
import { PageClient } from './browserless.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bodies are checked by the assertions
const j = (res: Response): Promise<any> => res.json();

const dir = mkdtempSync(join(tmpdir(), 'tenants-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tenants on the SQLite store', () => {
  it('keeps tenants, their tokens and their clocks across a restart, and deletes them from the file', async () => {
    let sandbox = await start({ port: 0, dataDir: dir });
    const create = await fetch(`${sandbox.baseUrl}/_emulator/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"ci-7"}' });
    expect(create.status).toBe(201);
    let tenant = `${sandbox.baseUrl}/t/ci-7`;
    const authorize = `${tenant}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI })}`;
    const back = await new PageClient().link(authorize, REDIRECT_URI, { userId: 'user1', password: 'password1' });
    const tokens = await fetch(`${tenant}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT_URI, code: back.searchParams.get('code')! }),
    });
    const { access_token: token } = await j(tokens);
    const moved = await j(await fetch(`${tenant}/_emulator/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"by":"PT2H"}' }));
    await sandbox.stop();

    sandbox = await start({ port: 0, dataDir: dir });
    tenant = `${sandbox.baseUrl}/t/ci-7`;
    expect((await j(await fetch(`${sandbox.baseUrl}/_emulator/tenants`))).tenants.map((t: { id: string }) => t.id)).toEqual(['ci-7']);
    expect((await fetch(`${tenant}/hello/user`, { headers: { accept: JSON_V1, authorization: `Bearer ${token}` } })).status).toBe(200);
    const clock = await j(await fetch(`${tenant}/_emulator/clock`));
    expect(Date.parse(clock.now)).toBeGreaterThanOrEqual(Date.parse(moved.now));
    expect(Date.parse(clock.now) - Date.now()).toBeGreaterThan(3600_000);

    expect((await fetch(`${sandbox.baseUrl}/_emulator/tenants/ci-7`, { method: 'DELETE' })).status).toBe(204);
    await sandbox.stop();
    sandbox = await start({ port: 0, dataDir: dir });
    expect((await j(await fetch(`${sandbox.baseUrl}/_emulator/tenants`))).tenants).toEqual([]);
    expect((await fetch(`${sandbox.baseUrl}/t/ci-7/hello/world`, { headers: { accept: JSON_V1 } })).status).toBe(404);
    await sandbox.stop();
  });
});
