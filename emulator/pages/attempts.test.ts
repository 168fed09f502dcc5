import { describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { Attempts } from './attempts.js';

function attempts() {
  const clock = createClock({ frozen: true, start: Date.parse('2026-01-15T09:00:00Z') });
  return { clock, a: new Attempts(createMemoryStore(clock), clock, 'test', 3, 60_000) };
}

describe('Attempts', () => {
  it('locks after the maximum number of failures in a row, until the clock passes the lock-out', async () => {
    const { clock, a } = attempts();
    expect(await a.fail('u')).toBe(false);
    expect(await a.fail('u')).toBe(false);
    expect(await a.lockedUntil('u')).toBeUndefined();
    expect(await a.fail('u')).toBe(true);
    expect(await a.lockedUntil('u')).toBe(clock.now() + 60_000);
    clock.advance(60_000);
    expect(await a.lockedUntil('u')).toBeUndefined();
    expect(await a.fail('u')).toBe(false);
  });

  it('starts counting again after a success', async () => {
    const { a } = attempts();
    await a.fail('u');
    await a.fail('u');
    await a.reset('u');
    expect(await a.fail('u')).toBe(false);
  });

  it('counts each user separately', async () => {
    const { a } = attempts();
    await a.fail('u');
    await a.fail('u');
    expect(await a.fail('v')).toBe(false);
  });
});
