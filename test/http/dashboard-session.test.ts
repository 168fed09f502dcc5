import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';

const TOKEN = 'dashboard-token-0123456789';

/** Signs in as a browser would: the sign-in page's cookie and hidden field, then the token. */
async function signIn(app: Parameters<typeof request>[0], token = TOKEN) {
  const page = await request(app).get('/_emulator/');
  const signInCookie = String(page.headers['set-cookie']).split(';')[0]!;
  const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(page.text)![1]!;
  return request(app).post('/_emulator/session').set('Cookie', signInCookie).type('form').send({ token, csrfToken });
}

describe('the dashboard behind a control token', () => {
  it('shows the sign-in page, never the dashboard, to a browser without the token', async () => {
    const e = await emulator({ control: { token: TOKEN } });
    const page = await request(e.app).get('/_emulator/').set('Accept', 'text/html');
    expect(page.status).toBe(401);
    expect(page.headers['www-authenticate']).toBeUndefined();
    expect(page.text).toContain('data-testid="sign-in-form"');
    expect(page.text).not.toContain('data-testid="dashboard"');
    expect(page.headers['set-cookie']).toEqual([expect.stringMatching(/^hmrc-sandbox-sign-in=[\w-]+; Path=\/_emulator; HttpOnly; SameSite=Strict$/)]);
  });

  it('signs in with the token once: an HttpOnly SameSite=Strict cookie then stands in for it', async () => {
    const e = await emulator({ control: { token: TOKEN } });
    expect((await signIn(e.app, 'not-the-token')).status).toBe(401);
    const signedIn = await signIn(e.app);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/_emulator/');
    const session = (signedIn.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('hmrc-sandbox-control='))!;
    expect(session).toMatch(/; Path=\/_emulator; HttpOnly; SameSite=Strict$/);
    expect(session).not.toContain(TOKEN);
    const cookie = session.split(';')[0]!;
    expect((await request(e.app).get('/_emulator/accounts').set('Cookie', cookie)).status).toBe(200);
    const page = await request(e.app).get('/_emulator/').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="dashboard"');
    expect((await request(e.app).get('/_emulator/accounts').set('Cookie', `${cookie.slice(0, -3)}abc`)).status).toBe(401);
  });

  it('refuses a sign-in form it did not serve (no matching sign-in cookie)', async () => {
    const e = await emulator({ control: { token: TOKEN } });
    const res = await request(e.app).post('/_emulator/session').type('form').send({ token: TOKEN, csrfToken: 'guessed' });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']?.toString() ?? '').not.toContain('hmrc-sandbox-control=');
  });

  it('needs the session\'s CSRF token on every state-changing call the cookie authenticates', async () => {
    const e = await emulator({ control: { token: TOKEN } });
    const cookie = String((await signIn(e.app)).headers['set-cookie']).match(/hmrc-sandbox-control=[^;]+/)![0];
    const page = await request(e.app).get('/_emulator/').set('Cookie', cookie);
    const csrf = /data-csrf="([^"]+)"/.exec(page.text)![1]!;
    const bare = await request(e.app).post('/_emulator/clock/advance').set('Cookie', cookie).send({ by: 'PT10M' });
    expect(bare.status).toBe(403);
    expect(bare.body).toMatchObject({ error: 'forbidden' });
    expect((await request(e.app).post('/_emulator/clock/advance').set('Cookie', cookie).set('X-CSRF-Token', 'x').send({ by: 'PT10M' })).status).toBe(403);
    const ok = await request(e.app).post('/_emulator/clock/advance').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ by: 'PT10M' });
    expect(ok.body).toEqual({ now: '2026-01-15T09:10:00.000Z' });
    expect((await request(e.app).post('/_emulator/clock/advance').set('Cookie', cookie).type('form').send({ by: 'PT10M', csrfToken: csrf })).status).toBe(200);
    expect((await request(e.app).post('/_emulator/clock/advance').set('Authorization', `Bearer ${TOKEN}`).send({ by: 'PT10M' })).status).toBe(200);
    const out = await request(e.app).post('/_emulator/sign-out').set('Cookie', cookie).type('form').send({ csrfToken: csrf });
    expect(out.status).toBe(303);
    expect(String(out.headers['set-cookie'])).toContain('hmrc-sandbox-control=; Path=/_emulator; HttpOnly; SameSite=Strict; Max-Age=0');
  });

  it('keeps the OpenAPI document and the dashboard behind the guard like every control route', async () => {
    const e = await emulator({ control: { token: TOKEN } });
    expect((await request(e.app).get('/_emulator/openapi.json')).status).toBe(401);
    expect((await request(e.app).get('/_emulator/openapi.json').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
    const open = await emulator();
    expect((await request(open.app).get('/_emulator/openapi.json').set('Host', 'attacker.example')).status).toBe(403);
    expect((await request(open.app).get('/_emulator/').set('Host', 'attacker.example')).status).toBe(403);
    expect((await request(open.app).post('/_emulator/session').set('Origin', 'https://attacker.example').type('form').send({})).status).toBe(403);
  });
});
