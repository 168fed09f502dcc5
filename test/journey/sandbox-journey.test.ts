import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addAccount, emulator, exchange, JSON_V1, TEST_PASSWORD } from '../support.js';
import { JourneyBrowser, redirectParams, titleOf } from './journey-support.js';

describe('the sandbox journey', () => {
  it('shows the sandbox sign-in page with HMRC\'s fields and hooks', async () => {
    const e = await emulator();
    const page = await new JourneyBrowser(e).authorize();
    expect(page.status).toBe(200);
    expect(titleOf(page.text)).toBe('Sign in - HMRC - GOV.UK');
    expect(page.text).toContain('Enter your Test User credentials to sign in.');
    for (const hook of ['data-testid="user-id"', 'name="userId"', 'data-testid="password"', 'name="password"', 'data-testid="sign-in"', 'name="csrfToken"']) expect(page.text).toContain(hook);
    expect(page.text).toContain('href="/assets/govuk-frontend.min.css"');
  });

  it('signs in, grants authority and the token reaches /hello/user', async () => {
    const e = await emulator();
    const b = new JourneyBrowser(e);
    await b.authorize();
    const grant = await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
    expect(grant.text).toContain('Say Hello');
    expect(grant.text).toContain('This authority will last for 18 months. You can remove this authority at any time.');
    expect(grant.text).toContain('data-testid="grant-authority"');
    expect(grant.text).toContain('data-testid="do-not-grant-authority"');
    const done = await b.submit('grant', { decision: 'grant' });
    const params = redirectParams(done);
    expect(params.get('state')).toBe('state-123');
    const token = await exchange(e, params.get('code')!);
    const hello = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${token.body.access_token}`);
    expect(hello.body).toEqual({ message: 'Hello User' });
  });

  it('redirects with USER_DENIED_AUTHORIZATION when the user does not grant authority', async () => {
    const e = await emulator();
    const b = new JourneyBrowser(e);
    await b.authorize({ state: 'abc' });
    await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    const done = await b.submit('grant', { decision: 'deny' });
    expect(done.redirect).toBe('http://localhost:3000/callback?error=access_denied&error_description=user+denied+the+authorization&error_code=USER_DENIED_AUTHORIZATION&state=abc');
  });

  it('re-renders sign-in with HMRC\'s error and a 401 for a wrong password', async () => {
    const e = await emulator();
    const b = new JourneyBrowser(e);
    await b.authorize();
    const page = await b.submit('sign-in', { userId: 'user1', password: 'wrong' });
    expect(page.status).toBe(401);
    expect(titleOf(page.text)).toBe('Error: Sign in - HMRC - GOV.UK');
    expect(page.text).toContain('Invalid user ID or password. Try again.');
    expect(page.text).toContain('value="user1"');
    const again = await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    expect(titleOf(again.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('locks the user ID after too many wrong passwords until the clock passes the lock-out', async () => {
    const e = await emulator({ journeyLimits: { signInAttempts: 3, signInLockoutSeconds: 600 } });
    await addAccount(e, { userId: '111111111111', affinityGroup: 'Individual' });
    const b = new JourneyBrowser(e);
    await b.authorize();
    await b.submit('sign-in', { userId: '111111111111', password: 'nope' });
    await b.submit('sign-in', { userId: '111111111111', password: 'nope' });
    const locked = await b.submit('sign-in', { userId: '111111111111', password: 'nope' });
    expect(locked.status).toBe(401);
    expect(locked.text).toContain('You have tried to sign in too many times');
    expect(locked.text).toContain('10 minutes');
    const stillLocked = await b.submit('sign-in', { userId: '111111111111', password: TEST_PASSWORD }, { csrf: /name="csrfToken" value="([^"]+)"/.exec(locked.text)![1]! });
    expect(stillLocked.text).toContain('You have tried to sign in too many times');
    const elsewhere = new JourneyBrowser(e);
    await elsewhere.authorize();
    expect((await elsewhere.submit('sign-in', { userId: '111111111111', password: TEST_PASSWORD })).text).toContain('You have tried to sign in too many times');
    e.context.clock.advance(601_000);
    const b2 = new JourneyBrowser(e);
    await b2.authorize();
    const ok = await b2.submit('sign-in', { userId: '111111111111', password: TEST_PASSWORD });
    expect(titleOf(ok.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('locks a shared seeded account only in the journey where the wrong passwords were typed', async () => {
    const e = await emulator({ journeyLimits: { signInAttempts: 3 } });
    const mistyped = new JourneyBrowser(e);
    await mistyped.authorize();
    let page = await mistyped.submit('sign-in', { userId: 'user1', password: 'nope' });
    for (let i = 1; i < 3; i++) page = await mistyped.submit('sign-in', { userId: 'user1', password: 'nope' });
    expect(page.text).toContain('You have tried to sign in too many times');
    const other = new JourneyBrowser(e);
    await other.authorize();
    const grant = await other.submit('sign-in', { userId: 'user1', password: 'password1' });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('never signs in an account HMRC has locked', async () => {
    const e = await emulator();
    await addAccount(e, { userId: '222222222222', affinityGroup: 'Individual', locked: true });
    const b = new JourneyBrowser(e);
    await b.authorize();
    const page = await b.submit('sign-in', { userId: '222222222222', password: TEST_PASSWORD });
    expect(page.status).toBe(403);
    expect(page.text).toContain('Your account is locked');
    const back = await b.submit('return');
    expect(redirectParams(back).get('error_code')).toBe('ACCOUNT_LOCKED');
  });

  it('refuses a form without its CSRF token, or with a wrong one, with a 403 page', async () => {
    const e = await emulator();
    const b = new JourneyBrowser(e);
    await b.authorize();
    const sign = b.page;
    const missing = await b.submit('sign-in', { userId: 'user1', password: 'password1' }, { csrf: null });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('There was a problem submitting this page');
    expect(missing.text).toContain('data-testid="journey-error-csrf"');
    b.page = sign;
    const wrong = await b.submit('sign-in', { userId: 'user1', password: 'password1' }, { csrf: 'x'.repeat(32) });
    expect(wrong.status).toBe(403);
    b.page = sign;
    const ok = await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    expect(titleOf(ok.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('answers a journey page’s unreadable form and an unknown interaction with HTML pages, not OAuth JSON', async () => {
    const e = await emulator();
    const b = new JourneyBrowser(e);
    await b.authorize();
    const bad = await b.agent.post(`${b.page.path}/sign-in`).set('Content-Type', 'application/json').send('{"userId":');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    expect(bad.text).toContain('data-testid="bad-request"');
    const unknown = await b.agent.get('/oauth/interaction/no-such-interaction');
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
    expect(unknown.text).toContain('data-testid="journey-error-expired"');
  });

  it('handles a double submission by carrying on where the first went, and the back button with an HMRC-style page', async () => {
    const e = await emulator();
    const b = new JourneyBrowser(e);
    await b.authorize();
    const signInPage = b.page;
    await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    const grantPage = b.page;
    b.page = signInPage;
    const back = await b.get(signInPage.path);
    expect(back.status).toBe(400);
    expect(back.text).toContain('You cannot use this page any more');
    expect(back.text).toContain('data-testid="journey-error-expired"');
    b.page = grantPage;
    const first = await b.agent.post(`${grantPage.path}/grant`).type('form').send({ decision: 'grant', csrfToken: /name="csrfToken" value="([^"]+)"/.exec(grantPage.text)![1] });
    const second = await b.agent.post(`${grantPage.path}/grant`).type('form').send({ decision: 'grant', csrfToken: /name="csrfToken" value="([^"]+)"/.exec(grantPage.text)![1] });
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
  });

  it('signs the user out after inactivity longer than the session time-out', async () => {
    const e = await emulator({ journeyLimits: { sessionTimeoutSeconds: 60 } });
    const b = new JourneyBrowser(e);
    await b.authorize({ state: 'st' });
    e.context.clock.advance(61_000);
    const page = await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    expect(page.text).toContain('For your security, we signed you out');
    expect(page.text).toContain('data-testid="start-again"');
    const restart = /href="([^"]+)"[^>]*data-testid="start-again"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    expect(restart).toBe('/oauth/authorize?response_type=code&client_id=LocalSandboxDefaultClientId0&scope=hello&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&state=st');
    const back = await b.submit('return');
    const params = redirectParams(back);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('error_code')).toBe('SESSION_TIMED_OUT');
    expect(params.get('state')).toBe('st');
    const again = await new JourneyBrowser(e).get(restart);
    expect(titleOf(again.text)).toBe('Sign in - HMRC - GOV.UK');
  });

  it('shows hostile values escaped and never executes them', async () => {
    const e = await emulator();
    const hostile = '"><script>alert(1)</script>';
    await request(e.app).post('/_emulator/applications').send({ clientId: 'HostileApp', clientSecrets: ['secret-123456'], name: hostile, redirectUris: ['http://localhost:3000/callback'] });
    const b = new JourneyBrowser(e);
    const start = await b.authorize({ client_id: 'HostileApp', state: hostile });
    expect(start.status).toBe(200);
    const page = await b.submit('sign-in', { userId: hostile, password: hostile });
    expect(page.status).toBe(401);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const grant = await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    expect(grant.text).not.toContain('<script>alert(1)');
    expect(grant.text).toContain('&lt;script&gt;');
    const done = await b.submit('grant', { decision: 'deny' });
    expect(redirectParams(done).get('state')).toBe(hostile);
    const bad = await request(e.app).get('/oauth/authorize').query({ response_type: 'code', client_id: hostile, scope: 'hello', redirect_uri: hostile });
    expect(bad.status).toBe(400);
    expect(bad.text).not.toContain('<script>');
  });

  it('answers an unknown or malformed interaction with an HMRC-style page, not a 500', async () => {
    const e = await emulator();
    const b = new JourneyBrowser(e);
    expect((await b.get('/oauth/interaction/nope')).status).toBe(400);
    expect((await b.agent.post('/oauth/interaction/nope/sign-in').type('form').send({ userId: ['a', 'b'] })).status).toBe(400);
    await b.authorize();
    const page = await b.submit('grant', { decision: 'maybe' });
    expect(page.status).toBeLessThan(500);
  });
});

describe('journeys one after another in the same browser', () => {
  it('signs in afresh each time, so a second journey can link a different user', async () => {
    const e = await emulator();
    await addAccount(e, { userId: '700000000001', affinityGroup: 'Individual' });
    const b = new JourneyBrowser(e);
    await b.authorize();
    await b.submit('sign-in', { userId: 'user1', password: 'password1' });
    const first = redirectParams(await b.submit('grant', { decision: 'grant' })).get('code')!;
    const again = await b.authorize();
    expect(titleOf(again.text)).toBe('Sign in - HMRC - GOV.UK');
    await b.submit('sign-in', { userId: '700000000001', password: TEST_PASSWORD });
    const second = redirectParams(await b.submit('grant', { decision: 'grant' })).get('code')!;
    const tokens = await Promise.all([exchange(e, first), exchange(e, second)]);
    const users = await Promise.all(tokens.map((t) => e.context.tokens.lookup(t.body.access_token as string)));
    expect(users.map((u) => (u?.kind === 'user' ? u.userId : undefined))).toEqual(['user1', '700000000001']);
  });
});

describe('steps cannot be skipped', () => {
  it('sends a form posted for another step back to the page for where the journey is', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '700000000002', affinityGroup: 'Individual', confidenceLevel: 50, twoStepVerification: { method: 'text', phoneNumber: '07700900111' } });
    const b = new JourneyBrowser(e);
    await b.authorize({ scope: 'read:self-assessment' });
    await b.submit('start');
    await b.submit('sign-in', { userId: '700000000002', password: TEST_PASSWORD });
    const codePage = b.page;
    for (const [action, fields] of [['grant', { decision: 'grant' }], ['identity', { outcome: 'success' }], ['sign-in', { userId: 'user1', password: 'password1' }]] as const) {
      b.page = codePage;
      const page = await b.submit(action, fields);
      expect(titleOf(page.text), action).toBe('Enter the access code - HMRC - GOV.UK');
    }
    expect((await e.context.accounts.find('700000000002'))?.confidenceLevel).toBe(50);
  });
});
