import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, kill, startEmulator, type EmulatorProcess } from '../durability/emulator-process.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { CLIENT_ID, CLIENT_SECRET, JSON_V1, REDIRECT_URI } from '../support.js';
import { PageClient } from '../tenants/browserless.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bodies are checked by the assertions
const j = (res: Response): Promise<any> => res.json();
const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const tokenRequest = (base: string, fields: Record<string, string>) =>
  fetch(`${base}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...fields }) });
const exchange = (base: string, code: string) => tokenRequest(base, { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, code });
const refresh = (base: string, token: string) => tokenRequest(base, { grant_type: 'refresh_token', refresh_token: token });
const hello = (base: string, token: string) => fetch(`${base}/hello/user`, { headers: { accept: JSON_V1, authorization: `Bearer ${token}` } });
const authorizeUrl = (base: string) => `${base}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI, state: 's' })}`;
const link = (base: string) => new PageClient().link(authorizeUrl(base), REDIRECT_URI, { userId: 'user1', password: 'password1' });
const code = async (base: string) => (await link(base)).searchParams.get('code')!;

describe('two emulator processes on one Redis behave as one emulator', () => {
  let redis: RedisServer;
  const processes: EmulatorProcess[] = [];
  let a = '';
  let b = '';
  const dir = mkdtempSync(join(tmpdir(), 'two-processes-'));

  beforeAll(async () => {
    redis = await startRedisServer();
    const config = join(dir, 'sandbox.json');
    writeFileSync(config, JSON.stringify({ throttle: { requestsPerSecond: 1000, windowSeconds: 60 } }));
    for (const port of [await freePort(), await freePort()]) processes.push(await startEmulator(['--port', String(port), '--store', redis.url, '--config', config]));
    [a, b] = processes.map((p) => p.baseUrl) as [string, string];
  }, 60_000);
  afterAll(async () => {
    for (const p of processes) await kill(p);
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exchanges a code issued on one process once, on either', async () => {
    const issued = await code(a);
    expect((await exchange(b, issued)).status).toBe(200);
    const again = await exchange(a, issued);
    expect([again.status, (await j(again)).error_description]).toEqual([400, 'code is invalid']);

    // Raced: exactly one answer with tokens (the winner claims the code atomically, and reads neither the code nor
    // its grant again), every other one refused. The answers are in the message: this failed once, unexplained, when
    // the whole suite shared two busy cores (150 races in a row since: one 200 each).
    const raced = await code(b);
    const answers = await Promise.all([exchange(a, raced), exchange(b, raced), exchange(a, raced), exchange(b, raced)]);
    const seen = (await Promise.all(answers.map(async (r) => `${r.status} ${r.status === 200 ? 'tokens' : await r.text()}`))).sort();
    expect(seen, seen.join(' | ')).toEqual(['200 tokens', ...Array<string>(3).fill('400 {"error":"invalid_request","error_description":"code is invalid"}')]);
  });

  it('kills a refresh token rotated on one process on every process', async () => {
    const first = await j(await exchange(a, await code(a)));
    const rotated = await refresh(a, first.refresh_token);
    expect(rotated.status).toBe(200);
    const next = await j(rotated);
    const replay = await refresh(b, first.refresh_token);
    expect([replay.status, (await j(replay)).error]).toEqual([400, 'invalid_grant']);
    expect((await hello(b, first.access_token)).status).toBe(401);
    expect((await hello(b, next.access_token)).status).toBe(200);
    expect((await refresh(b, next.refresh_token)).status).toBe(200);
  });

  it('moves the virtual clock for every process', async () => {
    const before = Date.parse((await j(await fetch(`${b}/_emulator/clock`))).now);
    expect((await post(`${a}/_emulator/clock/advance`, { by: 'P2D' })).status).toBe(200);
    const after = Date.parse((await j(await fetch(`${b}/_emulator/clock`))).now);
    expect(after - before).toBeGreaterThanOrEqual(2 * 24 * 3600_000);
    expect(after - before).toBeLessThan(2 * 24 * 3600_000 + 60_000);
  });

  it('shares faults, journey presets, the journal and tenants', async () => {
    expect((await post(`${a}/_emulator/faults`, { id: 'api-internal-server-error' })).status).toBe(201);
    expect((await fetch(`${b}/hello/world`, { headers: { accept: JSON_V1 } })).status).toBe(500);
    expect((await fetch(`${a}/hello/world?after-the-fault`, { headers: { accept: JSON_V1 } })).status).toBe(200);
    expect(JSON.stringify(await j(await fetch(`${b}/_emulator/journal?path=/hello/world`)))).toContain('after-the-fault');

    expect((await post(`${a}/_emulator/journeys/presets`, { outcome: 'deny' })).status).toBe(201);
    expect((await link(b)).searchParams.get('error')).toBe('access_denied');

    expect((await post(`${a}/_emulator/tenants`, { id: 'shared' })).status).toBe(201);
    expect((await fetch(`${b}/t/shared/hello/world`, { headers: { accept: JSON_V1 } })).status).toBe(200);
    const inTenant = await exchange(`${b}/t/shared`, await code(`${a}/t/shared`));
    expect(inTenant.status).toBe(200);
    expect((await fetch(`${b}/_emulator/tenants/shared`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${a}/t/shared/hello/world`, { headers: { accept: JSON_V1 } })).status).toBe(404);
  });

  it("counts one application's requests in one throttle window across processes", async () => {
    const slow = { clientId: 'SlowApp_0000000000000000', clientSecrets: ['slow-app-secret'], name: 'Slow app', redirectUris: [], subscriptions: ['hello'], rateLimitPerSecond: 1 };
    expect((await post(`${a}/_emulator/applications`, slow)).status).toBe(201);
    const app = await j(await fetch(`${b}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: slow.clientId, client_secret: 'slow-app-secret' }) }));
    const call = (base: string) => fetch(`${base}/hello/application`, { headers: { accept: JSON_V1, authorization: `Bearer ${app.access_token}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await call(a)).status, (await call(b)).status);
    // 1 request/s over a 60 s window: the first 60 pass, then both processes refuse.
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.slice(60)).toEqual(Array(10).fill(429));
  });

  it("answers HMRC's 503 while Redis is down, and carries on by itself, losing nothing, when it is back", async () => {
    const kept = await j(await exchange(a, await code(a)));
    await redis.kill();
    const down = await fetch(`${a}/hello/world`, { headers: { accept: JSON_V1 } });
    expect([down.status, await j(down)]).toEqual([503, { code: 'SERVER_ERROR', message: 'Service unavailable' }]);
    const token = await tokenRequest(b, { grant_type: 'client_credentials' });
    expect([token.status, await j(token)]).toEqual([503, { code: 'SERVER_ERROR', message: 'Service unavailable' }]);

    await redis.restart();
    // Each process reconnects on its own schedule: wait for both (on a busy machine one may be back seconds later).
    for (const server of [b, a]) {
      let back = 0;
      for (let i = 0; i < 100 && back !== 200; i++) {
        back = (await hello(server, kept.access_token)).status;
        if (back !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(back).toBe(200);
    }
    expect((await refresh(a, kept.refresh_token)).status).toBe(200);
  });
});
