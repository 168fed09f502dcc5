import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../emulator/clock/clock.js';
import { createMemoryStore } from '../../emulator/store/memory-store.js';
import type { Store } from '../../emulator/store/store.js';
import { applicationToken, authorize, CLIENT_ID, CLIENT_SECRET, emulator, exchange, JSON_V1 } from '../support.js';

/** The error a shared store gives while it is out of reach (store/store-unavailable.ts names it so). */
class Unreachable extends Error {
  override name = 'StoreUnavailableError';
}

/** A store that answers like the memory store, or fails every call like Redis down while `down` is set. */
function switchable(): { store: Store; down: (yes: boolean) => void } {
  const inner = createMemoryStore(createClock({ frozen: true, start: Date.parse('2026-01-15T09:00:00Z') }));
  let down = false;
  const store = new Proxy(inner, {
    get: (target, key: keyof Store) => (...args: unknown[]) => {
      if (down) return Promise.reject(new Unreachable('redis://localhost:1/0 is unreachable'));
      return (target[key] as (...a: unknown[]) => unknown)(...args);
    },
  }) as Store;
  return { store, down: (yes) => void (down = yes) };
}

const SERVER_ERROR = { code: 'SERVER_ERROR', message: 'Service unavailable' };

describe('the store out of reach', () => {
  it("answers the API, OAuth and the pages with HMRC's 503 SERVER_ERROR, and carries on when it is back", async () => {
    const { store, down } = switchable();
    const e = await emulator({}, { store, clock: createClock({ frozen: true, start: Date.parse('2026-01-15T09:00:00Z') }) });
    const token = await applicationToken(e);
    const { code } = await authorize(e);

    down(true);
    const api = await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);
    expect([api.status, api.body]).toEqual([503, SERVER_ERROR]);
    const tokens = await request(e.app).post('/oauth/token').type('form').send({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect([tokens.status, tokens.body]).toEqual([503, SERVER_ERROR]);
    const exchanged = await exchange(e, code!);
    expect([exchanged.status, exchanged.body]).toEqual([503, SERVER_ERROR]);
    const page = await request(e.app).get('/oauth/authorize').query({ response_type: 'code', client_id: CLIENT_ID, scope: 'hello', redirect_uri: 'http://localhost:8080/callback' });
    expect([page.status, page.body]).toEqual([503, SERVER_ERROR]);

    down(false);
    expect((await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await exchange(e, code!)).status).toBe(200);
  });
});
