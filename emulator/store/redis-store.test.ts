import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../../test/support/redis-server.js';
import { createClock } from '../clock/clock.js';
import { openRedisState } from './redis-state.js';
import type { EmulatorState } from './state.js';
import { storeContract, tenantContract } from './store-contract.js';

let server: RedisServer;
let admin: Redis;
const opened: EmulatorState[] = [];
const open = async (): Promise<EmulatorState> => {
  const state = await openRedisState(server.url);
  opened.push(state);
  return state;
};
const frozen = () => createClock({ frozen: true, start: 0 });

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});
beforeEach(async () => void (await admin.flushdb()));
afterEach(async () => {
  for (const state of opened.splice(0)) await state.close();
});
afterAll(async () => {
  admin?.disconnect();
  await server?.stop();
});

describe('Redis store', () => {
  describe('the Store contract', () => storeContract(async (clock) => (await open()).store(clock)));
  describe("a tenant's Store contract", () => storeContract(async (clock) => (await (await open()).tenant('t-1')).store(clock)));
  describe('tenants', () => tenantContract(open));

  it('adds fractions without losing them to Lua', async () => {
    const store = (await open()).store(frozen());
    expect(await store.increment('n', 'k', 0.1, 1000)).toBe(0.1);
    expect(await store.increment('n', 'k', 0.2, 1000)).toBe(0.1 + 0.2);
    expect(await store.get('n', 'k')).toBe(0.1 + 0.2);
  });

  it('deletes expired entries when they are swept, not only hides them', async () => {
    const clock = frozen();
    const store = (await open()).store(clock);
    const many = (n: number, name: string, expiresAt: number) => Promise.all(Array.from({ length: n }, (_, i) => store.set('tokens', `${name}-${i}`, i, { expiresAt })));
    await many(3000, 'old', 1000);
    clock.advance(1000);
    await many(2048, 'new', 5000);
    expect(await admin.hlen('hsb:{root}:v:tokens')).toBe(2048);
    expect(await admin.zcard('hsb:{root}:o:tokens')).toBe(2048);
    expect(await admin.zcard('hsb:{root}:x')).toBe(2048);
  });

  it("keeps each tenant's keys behind its own hash-tagged prefix, and a dropped tenant leaves no key behind", async () => {
    const state = await open();
    await state.store(frozen()).set('ns', 'k', 1);
    const tenant = await state.tenant('ci-1');
    tenant.meta.set('clock', { base: 1, offset: 0 });
    await tenant.store(frozen()).set('ns', 'k', 2, { expiresAt: 10 });
    await tenant.store(frozen()).append('journal', 'x', 10);
    await state.settled?.();
    expect((await admin.keys('hsb:{t.ci-1}:*')).sort()).toEqual(['keys', 'l:journal', 'meta', 'n:journal', 'o:ns', 'seq', 'v:ns', 'x'].map((k) => `hsb:{t.ci-1}:${k}`));
    await state.dropTenant('ci-1');
    expect(await admin.keys('hsb:{t.ci-1}:*')).toEqual([]);
    expect(await admin.hget('hsb:{root}:v:ns', 'k')).toBe(':1');
  });
});

describe('two emulators on one Redis', () => {
  const two = async () => {
    const [a, b] = [await open(), await open()];
    return { a, b, one: a.store(frozen()), other: b.store(frozen()) };
  };

  it('lets exactly one of them claim a key', async () => {
    const { one, other } = await two();
    const keys = Array.from({ length: 50 }, (_, i) => `code-${i}`);
    const wins = await Promise.all(keys.map(async (k) => (await Promise.all([one.claim('codes', k, 1000), other.claim('codes', k, 1000)])).filter(Boolean).length));
    expect(wins).toEqual(keys.map(() => 1));
  });

  it('adds up increments from both, and numbers a log written by both without gaps or repeats', async () => {
    const { one, other } = await two();
    const counts = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? one : other).increment('throttle', 'app', 1, 1000)));
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const numbers = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? one : other).append('journal', i, 1000)));
    expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect((await other.read('journal')).map(([n]) => n)).toEqual(numbers);
  });

  it("sees the other's meta after a refresh, and a refresh never undoes a later set", async () => {
    const { a, b } = await two();
    const ta = await a.tenant('ci-1');
    const tb = await b.tenant('ci-1');
    a.meta.set('clock', { base: 1, offset: 0 });
    ta.meta.set('clock', { base: 2, offset: 0 });
    await a.settled?.();
    expect(b.meta.get('clock')).toBeUndefined();
    await b.refresh?.();
    expect(b.meta.get('clock')).toEqual({ base: 1, offset: 0 });
    expect(tb.meta.get('clock')).toEqual({ base: 2, offset: 0 });

    const refreshing = b.refresh?.();
    b.meta.set('clock', { base: 3, offset: 0 });
    await refreshing;
    expect(b.meta.get('clock')).toEqual({ base: 3, offset: 0 });
    await b.settled?.();
    await a.refresh?.();
    expect(a.meta.get('clock')).toEqual({ base: 3, offset: 0 });
  });
});
