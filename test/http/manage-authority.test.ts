import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, authorize, CLIENT_ID, CLIENT_SECRET, csrfTokenOf, emulator, exchange, JSON_V1, pathOf, REDIRECT_URI, TEST_PASSWORD } from '../support.js';

const PAGES = '/applications-manage-authority';
const HOSTILE_NAME = '<script>alert(1)</script> & "Books"';
const HOSTILE_CLIENT = 'hostileClientId_0000000000a';
const OTHER_SECRET = 's3cret-0000';

/** Links the software for `userId` through the journey and exchanges the code: the tokens a vendor holds. */
async function link(e: Emulator, userId: string, password: string, scope = 'hello read:vat', clientId = CLIENT_ID): Promise<{ access: string; refresh: string }> {
  const { code } = await authorize(e, { userId, password, scope, extra: { client_id: clientId } });
  if (!code) throw new Error(`no code for ${userId}`);
  const res = await exchange(e, code, clientId === CLIENT_ID ? {} : { client_id: clientId, client_secret: OTHER_SECRET });
  expect(res.status).toBe(200);
  return { access: res.body.access_token as string, refresh: res.body.refresh_token as string };
}

const refresh = (e: Emulator, token: string) =>
  request(e.app).post('/oauth/token').type('form').send({ grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: token });
const helloUser = (e: Emulator, token: string) => request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);

/** A browser (cookie-keeping agent) signed in to the pages, on the list page. */
async function signIn(e: Emulator, userId: string, password: string) {
  const browser = request.agent(e.app);
  const page = await browser.get(`${PAGES}/applications`);
  expect(page.status).toBe(200);
  expect(page.text).toContain('data-testid="sign-in-heading"');
  const res = await browser.post(`${PAGES}/sign-in`).type('form').send({ csrfToken: csrfTokenOf(page.text), userId, password });
  return { browser, res };
}

describe('Manage your authorised software (/applications-manage-authority)', () => {
  let e: Emulator;
  beforeEach(async () => {
    e = await emulator();
    await addAccount(e, { userId: '900000000101', affinityGroup: 'Individual', identifiers: { nino: 'AA000101A' } });
    await addAccount(e, { userId: '900000000102', affinityGroup: 'Individual', identifiers: { nino: 'AA000102A' } });
  });

  it('lists the software a user granted authority to, with the date and the scopes in words', async () => {
    e.context.clock.advance(3 * 86_400_000);
    await link(e, 'user1', 'password1');
    const { browser, res } = await signIn(e, 'user1', 'password1');
    expect(res.status).toBe(303);
    expect(pathOf(res.headers.location)).toBe(`${PAGES}/applications`);
    const list = await browser.get(`${PAGES}/applications`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Authorised software applications');
    expect(list.text).toContain(`data-client-id="${CLIENT_ID}"`);
    expect(list.text).toContain('Say Hello');
    expect(list.text).toContain('View your VAT information');
    expect(list.text).toContain('Authority granted on:</span> 18 January 2026');
    expect(list.headers['cache-control']).toContain('no-store');
  });

  it('says so when the user has authorised nothing', async () => {
    const { browser } = await signIn(e, '900000000101', TEST_PASSWORD);
    const list = await browser.get(`${PAGES}/applications`);
    expect(list.text).toContain('data-testid="no-applications"');
    expect(list.text).not.toContain('data-testid="application"');
  });

  it('removes the authority for real: the refresh token answers invalid_grant and the access token INVALID_CREDENTIALS', async () => {
    const tokens = await link(e, '900000000101', TEST_PASSWORD);
    expect((await helloUser(e, tokens.access)).status).toBe(200);
    const { browser } = await signIn(e, '900000000101', TEST_PASSWORD);
    const list = await browser.get(`${PAGES}/applications`);
    const removeHref = /href="([^"]*remove-authority)"/.exec(list.text)![1]!;
    expect(removeHref).toBe(`${PAGES}/application/${CLIENT_ID}/remove-authority`);
    const confirm = await browser.get(removeHref);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('You are about to remove authority from');
    const done = await browser.post(removeHref).type('form').send({ csrfToken: csrfTokenOf(confirm.text) });
    expect(done.status).toBe(303);
    const removed = await browser.get(pathOf(done.headers.location));
    expect(removed.status).toBe(200);
    expect(removed.text).toContain('data-testid="authority-removed"');

    const api = await helloUser(e, tokens.access);
    expect(api.status).toBe(401);
    expect(api.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Invalid Authentication information provided' });
    const refreshed = await refresh(e, tokens.refresh);
    expect(refreshed.status).toBe(400);
    expect(refreshed.body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
    expect((await browser.get(`${PAGES}/applications`)).text).toContain('data-testid="no-applications"');
    // Removing it again: nothing left to remove.
    const again = await browser.post(removeHref).type('form').send({ csrfToken: csrfTokenOf(confirm.text) });
    expect(again.status).toBe(404);
  });

  it('removes every grant of that software, and only that software', async () => {
    const first = await link(e, '900000000101', TEST_PASSWORD);
    const second = await link(e, '900000000101', TEST_PASSWORD, 'write:vat');
    const other = await e.context.applications.register({ clientId: 'otherApplication_0000000000a', clientSecrets: ['s3cret-0000'], name: 'Other software', redirectUris: [REDIRECT_URI], subscriptions: ['hello'] });
    const kept = await link(e, '900000000101', TEST_PASSWORD, 'hello', other.clientId);
    const { browser } = await signIn(e, '900000000101', TEST_PASSWORD);
    const list = await browser.get(`${PAGES}/applications`);
    expect(list.text.match(/data-testid="application"/g)).toHaveLength(2);
    expect(list.text).toContain('Change your VAT information');
    const confirm = await browser.get(`${PAGES}/application/${CLIENT_ID}/remove-authority`);
    await browser.post(`${PAGES}/application/${CLIENT_ID}/remove-authority`).type('form').send({ csrfToken: csrfTokenOf(confirm.text) });
    expect((await helloUser(e, first.access)).status).toBe(401);
    expect((await helloUser(e, second.access)).status).toBe(401);
    expect((await helloUser(e, kept.access)).status).toBe(200);
  });

  it('needs the CSRF token bound to the session on every form', async () => {
    await link(e, '900000000101', TEST_PASSWORD);
    const stranger = await request(e.app).post(`${PAGES}/sign-in`).type('form').send({ userId: '900000000101', password: TEST_PASSWORD });
    expect(stranger.status).toBe(403);
    const { browser } = await signIn(e, '900000000101', TEST_PASSWORD);
    const forged = await browser.post(`${PAGES}/application/${CLIENT_ID}/remove-authority`).type('form').send({ csrfToken: 'forged' });
    expect(forged.status).toBe(403);
    const missing = await browser.post(`${PAGES}/application/${CLIENT_ID}/remove-authority`).type('form').send({});
    expect(missing.status).toBe(403);
    expect((await browser.get(`${PAGES}/applications`)).text).toContain(`data-client-id="${CLIENT_ID}"`);
  });

  it('refuses a wrong password, then locks the user ID out after five, as the link journey does', async () => {
    const browser = request.agent(e.app);
    const token = csrfTokenOf((await browser.get(`${PAGES}/applications`)).text);
    for (let i = 1; i <= 4; i++) {
      const wrong = await browser.post(`${PAGES}/sign-in`).type('form').send({ csrfToken: token, userId: '900000000101', password: 'wrong' });
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('Invalid user ID or password. Try again.');
    }
    const fifth = await browser.post(`${PAGES}/sign-in`).type('form').send({ csrfToken: token, userId: '900000000101', password: 'wrong' });
    expect(fifth.status).toBe(401);
    expect(fifth.text).toContain('data-testid="sign-in-locked"');
    const right = await browser.post(`${PAGES}/sign-in`).type('form').send({ csrfToken: token, userId: '900000000101', password: TEST_PASSWORD });
    expect(right.text).toContain('data-testid="sign-in-locked"');
    // The same user ID is locked out of the link journey too.
    const journey = await authorize(e, { userId: '900000000101', password: TEST_PASSWORD }).catch((err: Error) => err.message);
    expect(String(journey)).toContain('sign-in: 401');
    // And the lock-out ends on the virtual clock (the page session, 15 minutes idle, with it: a fresh page).
    e.context.clock.advance(901_000);
    const stale = await browser.post(`${PAGES}/sign-in`).type('form').send({ csrfToken: token, userId: '900000000101', password: TEST_PASSWORD });
    expect(stale.status).toBe(403);
    const fresh = csrfTokenOf((await browser.get(`${PAGES}/applications`)).text);
    const later = await browser.post(`${PAGES}/sign-in`).type('form').send({ csrfToken: fresh, userId: '900000000101', password: TEST_PASSWORD });
    expect(later.status).toBe(303);
  });

  it('refuses an account HMRC has locked', async () => {
    const account = (await e.context.accounts.find('900000000101'))!;
    await e.context.accounts.add({ ...account, locked: true });
    const { res } = await signIn(e, '900000000101', TEST_PASSWORD);
    expect(res.status).toBe(403);
    expect(res.text).toContain('data-testid="account-locked"');
  });

  it("escapes an application's name everywhere it is shown", async () => {
    await e.context.applications.register({ clientId: HOSTILE_CLIENT, clientSecrets: ['s3cret-0000'], name: HOSTILE_NAME, redirectUris: [REDIRECT_URI], subscriptions: ['hello'] });
    await link(e, '900000000101', TEST_PASSWORD, 'hello', HOSTILE_CLIENT);
    const { browser } = await signIn(e, '900000000101', TEST_PASSWORD);
    const list = await browser.get(`${PAGES}/applications`);
    const confirm = await browser.get(`${PAGES}/application/${HOSTILE_CLIENT}/remove-authority`);
    for (const page of [list.text, confirm.text]) {
      expect(page).not.toContain('<script>alert(1)</script>');
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Books&quot;');
    }
  });

  it("shows no other user's software and cannot remove another user's authority", async () => {
    const tokens = await link(e, '900000000101', TEST_PASSWORD);
    const { browser } = await signIn(e, '900000000102', TEST_PASSWORD);
    const list = await browser.get(`${PAGES}/applications`);
    expect(list.text).toContain('data-testid="no-applications"');
    expect((await browser.get(`${PAGES}/application/${CLIENT_ID}/remove-authority`)).status).toBe(404);
    const token = csrfTokenOf(list.text);
    const attempt = await browser.post(`${PAGES}/application/${CLIENT_ID}/remove-authority`).type('form').send({ csrfToken: token });
    expect(attempt.status).toBe(404);
    expect((await helloUser(e, tokens.access)).status).toBe(200);
    expect((await refresh(e, tokens.refresh)).status).toBe(200);
  });

  it('sends a signed-out visitor to sign in, and signs out', async () => {
    const anonymous = await request(e.app).get(`${PAGES}/application/${CLIENT_ID}/remove-authority`);
    expect(anonymous.status).toBe(303);
    expect(pathOf(anonymous.headers.location)).toBe(`${PAGES}/applications`);
    expect(pathOf((await request(e.app).get(PAGES)).headers.location)).toBe(`${PAGES}/applications`);
    const { browser } = await signIn(e, '900000000101', TEST_PASSWORD);
    const list = await browser.get(`${PAGES}/applications`);
    const out = await browser.post(`${PAGES}/sign-out`).type('form').send({ csrfToken: csrfTokenOf(list.text) });
    expect(out.status).toBe(200);
    expect(out.text).toContain('data-testid="signed-out"');
    expect((await browser.get(`${PAGES}/applications`)).text).toContain('data-testid="sign-in-heading"');
  });

  it('removes the authority headless through the control API', async () => {
    e.context.clock.advance(86_400_000);
    const tokens = await link(e, '900000000101', TEST_PASSWORD);
    const listed = await request(e.app).get('/_emulator/accounts/900000000101/grants');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      grants: [{ clientId: CLIENT_ID, applicationName: expect.any(String), grantedAt: '2026-01-16T09:00:00.000Z', scopes: [{ key: 'hello', name: 'Say Hello' }, { key: 'read:vat', name: 'View your VAT information' }] }],
    });
    expect((await request(e.app).delete(`/_emulator/accounts/900000000102/grants/${CLIENT_ID}`)).status).toBe(404);
    expect((await request(e.app).delete(`/_emulator/accounts/nobody/grants/${CLIENT_ID}`)).status).toBe(404);
    expect((await helloUser(e, tokens.access)).status).toBe(200);
    expect((await request(e.app).delete(`/_emulator/accounts/900000000101/grants/${CLIENT_ID}`)).status).toBe(204);
    expect((await helloUser(e, tokens.access)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await refresh(e, tokens.refresh)).body.error).toBe('invalid_grant');
    expect((await request(e.app).get('/_emulator/accounts/900000000101/grants')).body).toEqual({ grants: [] });
    expect((await request(e.app).delete(`/_emulator/accounts/900000000101/grants/${CLIENT_ID}`)).status).toBe(404);
  });
});
