import { describe, expect, it } from 'vitest';
import { createPrng } from '../accounts/identifiers/prng.js';
import { RecordLog } from './record-log.js';

describe('record log (off-heap namespace)', () => {
  it('keeps values as copies, in insertion order, a rewrite moving the key to the end', () => {
    const log = new RecordLog();
    const value = { jti: 'a', scope: ['hello'] };
    log.set('a', value, undefined, 0);
    log.set('b', { n: 2 }, 5000, 0);
    value.jti = 'changed';
    expect(log.get('a', 0)).toEqual({ jti: 'a', scope: ['hello'] });
    log.set('a', { n: 3 }, undefined, 0);
    expect(log.entries(0)).toEqual([['b', { n: 2 }], ['a', { n: 3 }]]);
    expect(log.entries(5000)).toEqual([['a', { n: 3 }]]);
    expect(log.get('b', 5000)).toBeUndefined();
    expect(log.replace('b', { n: 4 }, 0)).toBe(false);
    expect(log.replace('a', { n: 5 }, 0)).toBe(true);
    log.delete('a');
    expect(log.get('a', 0)).toBeUndefined();
    log.clear();
    expect(log.entries(0)).toEqual([]);
  });

  it('agrees with a Map over 30,000 random writes, reads, deletes and expiries, across slabs and sweeps', () => {
    const prng = createPrng('record-log');
    const log = new RecordLog();
    const model = new Map<string, { value: unknown; expiresAt: number | undefined }>();
    const modelGet = (key: string, now: number): unknown => {
      const e = model.get(key);
      if (e?.expiresAt !== undefined && e.expiresAt <= now) model.delete(key);
      return model.get(key)?.value;
    };
    let now = 0;
    for (let i = 0; i < 30_000; i++) {
      const key = `k${prng.int(0, 3000)}${'é'.repeat(prng.int(0, 2))}`;
      const op = prng.int(0, 9);
      if (op <= 4) {
        const value = { i, text: 'x'.repeat(prng.int(0, 300)) };
        const expiresAt = prng.int(0, 3) === 0 ? undefined : now + prng.int(1, 5000);
        log.set(key, value, expiresAt, now);
        model.delete(key);
        model.set(key, { value, expiresAt });
      } else if (op <= 6) {
        expect(log.get(key, now)).toEqual(modelGet(key, now));
      } else if (op === 7) {
        log.delete(key);
        model.delete(key);
      } else if (op === 8) {
        const value = { replaced: i };
        const live = modelGet(key, now) !== undefined;
        expect(log.replace(key, value, now)).toBe(live);
        if (live) {
          const { expiresAt } = model.get(key)!;
          model.delete(key);
          model.set(key, { value, expiresAt });
        }
      } else {
        now += prng.int(0, 200);
      }
    }
    const expected = [...model].filter(([, e]) => e.expiresAt === undefined || e.expiresAt > now).map(([k, e]) => [k, e.value]);
    expect(log.entries(now)).toEqual(expected);
  });

  it('releases slabs whose records have all expired', () => {
    const log = new RecordLog();
    const big = 'y'.repeat(10_000);
    for (let i = 0; i < 400; i++) log.set(`old${i}`, big, 1000, 0);
    for (let i = 0; i < 3000; i++) log.set(`new${i}`, i, 10_000, 2000);
    const held = (log as unknown as { slabs: Array<Buffer | undefined> }).slabs.filter(Boolean).length;
    expect(held).toBeLessThan(4);
    expect(log.get('old1', 2000)).toBeUndefined();
    expect(log.get('new1', 2000)).toBe(1);
  });
});
