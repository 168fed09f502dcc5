import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { DEFAULT_APPLICATION } from '../../emulator/config/defaults.js';
import { applicationToken, CLIENT_SECRET, emulator, JSON_V1 } from '../support.js';

/** HMRC's documented limit with the window its gateway counted over: 3 a second, 180 a minute. */
const HMRC = { throttle: { requestsPerSecond: 3, windowSeconds: 60 } };
const THROTTLED = { code: 'MESSAGE_THROTTLED_OUT', message: 'The request for the API is throttled as you have exceeded your quota.' };

const caller = (e: Emulator, token: string, path = '/hello/application') => () =>
  request(e.app).get(path).set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);

/** Calls until the first refusal (or `max` calls): how many passed, and the refusal. */
async function callUntilThrottled(e: Emulator, call: () => request.Test, max: number, everyMs = 0) {
  for (let passed = 0; passed < max; passed++) {
    const res = await call();
    if (res.status !== 200) return { passed, refusal: res };
    e.context.clock.advance(everyMs);
  }
  return { passed: max, refusal: undefined };
}

describe('throttling: HMRC\'s 3 requests per second per application, counted over a minute', () => {
  it('lets a burst of 10 requests in the same instant through', async () => {
    const e = await emulator(HMRC);
    const call = caller(e, await applicationToken(e));
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await call()).status);
    expect(statuses).toEqual(Array(10).fill(200));
  });

  it('never refuses a steady 3 requests a second (one every 334 ms), across windows', async () => {
    const e = await emulator(HMRC);
    const { passed } = await callUntilThrottled(e, caller(e, await applicationToken(e)), 210, 334);
    expect(passed).toBe(210);
  });

  it('refuses a sustained 4 requests a second once the minute\'s 180 are used, with HMRC\'s 429 and no Retry-After', async () => {
    const e = await emulator(HMRC);
    const { passed, refusal } = await callUntilThrottled(e, caller(e, await applicationToken(e)), 240, 250);
    expect(passed).toBe(180);
    expect(refusal?.status).toBe(429);
    expect(refusal?.body).toEqual(THROTTLED);
    expect(refusal?.headers['retry-after']).toBeUndefined();
  });

  it('starts counting again when the virtual clock reaches the next window', async () => {
    const e = await emulator(HMRC);
    const call = caller(e, await applicationToken(e));
    expect((await callUntilThrottled(e, call, 200)).passed).toBe(180);
    e.context.clock.advance(59_999);
    expect((await call()).status).toBe(429);
    e.context.clock.advance(1);
    expect((await call()).status).toBe(200);
  });

  it('counts each application on its own, with its own rateLimitPerSecond', async () => {
    const slow = { ...DEFAULT_APPLICATION, clientId: 'SlowApplicationClientId00000', name: 'Slow', rateLimitPerSecond: 1 };
    const e = await emulator({ ...HMRC, applications: [DEFAULT_APPLICATION, slow] });
    const token = await request(e.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: slow.clientId, client_secret: CLIENT_SECRET });
    const slowCall = caller(e, token.body.access_token as string);
    expect((await callUntilThrottled(e, slowCall, 100)).passed).toBe(60);
    expect((await caller(e, await applicationToken(e))()).status).toBe(200);
  });

  it('counts the test-support APIs too: fraud header validation uses the same quota', async () => {
    const e = await emulator({ throttle: { requestsPerSecond: 3, windowSeconds: 1 } });
    const token = await applicationToken(e);
    const validate = caller(e, token, '/test/fraud-prevention-headers/validate');
    for (let i = 0; i < 3; i++) expect((await validate()).status).toBe(200);
    const res = await caller(e, token)();
    expect(res.status).toBe(429);
    expect(res.body).toEqual(THROTTLED);
  });

  it('is a strict per-second limit with windowSeconds: 1', async () => {
    const e = await emulator({ throttle: { requestsPerSecond: 3, windowSeconds: 1 } });
    const call = caller(e, await applicationToken(e));
    expect((await callUntilThrottled(e, call, 10)).passed).toBe(3);
    e.context.clock.advance(1000);
    expect((await call()).status).toBe(200);
  });

  it('does not throttle open endpoints called without a token', async () => {
    const e = await emulator({ throttle: { requestsPerSecond: 1, windowSeconds: 1 } });
    for (let i = 0; i < 3; i++) expect((await request(e.app).get('/hello/world').set('Accept', JSON_V1)).status).toBe(200);
  });
});
