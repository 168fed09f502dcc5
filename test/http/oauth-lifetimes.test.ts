import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { authorize, CLIENT_ID, CLIENT_SECRET, emulator, exchange, JSON_V1 } from '../support.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const helloUser = (e: Emulator, token: string) => request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);
const refresh = (e: Emulator, refreshToken: string) =>
  request(e.app).post('/oauth/token').type('form').send({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'refresh_token', refresh_token: refreshToken });

describe('lifetimes follow the emulator clock', () => {
  it('accepts a code just before 10 minutes and refuses it after', async () => {
    const e = await emulator();
    const early = (await authorize(e)).code!;
    const late = (await authorize(e)).code!;
    e.context.clock.advance(10 * MINUTE - 1000);
    expect((await exchange(e, early)).status).toBe(200);
    e.context.clock.advance(2000);
    expect((await exchange(e, late)).body).toEqual({ error: 'invalid_request', error_description: 'code is invalid' });
  });

  it('expires the access token after 4 hours, and a refresh brings a working one', async () => {
    const e = await emulator();
    const tokens = (await exchange(e, (await authorize(e)).code!)).body;
    e.context.clock.advance(4 * 60 * MINUTE - 1000);
    expect((await helloUser(e, tokens.access_token)).status).toBe(200);
    e.context.clock.advance(2000);
    const expired = await helloUser(e, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Invalid Authentication information provided' });
    const refreshed = await refresh(e, tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    expect((await helloUser(e, refreshed.body.access_token)).status).toBe(200);
  });

  it('lets the grant lapse 18 months (547 days) after it was given, however often it is refreshed', async () => {
    const e = await emulator();
    let tokens = (await exchange(e, (await authorize(e)).code!)).body;
    for (let refreshes = 0; refreshes < 6; refreshes++) {
      e.context.clock.advance(91 * DAY);
      const res = await refresh(e, tokens.refresh_token);
      expect(res.status).toBe(200);
      tokens = res.body;
    }
    // 6 × 91 = 546 days: one more day and the grant has lapsed.
    e.context.clock.advance(DAY + 1000);
    expect((await refresh(e, tokens.refresh_token)).body).toEqual({ error: 'invalid_grant', error_description: 'refresh_token is invalid' });
    expect((await helloUser(e, tokens.access_token)).status).toBe(401);
  });

  it('honours a configured grant length', async () => {
    const e = await emulator({ tokens: { grantDays: 2 } });
    const tokens = (await exchange(e, (await authorize(e)).code!)).body;
    e.context.clock.advance(DAY);
    expect((await refresh(e, tokens.refresh_token)).status).toBe(200);
  });
});
