import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../emulator/clock/clock.js';
import { start } from '../../emulator/server.js';
import { createMemoryStore } from '../../emulator/store/memory-store.js';
import { applicationToken, authorize, CLIENT_ID, CLIENT_SECRET, emulator, exchange, JSON_V1, REDIRECT_URI } from '../support.js';

describe('control API', () => {
  it('reports health and the virtual clock, and moves the clock by an ISO-8601 duration', async () => {
    const e = await emulator();
    expect((await request(e.app).get('/_emulator/health')).body).toMatchObject({ status: 'ok' });
    expect((await request(e.app).get('/_emulator/clock')).body).toEqual({ now: '2026-01-15T09:00:00.000Z' });
    const moved = await request(e.app).post('/_emulator/clock/advance').send({ by: 'PT4H' });
    expect(moved.body).toEqual({ now: '2026-01-15T13:00:00.000Z' });
  });

  it('resets to the seed: tokens, registered applications and the clock are forgotten', async () => {
    const e = await emulator();
    const token = await applicationToken(e);
    await request(e.app).post('/_emulator/applications').send({ clientId: 'TempApp', clientSecrets: ['temp-secret-1'], name: 'Temp', redirectUris: [] });
    await request(e.app).post('/_emulator/clock/advance').send({ by: 'P1D' });
    await request(e.app).post('/_emulator/reset');
    expect((await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const apps = (await request(e.app).get('/_emulator/applications')).body.applications;
    expect(apps.map((a: { clientId: string }) => a.clientId)).toEqual([CLIENT_ID]);
    expect((await request(e.app).get('/_emulator/clock')).body.now).toBe('2026-01-15T09:00:00.000Z');
    expect((await request(e.app).get('/_emulator/accounts')).body.accounts.some((a: { userId: string }) => a.userId === 'user1')).toBe(true);
  });

  it('registers applications by HMRC\'s rules and never shows internal secrets', async () => {
    const e = await emulator();
    const bad = await request(e.app).post('/_emulator/applications').send({ clientId: 'BadApp', clientSecrets: ['bad-secret-1'], name: 'Bad', redirectUris: ['http://example.com/cb'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('only allowed for localhost');
    const tooMany = await request(e.app)
      .post('/_emulator/applications')
      .send({ clientId: 'ManyApp', clientSecrets: ['many-secret-1'], name: 'Many', redirectUris: [1, 2, 3, 4, 5, 6].map((n) => `https://example.com/${n}`) });
    expect(tooMany.status).toBe(400);
    const ok = await request(e.app).post('/_emulator/applications').send({ clientId: 'GoodApp', clientSecrets: ['good-secret-1'], name: 'Good', redirectUris: ['https://example.com/cb'] });
    expect(ok.status).toBe(201);
    expect(JSON.stringify((await request(e.app).get('/_emulator/applications')).body)).not.toContain('internalSecret');
  });

  it('lists accounts with their sign-in details but without password hashes', async () => {
    const e = await emulator();
    const { accounts } = (await request(e.app).get('/_emulator/accounts')).body;
    const legacy = accounts.find((a: { userId: string }) => a.userId === 'user1');
    expect(legacy).toMatchObject({ password: 'password1', affinityGroup: 'Individual' });
    expect(JSON.stringify(accounts)).not.toContain('scrypt$');
  });
});

describe('request journal', () => {
  it('records requests and responses with secrets masked and codes fingerprinted, filterable by client', async () => {
    const e = await emulator();
    const { code } = await authorize(e);
    await exchange(e, code!);
    await exchange(e, code!);
    await new Promise((resolve) => setImmediate(resolve));
    const { entries } = (await request(e.app).get('/_emulator/journal').query({ clientId: CLIENT_ID, path: '/oauth/token' })).body;
    expect(entries).toHaveLength(2);
    const [first, second] = entries;
    expect(first.requestBody.client_secret).toBe('***');
    expect(first.requestBody.code).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(second.requestBody.code).toBe(first.requestBody.code);
    expect(first.status).toBe(200);
    expect(first.responseBody.access_token).toMatch(/^sha256:/);
    expect(second.status).toBe(400);
    expect(JSON.stringify(entries)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(entries)).not.toContain(code);
  });

  it('records the headers as the software sent them: Basic credentials masked, bearer tokens fingerprinted', async () => {
    const e = await emulator();
    const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
    const token = await request(e.app).post('/oauth/token').set('Authorization', basic).set('Content-Type', 'application/json').send({ grant_type: 'client_credentials' });
    expect(token.status).toBe(200);
    await request(e.app).get('/hello/application').set('Accept', 'application/vnd.hmrc.1.0+json').set('Authorization', `Bearer ${token.body.access_token}`);
    await new Promise((resolve) => setImmediate(resolve));
    const { entries } = (await request(e.app).get('/_emulator/journal')).body;
    const [tokenEntry, apiEntry] = entries;
    expect(tokenEntry.requestHeaders.authorization).toBe('Basic ***');
    expect(tokenEntry.requestHeaders['content-type']).toBe('application/json');
    expect(tokenEntry.clientId).toBe(CLIENT_ID);
    expect(apiEntry.requestHeaders.authorization).toMatch(/^Bearer sha256:[0-9a-f]{12}$/);
    expect(apiEntry.clientId).toBe(CLIENT_ID);
    expect(JSON.stringify(entries)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(entries)).not.toContain(token.body.access_token);
    expect(JSON.stringify(entries)).not.toContain(basic.slice(6));
  });

  it('keeps of a page only what it shows, its first 4,096 characters and …, all of a JSON body, and no cookie', async () => {
    const clock = createClock({ frozen: true, start: Date.parse('2026-01-15T09:00:00Z') });
    const store = createMemoryStore(clock);
    const e = await emulator({}, { clock, store });
    const agent = request.agent(e.app);
    const started = await agent.get('/oauth/authorize').query({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI });
    const page = await agent.get(started.headers.location as string);
    expect(page.text.length).toBeGreaterThan(8192);
    const token = await request(e.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    await new Promise((resolve) => setImmediate(resolve));

    const { entries } = (await request(e.app).get('/_emulator/journal')).body as { entries: Array<{ path: string; responseBody: unknown; requestHeaders: unknown; responseHeaders: unknown }> };
    expect(entries.find((entry) => entry.path === started.headers.location)!.responseBody).toBe(`${page.text.slice(0, 4096)}…`);
    expect(entries.find((entry) => entry.path === '/oauth/token')!.responseBody).toMatchObject({ token_type: 'bearer', expires_in: token.body.expires_in });
    const kept = await store.read<{ path: string; responseText: string }>('journal');
    expect(kept.find(([, entry]) => entry.path === started.headers.location)![1].responseText).toHaveLength(4097);
    expect(kept.find(([, entry]) => entry.path === '/oauth/token')![1].responseText).toBe(token.text);
    // The journey's session cookies never reach the store: what is stored is what is shown, `***`.
    expect(started.headers['set-cookie']).toBeDefined();
    const raw = (path: string) => kept.find(([, entry]) => entry.path === path)![1] as unknown as { requestHeaders: string[]; responseHeaders: Record<string, unknown> };
    expect(raw('/oauth/authorize').responseHeaders['set-cookie']).toBe('***');
    expect(raw(started.headers.location as string).requestHeaders).toContain('***');
    expect(JSON.stringify(kept)).not.toMatch(/_interaction=|_session=|\.sig=/);
    expect(entries.find((entry) => entry.path === started.headers.location)).toMatchObject({ requestHeaders: { cookie: '***' } });
    expect(entries.find((entry) => entry.path === '/oauth/authorize')).toMatchObject({ responseHeaders: { 'set-cookie': '***' } });
  });

  it('records the response bodies its own server sent (start()): token, API, error and page', async () => {
    const sandbox = await start({ port: 0, throttle: { requestsPerSecond: 1000 } });
    try {
      const url = (path: string): string => `${sandbox.baseUrl}${path}`;
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
      const token = (await (await fetch(url('/oauth/token'), { method: 'POST', body: form })).json()) as { access_token: string };
      const api = await (await fetch(url('/hello/application'), { headers: { accept: JSON_V1, authorization: `Bearer ${token.access_token}` } })).text();
      const refused = await (await fetch(url('/hello/application'), { headers: { accept: JSON_V1 } })).text();
      const page = await (await fetch(url(`/oauth/authorize?response_type=code&client_id=${CLIENT_ID}&scope=hello&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`), { redirect: 'manual' })).text();
      await new Promise((resolve) => setImmediate(resolve));
      const { entries } = (await (await fetch(url('/_emulator/journal'))).json()) as { entries: Array<{ path: string; status: number; responseBody: unknown }> };
      expect(entries.map((e) => [e.path, e.status])).toEqual([
        ['/oauth/token', 200],
        ['/hello/application', 200],
        ['/hello/application', 401],
        ['/oauth/authorize', 303],
      ]);
      expect(entries[0]!.responseBody).toMatchObject({ access_token: expect.stringMatching(/^sha256:/), token_type: 'bearer' });
      expect(entries[1]!.responseBody).toEqual(JSON.parse(api));
      expect(entries[2]!.responseBody).toEqual(JSON.parse(refused));
      expect(entries[3]!.responseBody).toBe(page || undefined);
    } finally {
      await sandbox.stop();
    }
  });

  it('does not record control API calls', async () => {
    const e = await emulator();
    await request(e.app).get('/_emulator/health');
    expect((await request(e.app).get('/_emulator/journal')).body.entries).toEqual([]);
  });
});

describe('faults', () => {
  it('lists the catalogue', async () => {
    const e = await emulator();
    const { catalogue } = (await request(e.app).get('/_emulator/faults')).body;
    expect(catalogue.map((f: { id: string }) => f.id)).toContain('refresh-invalid-grant');
  });

  it('applies a one-shot API fault to the next call only', async () => {
    const e = await emulator();
    const token = await applicationToken(e);
    await request(e.app).post('/_emulator/faults').send({ id: 'api-service-unavailable' });
    const call = () => request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);
    const failed = await call();
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ code: 'SERVER_ERROR', message: 'Service unavailable' });
    expect((await call()).status).toBe(200);
  });

  it('applies a persistent fault until cleared, only to the named client', async () => {
    const e = await emulator();
    const token = await applicationToken(e);
    await request(e.app).post('/_emulator/faults').send({ id: 'api-internal-server-error', times: 'always', clientId: CLIENT_ID });
    const call = () => request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);
    expect((await call()).status).toBe(500);
    expect((await call()).status).toBe(500);
    await request(e.app).delete('/_emulator/faults');
    expect((await call()).status).toBe(200);
  });

  it('makes the next refresh fail with invalid_grant and revokes the grant', async () => {
    const e = await emulator();
    const tokens = (await exchange(e, (await authorize(e)).code!)).body;
    await request(e.app).post('/_emulator/faults').send({ id: 'refresh-invalid-grant' });
    const refresh = () => request(e.app).post('/oauth/token').type('form').send({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect((await refresh()).body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
    expect((await refresh()).body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
    expect((await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${tokens.access_token}`)).status).toBe(401);
  });

  it('makes the token endpoint answer 500 server_error', async () => {
    const e = await emulator();
    await request(e.app).post('/_emulator/faults').send({ id: 'token-server-error' });
    const res = await request(e.app).post('/oauth/token').type('form').send({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'client_credentials' });
    expect(res.status).toBe(500);
    expect(res.body.error).toBe('server_error');
  });
});
