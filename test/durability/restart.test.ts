import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/app.js';
import type { ConfigOverrides } from '../../emulator/config/load-config.js';
import { CLIENT_ID, csrfTokenOf, exchange, JSON_V1, pathOf, REDIRECT_URI } from '../support.js';
import { CookieJar } from './client.js';

const START = '2026-01-15T09:00:00.000Z';

describe('an emulator restarted on its data directory', () => {
  const open: Emulator[] = [];
  const start = async (dataDir: string, config: ConfigOverrides = {}): Promise<Emulator> => {
    const e = await createEmulator({ dataDir, clock: { frozen: true, start: START }, ...config });
    open.push(e);
    return e;
  };
  const stop = async (e: Emulator): Promise<void> => {
    open.splice(open.indexOf(e), 1);
    await e.close();
  };
  afterEach(async () => {
    for (const e of open.splice(0)) await e.close();
  });
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = (): string => {
    dirs.push(mkdtempSync(join(tmpdir(), 'restart-')));
    return join(dirs.at(-1)!, 'data');
  };

  it('carries on where it was: the clock, the seeded personas, an application registered, not seeded again', async () => {
    const dir = dataDir();
    const first = await start(dir);
    expect(first.restored).toBe(false);
    expect(first.dataFile).toBe(join(dir, 'hmrc-sandbox.db'));
    await request(first.app).post('/_emulator/clock/advance').send({ by: 'P3D' }).expect(200);
    await request(first.app)
      .post('/_emulator/applications')
      .send({ clientId: 'KeptApp', clientSecrets: ['kept-secret-1'], name: 'Kept', redirectUris: [REDIRECT_URI] })
      .expect(201);
    const personas = first.personas();
    await stop(first);

    const second = await start(dir);
    expect(second.restored).toEqual({ seedChanged: false });
    expect(second.personas()).toEqual(personas);
    expect((await request(second.app).get('/_emulator/clock')).body.now).toBe('2026-01-18T09:00:00.000Z');
    const apps = (await request(second.app).get('/_emulator/applications')).body.applications as Array<{ clientId: string }>;
    expect(apps.map((a) => a.clientId)).toEqual([CLIENT_ID, 'KeptApp']);
    const accounts = (await request(second.app).get('/_emulator/accounts')).body.accounts as Array<{ userId: string; password?: string }>;
    expect(accounts.find((a) => a.userId === 'user1')?.password).toBe('password1');
  });

  it('finishes a page journey begun before the restart: its cookies, interaction and form token still hold', async () => {
    const dir = dataDir();
    const first = await start(dir);
    const jar = new CookieJar();
    const get = async (e: Emulator, path: string) => {
      const res = await request(e.app).get(path).set('Cookie', jar.header() ?? '');
      jar.take((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []);
      return res;
    };
    const post = async (e: Emulator, path: string, form: Record<string, string>) => {
      const res = await request(e.app).post(path).type('form').set('Cookie', jar.header() ?? '').send(form);
      jar.take((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []);
      return res;
    };
    const authorize = await get(first, `/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI, state: 's' })}`);
    const interaction = pathOf(authorize.headers.location);
    const signInPage = await get(first, interaction);
    expect(signInPage.status).toBe(200);
    await stop(first);

    const second = await start(dir);
    let res = await post(second, `${interaction}/sign-in`, { userId: 'user1', password: 'password1', csrfToken: csrfTokenOf(signInPage.text) });
    expect(res.status).toBe(303);
    res = await get(second, pathOf(res.headers.location));
    const grantPath = pathOf(res.headers.location);
    const grantPage = await get(second, grantPath);
    res = await post(second, `${grantPath}/grant`, { decision: 'grant', csrfToken: csrfTokenOf(grantPage.text) });
    res = await get(second, pathOf(res.headers.location));
    const code = new URL(res.headers.location as string).searchParams.get('code')!;
    const tokens = await exchange(second, code);
    expect(tokens.status).toBe(200);
    const hello = await request(second.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${tokens.body.access_token}`);
    expect(hello.status).toBe(200);
  });

  it('keeps what was seeded when the seed changes, says so, and seeds from the new one on reset', async () => {
    const dir = dataDir();
    const first = await start(dir, { seed: 'first' });
    const seeded = first.personas();
    await request(first.app).post('/_emulator/clock/advance').send({ by: 'PT1H' }).expect(200);
    await stop(first);

    const second = await start(dir, { seed: 'second' });
    expect(second.restored).toEqual({ seedChanged: true });
    expect(second.personas()).toEqual(seeded);
    const reset = await request(second.app).post('/_emulator/reset').expect(200);
    expect(reset.body.now).toBe(START);
    expect(second.personas()).not.toEqual(seeded);
    const reseeded = second.personas();
    await stop(second);

    const third = await start(dir, { seed: 'second' });
    expect(third.restored).toEqual({ seedChanged: false });
    expect(third.personas()).toEqual(reseeded);
    expect((await request(third.app).get('/_emulator/clock')).body.now).toBe(START);
  });

  it('stays in memory without a data directory, as before', async () => {
    const e = await createEmulator({});
    open.push(e);
    expect(e.dataFile).toBeUndefined();
    expect(e.restored).toBe(false);
  });
});
