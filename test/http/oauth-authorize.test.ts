import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { authorize, CLIENT_ID, emulator, REDIRECT_URI } from '../support.js';

const valid = { response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: REDIRECT_URI, state: 'abc' };
const without = (name: string): Record<string, string> => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== name));

describe('GET /oauth/authorize: HMRC error table, shown to the browser and never redirected', () => {
  let e: Emulator;
  beforeAll(async () => {
    e = await emulator();
  });

  it.each([
    ['client_id is missing', without('client_id'), 'invalid_request', 'client_id is required'],
    ['client_id is unknown', { ...valid, client_id: 'nope' }, 'invalid_request', 'client_id is invalid'],
    ['redirect_uri is missing', without('redirect_uri'), 'invalid_request', 'redirect_uri is required'],
    ['redirect_uri is not registered', { ...valid, redirect_uri: 'https://evil.example.com/cb' }, 'invalid_request', 'redirect_uri is invalid'],
    ['redirect_uri differs by a trailing slash', { ...valid, redirect_uri: `${REDIRECT_URI}/` }, 'invalid_request', 'redirect_uri is invalid'],
    ['response_type is missing', without('response_type'), 'invalid_request', 'response_type is required'],
    ['response_type is not code', { ...valid, response_type: 'token' }, 'unsupported_response_type', "response_type must be 'code'"],
    ['scope is missing', without('scope'), 'invalid_request', 'scope is required'],
    ['scope is unknown', { ...valid, scope: 'hello read:everything' }, 'invalid_scope', 'scope is invalid'],
    ['client_secret is included', { ...valid, client_secret: 'x' }, 'invalid_request', 'client_secret should NOT be present'],
    ['code_challenge is empty', { ...valid, code_challenge: '', code_challenge_method: 'S256' }, 'invalid_request', 'code_challenge if present, cannot be empty'],
    ['code_challenge_method is plain', { ...valid, code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'plain' }, 'invalid_request', 'code_challenge_method, if present, must be S256'],
    ['code_challenge comes without a method', { ...valid, code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' }, 'invalid_request', 'code_challenge_method should be present when code_challenge is present'],
    ['code_challenge_method comes without a challenge', { ...valid, code_challenge_method: 'S256' }, 'invalid_request', 'code_challenge should be present when code_challenge_method is present'],
  ])('answers 400 when %s', async (_name, query, error, description) => {
    const res = await request(e.app).get('/oauth/authorize').query(query);
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error, error_description: description });
  });

  it('rejects a repeated parameter without redirecting', async () => {
    const res = await request(e.app).get(`/oauth/authorize?client_id=${CLIENT_ID}&client_id=${CLIENT_ID}&response_type=code&scope=hello&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_request', error_description: 'client_id must only be provided once' });
  });

  it('accepts scopes joined by + or by %20 and starts the journey', async () => {
    for (const joined of ['hello+read:vat', 'hello%20read:vat']) {
      const res = await request(e.app).get(`/oauth/authorize?response_type=code&client_id=${CLIENT_ID}&scope=${joined}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/oauth\/interaction\//);
    }
  });

  it('accepts a request without state', async () => {
    const res = await request(e.app).get('/oauth/authorize').query(without('state'));
    expect(res.status).toBe(303);
  });
});

describe('GET /oauth/authorize: OpenID Connect parameters, which HMRC does not offer, are ignored', () => {
  it.each<Record<string, string>>([
    { response_mode: 'form_post' },
    { response_mode: 'fragment' },
    { response_mode: 'query' },
    { prompt: 'none' },
    { prompt: 'login consent' },
    { max_age: '0' },
    { id_token_hint: 'not-a-token' },
    { login_hint: 'someone-else' },
    { acr_values: 'urn:example' },
    { claims: '{not json' },
    { request: 'x.y.z' },
    { request_uri: 'urn:example:request' },
    { ui_locales: 'cy' },
  ])('%j: HMRC\'s journey, then a query redirect with the code', async (extra) => {
    const e = await emulator();
    const { location, code } = await authorize(e, { extra });
    expect(location.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    expect(location).not.toContain('#');
    expect(code).toBeDefined();
    expect(new URL(location).searchParams.get('state')).toBe('state-123');
  });

  it('also when the parameter name is percent-encoded', async () => {
    const e = await emulator();
    const { location } = await authorize(e, { rawQuery: 'response%5Fmode=form_post' });
    expect(location.startsWith(`${REDIRECT_URI}?`)).toBe(true);
  });
});
