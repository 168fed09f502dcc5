import { afterEach, describe, expect, it } from 'vitest';
import { start, type RunningEmulator } from '../../emulator/server.js';
import { CLIENT_ID, CLIENT_SECRET, JSON_V1, REDIRECT_URI } from '../support.js';
import { PageClient } from './browserless.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bodies are checked by the assertions
const j = (res: Response): Promise<any> => res.json();

const running: RunningEmulator[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});
const serve = async (config: Parameters<typeof start>[0] = {}): Promise<RunningEmulator> => {
  const r = await start({ port: 0, throttle: { requestsPerSecond: 1000 }, ...config });
  running.push(r);
  return r;
};
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const createTenant = async (base: string, body: unknown = {}) => fetch(`${base}/_emulator/tenants`, json(body));
const authorizeUrl = (base: string, state = 'st-1') =>
  `${base}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI, state })}`;
const exchange = (base: string, code: string) =>
  fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT_URI, code }),
  });
const hello = (base: string, token: string) => fetch(`${base}/hello/user`, { headers: { accept: JSON_V1, authorization: `Bearer ${token}` } });

/** Links user1 through the tenant's own pages and returns the authorization code. */
async function code(base: string): Promise<string> {
  const back = await new PageClient().link(authorizeUrl(base), REDIRECT_URI, { userId: 'user1', password: 'password1' });
  return back.searchParams.get('code')!;
}

describe('tenants: an isolated emulator per CI run on one server', () => {
  it('creates a tenant with its base URL and credentials, lists it, reads it and deletes it', async () => {
    const { baseUrl } = await serve();
    const res = await createTenant(baseUrl, { id: 'ci-1234' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/_emulator/tenants/ci-1234');
    const tenant = await j(res);
    expect(tenant).toMatchObject({ id: 'ci-1234', baseUrl: `${baseUrl}/t/ci-1234`, seed: 'hmrc-local-sandbox', journey: 'sandbox' });
    expect(tenant.applications[0]).toMatchObject({ clientId: CLIENT_ID, clientSecrets: [CLIENT_SECRET] });
    expect(tenant.accounts.find((a: { userId: string }) => a.userId === 'user1')).toMatchObject({ password: 'password1' });

    const generated = await j(await createTenant(baseUrl));
    expect(generated.id).toMatch(/^t-[0-9a-f]{12}$/);
    const list = await j(await fetch(`${baseUrl}/_emulator/tenants`));
    expect(list.tenants.map((t: { id: string }) => t.id)).toEqual(['ci-1234', generated.id]);
    expect((await j(await fetch(`${baseUrl}/_emulator/tenants/ci-1234`))).accounts).toEqual(tenant.accounts);

    expect((await fetch(`${baseUrl}/_emulator/tenants/ci-1234`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${baseUrl}/_emulator/tenants/ci-1234`, { method: 'DELETE' })).status).toBe(404);
    const gone = await fetch(`${baseUrl}/t/ci-1234/hello/world`, { headers: { accept: JSON_V1 } });
    expect(gone.status).toBe(404);
    expect((await j(gone)).code).toBe('MATCHING_RESOURCE_NOT_FOUND');
  });

  it("serves HMRC's journey under the tenant's prefix: pages, redirects and cookies stay under /t/{id}", async () => {
    const { baseUrl } = await serve();
    await createTenant(baseUrl, { id: 'a' });
    const client = new PageClient();
    const back = await client.link(authorizeUrl(`${baseUrl}/t/a`), REDIRECT_URI, { userId: 'user1', password: 'password1' });
    expect(back.searchParams.get('state')).toBe('st-1');
    expect(client.cookiePaths().length).toBeGreaterThan(0);
    for (const path of client.cookiePaths()) expect(path).toMatch(/^\/t\/a\//);
    const page = await (await fetch(authorizeUrl(`${baseUrl}/t/a`))).text();
    expect(page).toContain('href="/t/a/assets/');
    expect(page).not.toMatch(/(?:href|action|src)="\/(?!t\/a\/)/);
  });

  it("refuses one tenant's codes and tokens in another tenant and at the root", async () => {
    const { baseUrl } = await serve();
    await createTenant(baseUrl, { id: 'a' });
    await createTenant(baseUrl, { id: 'b' });
    const a = `${baseUrl}/t/a`;
    const b = `${baseUrl}/t/b`;

    const codeOfA = await code(a);
    const atB = await exchange(b, codeOfA);
    expect(atB.status).toBe(400);
    expect(await j(atB)).toEqual({ error: 'invalid_request', error_description: 'code is invalid' });
    expect((await exchange(baseUrl, codeOfA)).status).toBe(400);
    const tokens = await exchange(a, codeOfA);
    expect(tokens.status).toBe(200);
    const { access_token: token } = await j(tokens);

    expect((await hello(a, token)).status).toBe(200);
    expect((await hello(b, token)).status).toBe(401);
    expect((await hello(baseUrl, token)).status).toBe(401);
  });

  it("keeps each tenant's clock, faults and journal its own", async () => {
    const { baseUrl } = await serve();
    await createTenant(baseUrl, { id: 'a' });
    await createTenant(baseUrl, { id: 'b' });
    const a = `${baseUrl}/t/a`;
    const b = `${baseUrl}/t/b`;
    const clock = async (base: string) => Date.parse((await j(await fetch(`${base}/_emulator/clock`))).now);

    const before = await clock(b);
    expect((await fetch(`${a}/_emulator/clock/advance`, json({ by: 'P30D' }))).status).toBe(200);
    expect((await clock(a)) - before).toBeGreaterThan(29 * 24 * 3600_000);
    expect((await clock(b)) - before).toBeLessThan(3600_000);
    expect((await clock(baseUrl)) - before).toBeLessThan(3600_000);

    expect((await fetch(`${a}/_emulator/faults`, json({ id: 'api-internal-server-error', times: 'always' }))).status).toBe(201);
    expect((await fetch(`${a}/hello/world`, { headers: { accept: JSON_V1 } })).status).toBe(500);
    expect((await fetch(`${b}/hello/world`, { headers: { accept: JSON_V1 } })).status).toBe(200);

    await fetch(`${a}/hello/world?only-in-a`, { headers: { accept: JSON_V1 } });
    const journal = async (base: string) => JSON.stringify(await j(await fetch(`${base}/_emulator/journal`)));
    expect(await journal(a)).toContain('only-in-a');
    expect(await journal(b)).not.toContain('only-in-a');
    expect(await journal(baseUrl)).not.toContain('only-in-a');
  });

  it("resets a tenant without touching the root or another tenant, and the root's reset leaves tenants alone", async () => {
    const { baseUrl } = await serve();
    await createTenant(baseUrl, { id: 'a' });
    await createTenant(baseUrl, { id: 'b' });
    const { access_token: tokenOfB } = await j(await exchange(`${baseUrl}/t/b`, await code(`${baseUrl}/t/b`)));
    const { access_token: tokenAtRoot } = await j(await exchange(baseUrl, await code(baseUrl)));

    expect((await fetch(`${baseUrl}/t/a/_emulator/reset`, json({}))).status).toBe(200);
    expect((await hello(`${baseUrl}/t/b`, tokenOfB)).status).toBe(200);
    expect((await hello(baseUrl, tokenAtRoot)).status).toBe(200);

    expect((await fetch(`${baseUrl}/_emulator/reset`, json({}))).status).toBe(200);
    expect((await hello(baseUrl, tokenAtRoot)).status).toBe(401);
    expect((await hello(`${baseUrl}/t/b`, tokenOfB)).status).toBe(200);
    expect((await fetch(`${baseUrl}/_emulator/tenants/b`)).status).toBe(200);
  });

  it("takes the tenant's own seed, journey and configuration", async () => {
    const { baseUrl } = await serve();
    const res = await createTenant(baseUrl, { id: 'own', seed: 'pipeline-42', journey: 'production', config: { tokens: { accessTokenSeconds: 60 }, clock: { start: '2027-04-06T09:00:00Z', frozen: true } } });
    expect(res.status).toBe(201);
    const tenant = await j(res);
    expect(tenant).toMatchObject({ seed: 'pipeline-42', journey: 'production' });
    const clock = await j(await fetch(`${baseUrl}/t/own/_emulator/clock`));
    expect(clock.now).toBe('2027-04-06T09:00:00.000Z');
    const token = await fetch(`${baseUrl}/t/own/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
    });
    expect((await j(token)).expires_in).toBe(60);
  });

  it('answers bad tenant requests with a clear 4xx', async () => {
    const { baseUrl } = await serve();
    const cases: Array<[unknown, number, RegExp]> = [
      [{ id: 'bad id' }, 400, /id: 1 to 64 letters/],
      [{ id: '_tenants' }, 400, /id:/],
      [{ id: 'x'.repeat(65) }, 400, /id:/],
      [{ name: 'x' }, 400, /unknown field "name"/],
      [{ config: { port: 80 } }, 400, /config.port: a tenant cannot set it/],
      [{ config: { dataDir: '/etc' } }, 400, /config.dataDir/],
      [{ config: { tokens: null } }, 400, /config.tokens: must be an object/],
      [{ config: { tokens: { accessTokenSeconds: -1 } } }, 400, /tokens.accessTokenSeconds/],
      [{ journey: 'live' }, 400, /journey/],
      [[1, 2], 400, /JSON object/],
      [{ seed: '' }, 400, /seed/],
    ];
    for (const [body, status, message] of cases) {
      const res = await createTenant(baseUrl, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await j(res)).message).toMatch(message);
    }
    const broken = await fetch(`${baseUrl}/_emulator/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":' });
    expect(broken.status).toBe(400);
    expect((await createTenant(baseUrl, { id: 'once' })).status).toBe(201);
    const twice = await createTenant(baseUrl, { id: 'once' });
    expect(twice.status).toBe(409);
    expect((await j(twice)).message).toMatch(/already exists/);
    expect((await fetch(`${baseUrl}/t/once/_emulator/tenants`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/t/a%2Fb/hello/world`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/t/`)).status).toBe(404);
    expect((await j(await fetch(`${baseUrl}/_emulator/tenants`))).tenants).toHaveLength(1);
  });

  it("guards tenants with the server's control token", async () => {
    const token = 'a-control-token-for-tenants';
    const { baseUrl } = await serve({ control: { token, allowedHosts: [] } });
    expect((await createTenant(baseUrl, { id: 'a' })).status).toBe(401);
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${baseUrl}/_emulator/tenants`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"id":"a"}' })).status).toBe(201);
    expect((await fetch(`${baseUrl}/t/a/_emulator/journal`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/t/a/_emulator/journal`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${baseUrl}/_emulator/tenants/a`, { method: 'DELETE' })).status).toBe(401);
  });
});
