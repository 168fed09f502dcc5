import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { applicationToken, authorize, emulator, exchange, JSON_V1 } from '../support.js';

const WWW = 'Bearer realm="HMRC API Platform"';

describe('the gateway answers with HMRC\'s platform errors', () => {
  let e: Emulator;
  let appToken: string;
  let userToken: string;
  beforeAll(async () => {
    e = await emulator();
    appToken = await applicationToken(e);
    userToken = (await exchange(e, (await authorize(e, { scope: 'read:vat' })).code!)).body.access_token;
  });

  it.each([
    ['no Accept header', undefined],
    ['a plain JSON Accept header', 'application/json'],
    ['an unversioned HMRC Accept header', 'application/vnd.hmrc+json'],
    ['a garbled Accept header', 'application/vnd.hmrc.1.0+yaml'],
  ])('answers 406 ACCEPT_HEADER_INVALID for %s', async (_name, accept) => {
    const req = request(e.app).get('/hello/world');
    if (accept) req.set('Accept', accept);
    const res = await req;
    expect(res.status).toBe(406);
    expect(res.body).toEqual({ code: 'ACCEPT_HEADER_INVALID', message: 'The accept header is missing or invalid' });
    expect(res.headers['x-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 404 NOT_FOUND for a version the API does not have', async () => {
    const res = await request(e.app).get('/hello/world').set('Accept', 'application/vnd.hmrc.9.9+json');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'The requested resource could not be found' });
  });

  it.each(['/hello/nowhere', '/no-such-api/at/all', '/'])('answers 404 MATCHING_RESOURCE_NOT_FOUND for %s', async (path) => {
    const res = await request(e.app).get(path).set('Accept', JSON_V1);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'A resource with the name in the request can not be found in the API' });
  });

  it('answers 404 MATCHING_RESOURCE_NOT_FOUND for a method the endpoint does not have', async () => {
    const res = await request(e.app).post('/hello/world').set('Accept', JSON_V1);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('MATCHING_RESOURCE_NOT_FOUND');
  });

  it('answers 401 MISSING_CREDENTIALS with WWW-Authenticate when no token is sent', async () => {
    const res = await request(e.app).get('/hello/user').set('Accept', JSON_V1);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(WWW);
    expect(res.body).toEqual({ code: 'MISSING_CREDENTIALS', message: 'Authentication information is not provided' });
  });

  it.each([['an unknown token', 'Bearer nope'], ['a non-bearer scheme', `Basic abc`], ['an empty bearer', 'Bearer ']])(
    'answers 401 INVALID_CREDENTIALS with WWW-Authenticate for %s',
    async (_name, header) => {
      const res = await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', header);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(WWW);
      expect(res.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Invalid Authentication information provided' });
    },
  );

  it('answers 401 INCORRECT_ACCESS_TOKEN_TYPE for an application token on a user-restricted endpoint', async () => {
    const res = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${appToken}`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'INCORRECT_ACCESS_TOKEN_TYPE', message: 'The access token type used is not supported when invoking the API' });
  });

  it('accepts a user token on an application-restricted endpoint, as HMRC\'s gateway does', async () => {
    const res = await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${userToken}`);
    expect(res.status).toBe(200);
  });

  it('answers 403 INVALID_SCOPE when the token lacks the endpoint\'s scope', async () => {
    const res = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${userToken}`);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'INVALID_SCOPE', message: 'Cannot access the required resource. Ensure this token has all the required scopes.' });
  });

  it('answers 403 RESOURCE_FORBIDDEN when the application is not subscribed to the API', async () => {
    await e.context.applications.register({ clientId: 'UnsubscribedApp', clientSecrets: ['unsubscribed-secret'], name: 'Unsubscribed', redirectUris: [], subscriptions: [] });
    const token = (await request(e.app).post('/oauth/token').type('form').send({ client_id: 'UnsubscribedApp', client_secret: 'unsubscribed-secret', grant_type: 'client_credentials' })).body.access_token;
    const res = await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'RESOURCE_FORBIDDEN', message: 'The application is not subscribed to the API which it is attempting to invoke' });
  });

  it('renders errors as XML for +xml callers', async () => {
    const res = await request(e.app).get('/hello/user').set('Accept', 'application/vnd.hmrc.1.0+xml');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toBe('<errorResponse><code>MISSING_CREDENTIALS</code><message>Authentication information is not provided</message></errorResponse>');
  });
});

describe('Hello World', () => {
  it.each([
    ['1.0', 'json', '/hello/world', '{"message":"Hello World"}'],
    ['2.0', 'json', '/hello/world', '{"message":"Hello World"}'],
    ['1.0', 'xml', '/hello/world', '<Hello><message>Hello World</message></Hello>'],
    ['2.0', 'xml', '/hello/world', '<Hello2><message>Hello World</message></Hello2>'],
  ])('answers version %s in %s', async (version, format, path, body) => {
    const e = await emulator();
    const res = await request(e.app).get(path).set('Accept', `application/vnd.hmrc.${version}+${format}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(body);
    expect(res.headers['x-correlationid']).toBeTruthy();
  });
});
