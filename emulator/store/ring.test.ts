import { describe, expect, it } from 'vitest';
import { Ring } from './ring.js';

function filled(values: number[], max: number): Ring<number> {
  const ring = new Ring<number>();
  for (const v of values) ring.push(v, max);
  return ring;
}

describe('Ring', () => {
  it('keeps everything, in order, until it is full', () => {
    expect(filled([1, 2, 3], 5).toArray()).toEqual([1, 2, 3]);
  });

  it('keeps the newest max entries, oldest first, however often it wraps', () => {
    const values = Array.from({ length: 23 }, (_, i) => i);
    expect(filled(values, 5).toArray()).toEqual([18, 19, 20, 21, 22]);
  });

  it('keeps the newest entries when max shrinks or grows after wrapping', () => {
    const ring = filled([1, 2, 3, 4, 5, 6, 7], 4);
    ring.push(8, 2);
    expect(ring.toArray()).toEqual([7, 8]);
    ring.push(9, 3);
    ring.push(10, 3);
    expect(ring.toArray()).toEqual([8, 9, 10]);
    const wrapped = filled([1, 2, 3, 4, 5], 3);
    wrapped.push(6, 5);
    expect(wrapped.toArray()).toEqual([3, 4, 5, 6]);
  });

  it('agrees with a trimmed array over random appends and sizes', () => {
    const ring = new Ring<number>();
    const model: number[] = [];
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    for (let i = 0; i < 5_000; i++) {
      const max = i % 500 < 450 ? 50 : 1 + random(80);
      ring.push(i, max);
      model.push(i);
      model.splice(0, Math.max(0, model.length - max));
      expect(ring.toArray()).toEqual(model);
    }
  });

  it('keeps nothing when max is 0', () => {
    expect(filled([1, 2], 0).toArray()).toEqual([]);
  });
});
