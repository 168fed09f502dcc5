import { afterEach, describe, expect, it } from 'vitest';
import { start, type RunningEmulator } from '../../emulator/server.js';
import { CLIENT_ID, CLIENT_SECRET, JSON_V1, REDIRECT_URI } from '../support.js';
import { PageClient } from './browserless.js';

const running: RunningEmulator[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

const form = (fields: Record<string, string>): RequestInit => ({ method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const csrfOf = (html: string): string => /name="csrfToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
const authorizeUrl = (base: string) =>
  `${base}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI, state: 'st-1' })}`;
const hello = (base: string, token: string) => fetch(`${base}/hello/user`, { headers: { accept: JSON_V1, authorization: `Bearer ${token}` } });
const refresh = (base: string, token: string) =>
  fetch(`${base}/oauth/token`, { ...form({ grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: token }) });

/** Links user1 through `base`'s own pages and exchanges the code: the tokens a vendor holds. */
async function link(base: string): Promise<{ access_token: string; refresh_token: string }> {
  const back = await new PageClient().link(authorizeUrl(base), REDIRECT_URI, { userId: 'user1', password: 'password1' });
  const res = await fetch(`${base}/oauth/token`, form({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT_URI, code: back.searchParams.get('code')! }));
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token: string };
}

describe('Manage your authorised software in a tenant', () => {
  it("serves the pages under /t/{id}, removes the tenant's authority only, and the control route does the same headless", async () => {
    const server = await start({ port: 0, throttle: { requestsPerSecond: 1000 } });
    running.push(server);
    const root = server.baseUrl;
    const created = await fetch(`${root}/_emulator/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'ma' }) });
    expect(created.status).toBe(201);
    const tenant = `${root}/t/ma`;
    const inTenant = await link(tenant);
    const atRoot = await link(root);

    const browser = new PageClient();
    const signInPage = await browser.fetch(`${tenant}/applications-manage-authority/applications`);
    const signInHtml = await signInPage.text();
    expect(signInHtml).toContain('action="/t/ma/applications-manage-authority/sign-in"');
    expect(signInHtml).not.toMatch(/(?:href|action|src)="\/(?!t\/ma\/)/);
    const signedIn = await browser.fetch(`${tenant}/applications-manage-authority/sign-in`, form({ csrfToken: csrfOf(signInHtml), userId: 'user1', password: 'password1' }));
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/t/ma/applications-manage-authority/applications');
    for (const path of browser.cookiePaths()) expect(path).toMatch(/^\/t\/ma\//);

    const list = await (await browser.fetch(`${tenant}/applications-manage-authority/applications`)).text();
    expect(list).toContain(`data-client-id="${CLIENT_ID}"`);
    const remove = /href="([^"]*remove-authority)"/.exec(list)![1]!;
    expect(remove).toBe(`/t/ma/applications-manage-authority/application/${CLIENT_ID}/remove-authority`);
    const confirm = await (await browser.fetch(`${root}${remove}`)).text();
    const done = await browser.fetch(`${root}${remove}`, form({ csrfToken: csrfOf(confirm) }));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/t/ma/applications-manage-authority/application/authority-removed');

    // The tenant's software lost its authority; the same user's at the root kept its own.
    expect(((await (await hello(tenant, inTenant.access_token)).json()) as { code: string }).code).toBe('INVALID_CREDENTIALS');
    expect(((await (await refresh(tenant, inTenant.refresh_token)).json()) as { error: string }).error).toBe('invalid_grant');
    expect((await hello(root, atRoot.access_token)).status).toBe(200);

    // Headless, in the tenant's own control API: nothing left there; at the root, the root's grant goes.
    expect((await fetch(`${tenant}/_emulator/accounts/user1/grants/${CLIENT_ID}`, { method: 'DELETE' })).status).toBe(404);
    expect(((await (await fetch(`${root}/_emulator/accounts/user1/grants`)).json()) as { grants: unknown[] }).grants).toHaveLength(1);
    expect((await fetch(`${root}/_emulator/accounts/user1/grants/${CLIENT_ID}`, { method: 'DELETE' })).status).toBe(204);
    expect((await hello(root, atRoot.access_token)).status).toBe(401);
  });
});
