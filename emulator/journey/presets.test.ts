import { describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { createMemoryStore } from '../store/memory-store.js';
import { JourneyPresets } from './presets.js';

const presets = () => new JourneyPresets(createMemoryStore(createClock({ frozen: true })));

describe('JourneyPresets', () => {
  it('gives an application\'s preset to the next journey of that application only, once', async () => {
    const p = presets();
    await p.add({ outcome: 'deny', clientId: 'A', auto: false, remaining: 1 });
    expect(await p.take('start', 'B')).toBeUndefined();
    expect((await p.take('start', 'A'))?.outcome).toBe('deny');
    expect(await p.take('start', 'A')).toBeUndefined();
  });

  it('gives a user\'s page-mode preset at their sign-in, and an auto preset at the start', async () => {
    const p = presets();
    await p.add({ outcome: 'iv-timed-out', userId: 'u1', auto: false, remaining: 1 });
    await p.add({ outcome: 'grant', userId: 'u2', auto: true, remaining: 1 });
    expect((await p.take('start', 'A'))?.outcome).toBe('grant');
    expect(await p.take('start', 'A')).toBeUndefined();
    expect(await p.take('sign-in', 'A', 'u2')).toBeUndefined();
    expect((await p.take('sign-in', 'A', 'u1'))?.outcome).toBe('iv-timed-out');
  });

  it('keeps a preset without a count until cleared', async () => {
    const p = presets();
    await p.add({ outcome: 'deny', auto: true, remaining: undefined });
    expect(await p.take('start', 'A')).toBeDefined();
    expect(await p.take('start', 'B')).toBeDefined();
    await p.clear();
    expect(await p.list()).toEqual([]);
  });
});
