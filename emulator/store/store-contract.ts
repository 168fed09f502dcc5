import { expect, it } from 'vitest';
import { createClock, type Clock } from '../clock/clock.js';
import type { EmulatorState } from './state.js';
import type { Store } from './store.js';

/**
 * The {@link Store} contract, as tests every implementation runs (`storeContract(make)` inside a `describe`):
 * what callers rely on, whatever stands behind the interface.
 */
export function storeContract(make: (clock: Clock) => Store | Promise<Store>): void {
  const frozen = async (): Promise<{ clock: Clock; store: Store }> => {
    const clock = createClock({ frozen: true, start: 0 });
    return { clock, store: await make(clock) };
  };

  it('forgets entries once the virtual clock passes their expiry', async () => {
    const { clock, store } = await frozen();
    await store.set('codes', 'a', { x: 1 }, { expiresAt: 600_000 });
    await store.set('codes', 'b', 2);
    clock.advance(599_999);
    expect(await store.get('codes', 'a')).toEqual({ x: 1 });
    clock.advance(1);
    expect(await store.get('codes', 'a')).toBeUndefined();
    expect(await store.entries('codes')).toEqual([['b', 2]]);
  });

  it('keeps insertion order: a set moves its key to the end, a replace keeps its place and its expiry', async () => {
    const { clock, store } = await frozen();
    await store.set('ns', 'a', 1, { expiresAt: 1000 });
    await store.set('ns', 'b', 2);
    await store.set('ns', 'c', 3);
    await store.set('ns', 'b', 'two');
    expect(await store.replace('ns', 'a', 'one')).toBe(true);
    expect(await store.replace('ns', 'missing', 'x')).toBe(false);
    expect(await store.get('ns', 'missing')).toBeUndefined();
    expect(await store.entries('ns')).toEqual([['a', 'one'], ['c', 3], ['b', 'two']]);
    clock.advance(1000);
    expect(await store.replace('ns', 'a', 'again')).toBe(false);
    await store.delete('ns', 'c');
    expect(await store.entries('ns')).toEqual([['b', 'two']]);
    expect(await store.entries('other')).toEqual([]);
  });

  it('keeps namespaces apart', async () => {
    const { store } = await frozen();
    await store.set('one', 'k', 1);
    await store.set('two', 'k', 2);
    expect(await store.get('one', 'k')).toBe(1);
    expect(await store.get('two', 'k')).toBe(2);
  });

  it('claims a key once while it lives, and again once it has expired', async () => {
    const { clock, store } = await frozen();
    expect(await store.claim('codes', 'code-1', 1000)).toBe(true);
    expect(await store.claim('codes', 'code-1', 5000)).toBe(false);
    expect(await store.claim('codes', 'code-2')).toBe(true);
    expect(await Promise.all([store.claim('codes', 'race'), store.claim('codes', 'race')])).toEqual([true, false]);
    clock.advance(1000);
    expect(await store.claim('codes', 'code-1', 2000)).toBe(true);
    expect(await store.claim('codes', 'code-2')).toBe(false);
  });

  it('counts within a window and starts again after it', async () => {
    const { clock, store } = await frozen();
    expect(await store.increment('t', 'app', 1, 1000)).toBe(1);
    expect(await store.increment('t', 'app', 1, 5000)).toBe(2);
    expect(await store.get('t', 'app')).toBe(2);
    clock.advance(1000);
    expect(await store.increment('t', 'app', 1, 2000)).toBe(1);
    clock.advance(1000);
    expect(await store.get('t', 'app')).toBeUndefined();
  });

  it('numbers log entries from 1, never reusing a number, and keeps the last `max`', async () => {
    const { store } = await frozen();
    for (let i = 0; i < 5; i++) expect(await store.append('journal', { i }, 3)).toBe(i + 1);
    expect(await store.append('other', 'x', 3)).toBe(1);
    expect(await store.read('journal')).toEqual([
      [3, { i: 2 }],
      [4, { i: 3 }],
      [5, { i: 4 }],
    ]);
    expect(await store.read('never')).toEqual([]);
  });

  it('forgets everything on clear, logs numbered afresh', async () => {
    const { store } = await frozen();
    await store.set('ns', 'k', 1);
    await store.append('journal', 'before', 3);
    await store.clear();
    expect(await store.get('ns', 'k')).toBeUndefined();
    expect(await store.read('journal')).toEqual([]);
    expect(await store.append('journal', 'after a reset', 3)).toBe(1);
  });

  it('stores plain JSON values faithfully: nested objects, arrays, strings, numbers, booleans, null', async () => {
    const { store } = await frozen();
    const value = { s: 'é ✓ "quoted"', n: 1.5, big: 2 ** 53 - 1, t: true, nil: null, list: [1, [2, { three: 3 }]] };
    await store.set('ns', 'k', value);
    expect(await store.get('ns', 'k')).toEqual(value);
    await store.set('ns', 'zero', 0);
    await store.set('ns', 'false', false);
    expect(await store.get('ns', 'zero')).toBe(0);
    expect(await store.get('ns', 'false')).toBe(false);
  });
}

/**
 * What every {@link EmulatorState} keeps apart: each tenant's store and meta from the default tenant's and from each
 * other's (`tenantContract(open)` inside a `describe`; `open` gives a fresh state).
 */
export function tenantContract(open: () => Promise<EmulatorState>): void {
  const frozen = (): Clock => createClock({ frozen: true, start: 0 });

  it('keeps each tenant apart from the default tenant and from every other tenant', async () => {
    const state = await open();
    const root = state.store(frozen());
    const a = (await state.tenant('ci-a')).store(frozen());
    const b = (await state.tenant('ci-b')).store(frozen());
    await root.set('ns', 'k', 'root');
    await a.set('ns', 'k', 'a');
    await b.set('ns', 'k', 'b');
    await a.append('journal', 'a1', 10);
    expect(await root.get('ns', 'k')).toBe('root');
    expect(await a.get('ns', 'k')).toBe('a');
    expect(await b.entries('ns')).toEqual([['k', 'b']]);
    expect(await b.read('journal')).toEqual([]);
    expect(await b.claim('ns', 'k')).toBe(false);
    expect(await b.claim('ns', 'other')).toBe(true);
    expect(await a.get('ns', 'other')).toBeUndefined();

    await root.clear();
    expect(await root.get('ns', 'k')).toBeUndefined();
    expect(await a.get('ns', 'k')).toBe('a');
    await a.clear();
    expect(await a.read('journal')).toEqual([]);
    expect(await b.get('ns', 'k')).toBe('b');
  });

  it("expires each scope's entries by its own clock only", async () => {
    const state = await open();
    const root = state.store(frozen());
    await root.set('codes', 'root', 1, { expiresAt: 1000 });
    const ahead = createClock({ frozen: true, start: 10 ** 12 });
    const tenant = (await state.tenant('ci-ahead')).store(ahead);
    for (let i = 0; i < 2100; i++) await tenant.set('codes', `t${i}`, i, { expiresAt: 10 ** 12 + 1 });
    ahead.advance(1);
    for (let i = 0; i < 2100; i++) await tenant.set('other', `t${i}`, i);
    expect(await root.get('codes', 'root')).toBe(1);
    expect(await tenant.get('codes', 't0')).toBeUndefined();
  });

  it('keeps each tenant its own meta, and forgets a dropped tenant whole', async () => {
    const state = await open();
    const a = await state.tenant('ci-a');
    state.meta.set('clock', { base: 1, offset: 0 });
    a.meta.set('clock', { base: 2, offset: 0 });
    const store = a.store(frozen());
    await store.set('ns', 'k', 1);
    await store.append('journal', 'x', 10);
    await state.settled?.();
    expect(state.meta.get('clock')).toEqual({ base: 1, offset: 0 });
    expect((await state.tenant('ci-a')).meta.get('clock')).toEqual({ base: 2, offset: 0 });

    await state.dropTenant('ci-a');
    const again = await state.tenant('ci-a');
    expect(again.meta.get('clock')).toBeUndefined();
    const fresh = again.store(frozen());
    expect(await fresh.get('ns', 'k')).toBeUndefined();
    expect(await fresh.read('journal')).toEqual([]);
    expect(state.meta.get('clock')).toEqual({ base: 1, offset: 0 });
  });
}
