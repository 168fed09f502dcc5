import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, emulator } from '../support.js';

// oidc-provider warns once per process, so this file holds the first token requests its process makes.
describe('POST /oauth/token: the body reaches oidc-provider as a readable request', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['a plain form', 'application/x-www-form-urlencoded'],
    ['a form with a charset', 'application/x-www-form-urlencoded; charset=ISO-8859-1'],
  ])('exchanges %s without oidc-provider warning that the body was already parsed', async (_name, type) => {
    const warn = vi.spyOn(console, 'warn');
    const e = await emulator();
    const res = await request(e.app)
      .post('/oauth/token')
      .set('Content-Type', type)
      .send(`grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&scope=hello`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', scope: 'hello' });
    expect(warn.mock.calls.flat().join('\n')).not.toMatch(/already parsed request body/);
  });
});
