/**
 * The one source of time for an emulator. Every expiry (codes, tokens, grants, lock-outs, links,
 * invitations, throttle windows) reads `now()`; the control API moves it with `advance()`.
 *
 * A flowing clock is real time plus an offset, so it runs normally until a test moves it forward.
 * A frozen clock stands still until advanced: useful for deterministic tests.
 */
export interface Clock {
  /** Milliseconds since the epoch, in virtual time. */
  now(): number;
  /**
   * Moves virtual time forward by `ms` (never backwards, never past {@link LATEST_TIME}); a RangeError,
   * and the clock unmoved, otherwise.
   */
  advance(ms: number): void;
  /** Back to the clock's starting point (used by reset). */
  reset(): void;
  /** Stands where `state` says, without telling `onChange`: another process sharing the state moved it. */
  restore(state: ClockState): void;
}

/**
 * The latest instant virtual time may reach: 9000-01-01T00:00:00Z. Every expiry computed from the clock (a grant
 * of up to a hundred years, a tax year, an ISO-8601 timestamp) then stays a valid date; JavaScript's dates end in
 * the year 275760 and four-digit years in 9999.
 */
export const LATEST_TIME = Date.UTC(9000, 0, 1);

/**
 * Where a clock stands, as a durable store keeps it: `base` is virtual now for a frozen clock, `offset` is what a
 * flowing clock adds to real time. A flowing clock restored from it goes on from where it was, real time having
 * passed meanwhile, advances kept.
 */
export interface ClockState {
  base: number;
  offset: number;
}

export interface ClockOptions {
  /** Start virtual time at this instant (ms since the epoch) instead of the real now. */
  start?: number | undefined;
  /** Do not let virtual time flow with real time. */
  frozen?: boolean | undefined;
  /** Source of real time; injectable for tests. */
  realNow?: () => number;
  /** Carry on from this saved state instead of starting afresh (a restart on a durable store). */
  saved?: ClockState | undefined;
  /** Told the state, synchronously, when the clock starts afresh and whenever `advance` or `reset` moves it: to save it. */
  onChange?: (state: ClockState) => void;
}

export function createClock(options: ClockOptions = {}): Clock {
  const realNow = options.realNow ?? (() => Date.now());
  let base = 0;
  let offset = 0;
  const init = (): void => {
    const real = realNow();
    base = options.start ?? real;
    offset = base - real;
  };
  const changed = (): void => options.onChange?.({ base, offset });
  if (options.saved) ({ base, offset } = options.saved);
  else {
    init();
    changed();
  }
  return {
    now: () => (options.frozen ? base : realNow() + offset),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
      const now = options.frozen ? base : realNow() + offset;
      if (ms > LATEST_TIME - now) {
        throw new RangeError(`the clock cannot move past ${new Date(LATEST_TIME).toISOString()}; it is now ${new Date(now).toISOString()}`);
      }
      base += ms;
      offset += ms;
      changed();
    },
    reset() {
      init();
      changed();
    },
    restore(state) {
      ({ base, offset } = state);
    },
  };
}

/** Parses an ISO-8601 duration such as `PT4H`, `P18M`, `P547D` or `P1DT30M` into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, y, mo, w, d, h, mi, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  const days = (y ?? 0) * 365 + (mo ?? 0) * 30 + (w ?? 0) * 7 + (d ?? 0);
  return Math.round(((days * 24 + (h ?? 0)) * 60 + (mi ?? 0)) * 60_000 + (s ?? 0) * 1000);
}
