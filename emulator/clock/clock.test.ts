import { describe, expect, it } from 'vitest';
import { createClock, LATEST_TIME, parseDuration, type ClockState } from './clock.js';

describe('clock', () => {
  it('flows with real time plus the advanced offset', () => {
    let real = 1_000;
    const clock = createClock({ realNow: () => real });
    real += 50;
    expect(clock.now()).toBe(1_050);
    clock.advance(4 * 3600_000);
    expect(clock.now()).toBe(1_050 + 4 * 3600_000);
    clock.reset();
    expect(clock.now()).toBe(1_050);
  });

  it('stands still when frozen, until advanced', () => {
    let real = 5;
    const clock = createClock({ frozen: true, start: 100, realNow: () => real });
    real += 1_000;
    expect(clock.now()).toBe(100);
    clock.advance(10);
    expect(clock.now()).toBe(110);
  });

  it('tells each state it takes, and carries on from a saved one as a restart would', () => {
    let real = 1_000;
    const states: ClockState[] = [];
    const clock = createClock({ start: 500, realNow: () => real, onChange: (s) => states.push(s) });
    clock.advance(100);
    expect(states).toEqual([{ base: 500, offset: -500 }, { base: 600, offset: -400 }]);
    real += 60_000;
    const restarted = createClock({ start: 500, realNow: () => real, saved: states.at(-1) });
    expect(restarted.now()).toBe(clock.now());
    const frozen = createClock({ frozen: true, realNow: () => real, saved: { base: 42, offset: 0 } });
    expect(frozen.now()).toBe(42);
    restarted.reset();
    expect(restarted.now()).toBe(500);
  });

  it('refuses to move backwards', () => {
    expect(() => createClock().advance(-1)).toThrow(RangeError);
  });

  it('refuses to move past the latest instant, and stays where it was', () => {
    const clock = createClock({ frozen: true, start: Date.UTC(2026, 0, 1) });
    expect(() => clock.advance(parseDuration('P300000Y')!)).toThrow(/cannot move past 9000-01-01/);
    expect(() => clock.advance(parseDuration('PT99999999999999999999999S')!)).toThrow(RangeError);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1));
    clock.advance(LATEST_TIME - clock.now());
    expect(new Date(clock.now()).toISOString()).toBe('9000-01-01T00:00:00.000Z');
  });

  it('parses ISO-8601 durations', () => {
    expect(parseDuration('PT4H')).toBe(14_400_000);
    expect(parseDuration('PT10M1S')).toBe(601_000);
    expect(parseDuration('P547D')).toBe(547 * 86_400_000);
    expect(parseDuration('P1DT1H')).toBe(25 * 3_600_000);
    expect(parseDuration('P18M')).toBe(540 * 86_400_000);
    for (const bad of ['', 'P', 'PT', '4H', 'PT-1H', 'P1.5D', 'banana']) expect(parseDuration(bad)).toBeUndefined();
  });
});
