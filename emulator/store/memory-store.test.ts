import { describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { createMemoryStore } from './memory-store.js';
import { openState } from './state.js';
import { storeContract, tenantContract } from './store-contract.js';

describe('memory store', () => {
  describe('the Store contract', () => storeContract((clock) => createMemoryStore(clock)));
  // Not the namespace `ns`: off the heap, a replace moves its key to the end (record-log.ts appends a new record).
  describe('the Store contract, off the heap', () => storeContract((clock) => createMemoryStore(clock, { offHeap: ['codes', 'one'] })));

  describe('tenants', () => tenantContract(() => openState(undefined)));

  it('forgets entries once the virtual clock passes their expiry', async () => {
    const clock = createClock({ frozen: true, start: 0 });
    const store = createMemoryStore(clock);
    await store.set('codes', 'a', { x: 1 }, { expiresAt: 600_000 });
    await store.set('codes', 'b', 2);
    clock.advance(599_999);
    expect(await store.get('codes', 'a')).toEqual({ x: 1 });
    clock.advance(1);
    expect(await store.get('codes', 'a')).toBeUndefined();
    expect(await store.entries('codes')).toEqual([['b', 2]]);
  });

  it('replaces a live value keeping its expiry, and stores nothing for a missing or expired key', async () => {
    const clock = createClock({ frozen: true, start: 0 });
    const store = createMemoryStore(clock);
    await store.set('codes', 'a', { used: false }, { expiresAt: 1000 });
    expect(await store.replace('codes', 'a', { used: true })).toBe(true);
    expect(await store.replace('codes', 'missing', { used: true })).toBe(false);
    expect(await store.get('codes', 'missing')).toBeUndefined();
    expect(await store.get('codes', 'a')).toEqual({ used: true });
    clock.advance(1000);
    expect(await store.get('codes', 'a')).toBeUndefined();
    expect(await store.replace('codes', 'a', { used: true })).toBe(false);
  });

  it('sweeps expired entries that are never read again, oldest first, keeping the live ones', async () => {
    const clock = createClock({ frozen: true, start: 0 });
    const store = createMemoryStore(clock);
    await store.set('tokens', 'kept', 'no expiry');
    for (let i = 0; i < 3000; i++) await store.set('tokens', `old-${i}`, i, { expiresAt: 1000 });
    clock.advance(1000);
    for (let i = 0; i < 4096; i++) await store.set('tokens', `new-${i}`, i, { expiresAt: 5000 });
    // Back before the old entries' expiry: only a sweep can have removed them.
    clock.reset();
    const keys = (await store.entries('tokens')).map(([key]) => key);
    expect(keys.filter((key) => key.startsWith('old-'))).toEqual([]);
    expect(keys.filter((key) => key.startsWith('new-'))).toHaveLength(4096);
    expect(keys[0]).toBe('kept');
  });

  it('drops every expired entry once the clock moves on, in namespaces nobody writes to again', async () => {
    const clock = createClock({ frozen: true, start: 0 });
    const store = createMemoryStore(clock, { offHeap: ['bulk'] });
    await store.set('codes', 'kept', 'no expiry');
    for (let i = 0; i < 100; i++) {
      await store.set('codes', `code-${i}`, i, { expiresAt: 600_000 });
      await store.set('grants', `grant-${i}`, i, { expiresAt: 10 * 600_000 - i });
      await store.set('bulk', `token-${i}`, i, { expiresAt: 600_000 });
    }
    clock.advance(10 * 600_000);
    await store.get('elsewhere', 'x');
    // Back before every expiry: only the sweep the clock's move started can have removed them.
    clock.reset();
    expect(await store.entries('codes')).toEqual([['kept', 'no expiry']]);
    expect(await store.entries('grants')).toEqual([]);
    expect(await store.entries('bulk')).toEqual([]);
  });

  it('counts within a window and starts again after it', async () => {
    const clock = createClock({ frozen: true, start: 0 });
    const store = createMemoryStore(clock);
    expect(await store.increment('t', 'app', 1, 1000)).toBe(1);
    expect(await store.increment('t', 'app', 1, 5000)).toBe(2);
    clock.advance(1000);
    expect(await store.increment('t', 'app', 1, 2000)).toBe(1);
  });

  it('keeps logs bounded, oldest dropped first', async () => {
    const store = createMemoryStore(createClock());
    for (let i = 0; i < 5; i++) expect(await store.append('journal', `entry ${i}`, 3)).toBe(i + 1);
    expect(await store.read('journal')).toEqual([
      [3, 'entry 2'],
      [4, 'entry 3'],
      [5, 'entry 4'],
    ]);
    await store.clear();
    expect(await store.read('journal')).toEqual([]);
    expect(await store.append('journal', 'after a reset', 3)).toBe(1);
  });

  it('keeps the namespaces it is told to off the heap, with the same contract', async () => {
    const clock = createClock({ frozen: true, start: 0 });
    const store = createMemoryStore(clock, { offHeap: ['tokens'] });
    const token = { jti: 't1', scope: 'hello' };
    await store.set('tokens', 't1', token, { expiresAt: 1000 });
    await store.set('tokens', 't2', { jti: 't2' });
    token.scope = 'changed';
    expect(await store.get('tokens', 't1')).toEqual({ jti: 't1', scope: 'hello' });
    expect(await store.replace('tokens', 't1', { jti: 't1', consumed: 1 })).toBe(true);
    expect((await store.entries('tokens')).map(([key]) => key)).toEqual(['t2', 't1']);
    clock.advance(1000);
    expect(await store.get('tokens', 't1')).toBeUndefined();
    await expect(store.increment('tokens', 'n', 1, 5000)).rejects.toThrow(/off-heap/);
    await store.delete('tokens', 't2');
    expect(await store.entries('tokens')).toEqual([]);
    await store.set('tokens', 't3', 3);
    await store.clear();
    expect(await store.get('tokens', 't3')).toBeUndefined();
  });
});
