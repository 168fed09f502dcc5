import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedisServer, type RedisServer } from '../../test/support/redis-server.js';
import { createClock } from '../clock/clock.js';
import { openRedisState } from './redis-state.js';
import { StateOpenError } from './state-open-error.js';
import { StoreUnavailableError } from './store-unavailable.js';

const PASSWORD = 'hunter2-secret';
let server: RedisServer;
beforeAll(async () => void (server = await startRedisServer({ password: PASSWORD })));
afterAll(async () => server?.stop());

describe('Redis down and back', () => {
  it('rejects every call at once while Redis is down, then works again by itself, having lost nothing acknowledged', async () => {
    const state = await openRedisState(server.url);
    const store = state.store(createClock({ frozen: true, start: 0 }));
    await store.set('applications', 'app-1', { name: 'kept' });
    expect(await store.claim('codes', 'code-1', 1000)).toBe(true);
    expect(await store.append('journal', 'one', 10)).toBe(1);
    state.meta.set('clock', { base: 7, offset: 0 });
    await state.settled?.();

    await server.kill();
    const failure = store.get('applications', 'app-1').catch((err: unknown) => err);
    expect(await failure).toBeInstanceOf(StoreUnavailableError);
    expect(String(await failure)).toContain('redis://:***@127.0.0.1');
    expect(String(await failure)).not.toContain(PASSWORD);
    await expect(store.set('ns', 'k', 1)).rejects.toThrow(StoreUnavailableError);
    await expect(store.claim('codes', 'code-2')).rejects.toThrow(StoreUnavailableError);
    await expect(store.read('journal')).rejects.toThrow(StoreUnavailableError);
    await expect(state.refresh!()).rejects.toThrow(StoreUnavailableError);
    state.meta.set('other', 1);
    await expect(state.settled!()).rejects.toThrow(StoreUnavailableError);

    await server.restart();
    await vi.waitFor(() => store.get('applications', 'app-1'), { timeout: 15_000, interval: 100 });
    expect(await store.get('applications', 'app-1')).toEqual({ name: 'kept' });
    expect(await store.claim('codes', 'code-1', 1000)).toBe(false);
    expect(await store.append('journal', 'two', 10)).toBe(2);
    await state.refresh!();
    expect(state.meta.get('clock')).toEqual({ base: 7, offset: 0 });
    expect(state.meta.get('other')).toBeUndefined();
    await state.close();
  });
});

describe('opening Redis', () => {
  it('gives up on an unreachable Redis with one line naming the URL, its password masked', async () => {
    const port = server.port;
    await server.kill();
    try {
      const opening = openRedisState(`redis://:${PASSWORD}@127.0.0.1:${port}/0`, { waitMs: 300 });
      await expect(opening).rejects.toThrow(StateOpenError);
      await expect(opening).rejects.toThrow(new RegExp(`^cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/0 .*: start Redis, or check the URL$`));
    } finally {
      await server.restart();
    }
  });

  it('refuses a wrong password or database at once, and a URL that is not Redis', async () => {
    const wrong = server.url.replace(PASSWORD, 'wrong');
    await expect(openRedisState(wrong)).rejects.toThrow(/^Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0 refused the connection \(WRONGPASS/);
    await expect(openRedisState(server.url.replace(/\/0$/, '/99'))).rejects.toThrow(/refused the connection \(ERR DB index is out of range\)/);
    await expect(openRedisState('http://127.0.0.1/')).rejects.toThrow('http://127.0.0.1/ is not a Redis URL: give redis://[:password@]host:port/db');
  });

  it('refuses a Redis holding a newer layout of the state', async () => {
    const state = await openRedisState(server.url);
    const { Redis } = await import('ioredis');
    const admin = new Redis(server.url);
    await admin.set('hsb:schema', '2');
    admin.disconnect();
    await state.close();
    await expect(openRedisState(server.url)).rejects.toThrow(/holds hmrc-sandbox state of layout 2 \(this version reads 1\): upgrade hmrc-sandbox/);
  });
});
