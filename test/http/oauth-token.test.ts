import { createHash } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { authorize, CLIENT_ID, CLIENT_SECRET, emulator, exchange, JSON_V1, REDIRECT_URI } from '../support.js';

const token = (e: Emulator, body: Record<string, string>) => request(e.app).post('/oauth/token').type('form').send(body);
const creds = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };
const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more-chars';
const challenge = createHash('sha256').update(verifier).digest('base64url');

describe('POST /oauth/token: HMRC error tables', () => {
  let e: Emulator;
  let code: string;
  beforeAll(async () => {
    e = await emulator();
    code = (await authorize(e)).code!;
  });

  it.each([
    ['client_id is missing', { client_secret: CLIENT_SECRET, grant_type: 'client_credentials' }, 400, 'invalid_request', 'client_id is required'],
    ['client_id is unknown', { client_id: 'nope', client_secret: CLIENT_SECRET, grant_type: 'client_credentials' }, 401, 'invalid_client', 'invalid client id or secret'],
    ['client_secret is missing', { client_id: CLIENT_ID, grant_type: 'client_credentials' }, 400, 'invalid_request', 'client_secret is required'],
    ['client_secret is wrong', { client_id: CLIENT_ID, client_secret: 'wrong-secret', grant_type: 'client_credentials' }, 401, 'invalid_client', 'invalid client id or secret'],
    ['grant_type is missing', { ...creds }, 400, 'invalid_request', 'grant_type is required'],
    ['grant_type is unknown', { ...creds, grant_type: 'password' }, 400, 'invalid_request', 'unsupported grant_type'],
    ['redirect_uri is missing', { ...creds, grant_type: 'authorization_code', code: 'x' }, 400, 'invalid_request', 'redirect_uri is required'],
    ['redirect_uri is not registered', { ...creds, grant_type: 'authorization_code', code: 'x', redirect_uri: 'https://evil.example.com/' }, 400, 'invalid_request', 'redirect_uri is invalid'],
    ['code is missing', { ...creds, grant_type: 'authorization_code', redirect_uri: REDIRECT_URI }, 400, 'invalid_request', 'code is required for given grant_type'],
    ['code is unknown', { ...creds, grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, code: 'not-a-code' }, 400, 'invalid_request', 'code is invalid'],
    ['refresh_token is missing', { ...creds, grant_type: 'refresh_token' }, 400, 'invalid_request', 'refresh_token is required'],
    ['refresh_token is unknown', { ...creds, grant_type: 'refresh_token', refresh_token: 'nope' }, 400, 'invalid_grant', 'refresh_token is invalid'],
    ['client_credentials scope is unknown', { ...creds, grant_type: 'client_credentials', scope: 'read:everything' }, 400, 'invalid_scope', 'scope is invalid'],
  ])('answers when %s', async (_name, body, status, error, description) => {
    const res = await token(e, body as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error, error_description: description });
  });

  it('answers redirect_uri is invalid when the registered URI differs from the one the code was issued for', async () => {
    const res = await exchange(e, code, { redirect_uri: 'http://localhost:8080/callback' });
    expect(res.body).toEqual({ error: 'invalid_request', error_description: 'redirect_uri is invalid' });
  });

  it('answers code_verifier is not expected when no challenge was sent', async () => {
    const res = await exchange(e, code, { code_verifier: verifier });
    expect(res.body).toEqual({ error: 'invalid_request', error_description: 'code_verifier is not expected' });
  });
});

describe('POST /oauth/token: grants', () => {
  it('exchanges a code once for HMRC\'s token response', async () => {
    const e = await emulator();
    const { code } = await authorize(e, { scope: 'hello read:vat' });
    const res = await exchange(e, code!);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 14400, scope: 'hello read:vat' });
    const again = await exchange(e, code!);
    expect(again.body).toEqual({ error: 'invalid_request', error_description: 'code is invalid' });
  });

  it('revokes the tokens issued from a code that is used twice', async () => {
    const e = await emulator();
    const { code } = await authorize(e);
    const first = await exchange(e, code!);
    await exchange(e, code!);
    const api = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${first.body.access_token}`);
    expect(api.status).toBe(401);
  });

  it('issues an application token without a refresh token, echoing the scope', async () => {
    const e = await emulator();
    const res = await request(e.app).post('/oauth/token').type('form').send({ ...creds, grant_type: 'client_credentials', scope: 'hello' });
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toBeUndefined();
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 14400, scope: 'hello' });
  });

  it('rotates the refresh token and invalidates the previous access and refresh tokens', async () => {
    const e = await emulator();
    const first = (await exchange(e, (await authorize(e)).code!)).body;
    const refreshed = await token(e, { ...creds, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ token_type: 'bearer', expires_in: 14400, scope: 'hello' });
    expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
    const call = (t: string) => request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${t}`);
    expect((await call(first.access_token)).status).toBe(401);
    expect((await call(refreshed.body.access_token)).status).toBe(200);
    const reused = await token(e, { ...creds, grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
  });

  it('answers a refresh token sent again while its first exchange is in progress with HMRC\'s invalid_request', async () => {
    const e = await emulator();
    const first = (await exchange(e, (await authorize(e)).code!)).body;
    // The first exchange is held for 400 ms by a one-shot fault; the second arrives meanwhile.
    await request(e.app).post('/_emulator/faults').send({ id: 'token-slow', delayMs: 400 });
    const refresh = () => token(e, { ...creds, grant_type: 'refresh_token', refresh_token: first.refresh_token }).then((r) => r);
    const slow = refresh();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const concurrent = await refresh();
    expect(concurrent.status).toBe(400);
    expect(concurrent.body).toEqual({ error: 'invalid_request', error_description: 'Refresh operation is already in progress' });
    expect((await slow).status).toBe(200);
    const reused = await refresh();
    expect(reused.body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
  });

  it('answers a rotated refresh token sent again with invalid_grant, and the newest tokens keep working', async () => {
    const e = await emulator();
    const first = (await exchange(e, (await authorize(e)).code!)).body;
    const refresh = (t: string) => token(e, { ...creds, grant_type: 'refresh_token', refresh_token: t });
    const newest = (await refresh(first.refresh_token)).body;
    // A vendor whose refresh timed out retries it with the old token.
    expect((await refresh(first.refresh_token)).body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
    const call = (t: string) => request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${t}`);
    expect((await call(newest.access_token)).status).toBe(200);
    expect((await refresh(newest.refresh_token)).status).toBe(200);
  });

  it('revokes the whole grant on reuse when tokens.refreshTokenReuse is revoke-grant', async () => {
    const e = await emulator({ tokens: { refreshTokenReuse: 'revoke-grant' } });
    const first = (await exchange(e, (await authorize(e)).code!)).body;
    const refresh = (t: string) => token(e, { ...creds, grant_type: 'refresh_token', refresh_token: t });
    const newest = (await refresh(first.refresh_token)).body;
    expect((await refresh(first.refresh_token)).body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
    const call = (t: string) => request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${t}`);
    expect((await call(newest.access_token)).status).toBe(401);
    expect((await refresh(newest.refresh_token)).body.error).toBe('invalid_grant');
  });

  it('gives twenty parallel refreshes with one refresh token one new pair, which keeps working', async () => {
    const e = await emulator();
    const first = (await exchange(e, (await authorize(e)).code!)).body;
    const all = await Promise.all(Array.from({ length: 20 }, () => token(e, { ...creds, grant_type: 'refresh_token', refresh_token: first.refresh_token })));
    const won = all.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    for (const lost of all.filter((r) => r.status !== 200)) {
      expect([
        { error: 'invalid_request', error_description: 'Refresh operation is already in progress' },
        { error: 'invalid_grant', error_description: 'refresh_token is invalid' },
      ]).toContainEqual(lost.body);
    }
    const call = (t: string) => request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${t}`);
    expect((await call(won[0]!.body.access_token)).status).toBe(200);
    expect((await token(e, { ...creds, grant_type: 'refresh_token', refresh_token: won[0]!.body.refresh_token })).status).toBe(200);
  });

  it('refuses another application\'s refresh token', async () => {
    const e = await emulator();
    await e.context.applications.register({ clientId: 'OtherApp', clientSecrets: ['other-secret-1'], name: 'Other', redirectUris: ['http://localhost:3000/callback'], subscriptions: ['hello'] });
    const first = (await exchange(e, (await authorize(e)).code!)).body;
    const res = await token(e, { client_id: 'OtherApp', client_secret: 'other-secret-1', grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(res.body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
  });
});

describe('POST /oauth/token: PKCE (optional, S256 only)', () => {
  it('exchanges a code with the matching verifier', async () => {
    const e = await emulator();
    const { code } = await authorize(e, { extra: { code_challenge: challenge, code_challenge_method: 'S256' } });
    expect((await exchange(e, code!, { code_verifier: verifier })).status).toBe(200);
  });

  it.each([
    ['no verifier', {}, 'invalid_request', 'code_verifier is expected when code_challenge was supplied'],
    ['a verifier that is too short', { code_verifier: 'short' }, 'invalid_request', 'code_verifier must contain valid characters of length between 43 and 128'],
    ['a verifier with invalid characters', { code_verifier: `${'a'.repeat(43)}!` }, 'invalid_request', 'code_verifier must contain valid characters of length between 43 and 128'],
    ['the wrong verifier', { code_verifier: 'x'.repeat(50) }, 'invalid_grant', 'code_verifier is invalid'],
  ])('refuses %s', async (_name, extra, error, description) => {
    const e = await emulator();
    const { code } = await authorize(e, { extra: { code_challenge: challenge, code_challenge_method: 'S256' } });
    expect((await exchange(e, code!, extra as Record<string, string>)).body).toEqual({ error, error_description: description });
  });
});

describe('POST /oauth/token: client authentication as software in the wild sends it', () => {
  const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;

  it('accepts credentials in a Basic header and in the body at once', async () => {
    const e = await emulator();
    const res = await request(e.app).post('/oauth/token').set('Authorization', basic).type('form').send({ ...creds, grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
  });

  it('accepts credentials in a Basic header alone', async () => {
    const e = await emulator();
    const res = await request(e.app).post('/oauth/token').set('Authorization', basic).type('form').send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
  });

  it('accepts a form body with charset=UTF-8 and no space', async () => {
    const e = await emulator();
    const res = await request(e.app)
      .post('/oauth/token')
      .set('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8')
      .send(new URLSearchParams({ ...creds, grant_type: 'client_credentials', scope: 'hello' }).toString());
    expect(res.status).toBe(200);
  });

  it('accepts any of the application\'s (up to five) client secrets', async () => {
    const e = await emulator({ applications: [{ clientId: 'MultiSecretApp', name: 'Multi', clientSecrets: ['first-secret', 'second-secret'], redirectUris: [], subscriptions: ['hello'] }] });
    const res = await token(e, { client_id: 'MultiSecretApp', client_secret: 'second-secret', grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
  });

  it('accepts a JSON body (the emulator\'s leniency; HMRC documents forms only)', async () => {
    const e = await emulator();
    const res = await request(e.app).post('/oauth/token').send({ ...creds, grant_type: 'client_credentials' });
    expect(res.status).toBe(200);
  });
});

describe('POST /oauth/token: the client oidc-provider knows', () => {
  it('is looked up afresh after a reset gives the seeded application a new internal secret', async () => {
    const e = await emulator();
    const grant = { ...creds, grant_type: 'client_credentials' };
    expect((await token(e, grant)).status).toBe(200);
    await request(e.app).post('/_emulator/reset');
    const again = await token(e, grant);
    expect(again.status).toBe(200);
    expect(again.body.token_type).toBe('bearer');
  });

  it('is looked up afresh for each application registered through the control API, before and after a reset', async () => {
    const e = await emulator();
    const register = (clientId: string) =>
      request(e.app).post('/_emulator/applications').send({ clientId, clientSecrets: [`${clientId}-secret-1`], name: clientId, redirectUris: ['http://localhost:8080/callback'] });
    expect((await register('FirstApp')).status).toBe(201);
    expect((await token(e, { client_id: 'FirstApp', client_secret: 'FirstApp-secret-1', grant_type: 'client_credentials' })).status).toBe(200);
    await request(e.app).post('/_emulator/reset');
    expect((await token(e, { client_id: 'FirstApp', client_secret: 'FirstApp-secret-1', grant_type: 'client_credentials' })).status).toBe(401);
    expect((await register('FirstApp')).status).toBe(201);
    const { code } = await authorize(e, { redirectUri: 'http://localhost:8080/callback', extra: { client_id: 'FirstApp' } });
    expect(code).toBeDefined();
  });
});

describe('POST /oauth/token: what HMRC does not offer is ignored, as HMRC ignores it', () => {
  it('answers a request with a DPoP header or a resource parameter as one without', async () => {
    const e = await emulator();
    const withDpop = await request(e.app).post('/oauth/token').type('form').set('DPoP', 'not.a.proof').send({ ...creds, grant_type: 'client_credentials' });
    expect(withDpop.status).toBe(200);
    expect(withDpop.body.token_type).toBe('bearer');
    const withResource = await token(e, { ...creds, grant_type: 'client_credentials', resource: 'https://api.example.com' });
    expect(withResource.status).toBe(200);
    expect(withResource.body.token_type).toBe('bearer');
  });

  it('advertises no DPoP, no pushed authorization requests and no resource indicators', async () => {
    const e = await emulator();
    const discovery = (await request(e.app).get('/.well-known/openid-configuration')).body as Record<string, unknown>;
    expect(discovery.token_endpoint).toMatch(/\/oauth\/token$/);
    expect(Object.keys(discovery).filter((k) => /dpop|pushed_authorization|resource/i.test(k))).toEqual([]);
  });
});

describe('a forwarded host no URL can carry', () => {
  // Found by the fuzzer (seed 12): oidc-provider builds URLs from X-Forwarded-Host and threw on this one.
  it('is ignored by discovery and the token endpoint instead of answering 500', async () => {
    const e = await emulator();
    const discovery = await request(e.app).get('/.well-known/openid-configuration').set('X-Forwarded-Host', '580777994417');
    expect(discovery.status).toBe(200);
    expect(discovery.body.token_endpoint).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/oauth\/token$/);
    const minted = await token(e, { ...creds, grant_type: 'client_credentials' }).set('X-Forwarded-Host', '580777994417');
    expect(minted.status).toBe(200);
  });
});
