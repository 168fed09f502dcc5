import { expect, it } from 'vitest';
import { createClock, type Clock } from '../clock/clock.js';
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
