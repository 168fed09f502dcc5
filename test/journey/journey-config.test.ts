import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../emulator/config/defaults.js';
import { ConfigError, resolveConfig } from '../../emulator/config/load-config.js';

describe('journey configuration', () => {
  it('defaults to the sandbox journey with 15-minute lock-outs, codes and session time-out', () => {
    expect(DEFAULTS.journey).toBe('sandbox');
    expect(DEFAULTS.journeyLimits).toEqual({ signInAttempts: 5, signInLockoutSeconds: 900, accessCodeAttempts: 5, accessCodeLockoutSeconds: 900, accessCodeSeconds: 900, sessionTimeoutSeconds: 900 });
  });

  it('takes some limits and keeps the defaults for the rest', () => {
    const c = resolveConfig({ journey: 'production', journeyLimits: { signInAttempts: 3 } });
    expect(c.journeyLimits.signInAttempts).toBe(3);
    expect(c.journeyLimits.sessionTimeoutSeconds).toBe(900);
  });

  it('names the bad option when a limit is not a positive whole number', () => {
    expect(() => resolveConfig({ journeyLimits: { accessCodeSeconds: 0 } })).toThrow(ConfigError);
    expect(() => resolveConfig({ journeyLimits: { accessCodeSeconds: 1.5 } })).toThrow(/journeyLimits\.accessCodeSeconds/);
    expect(() => resolveConfig({ journey: 'live' as never })).toThrow(/journey: must be "sandbox" or "production"/);
  });
});
