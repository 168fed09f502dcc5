import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from './defaults.js';
import { ConfigError, configFromEnv, readConfigFile, resolveConfig } from './load-config.js';

describe('config loading', () => {
  it('gives the documented defaults when nothing is set', () => {
    expect(resolveConfig()).toEqual(DEFAULTS);
  });

  it('layers file, environment and flags, later layers winning, nested objects merged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'sandbox.yaml');
    writeFileSync(file, 'port: 1000\nseed: from-file\ntokens:\n  grantDays: 30\n');
    const config = resolveConfig(readConfigFile(file), configFromEnv({ HMRC_SANDBOX_SEED: 'from-env', HMRC_SANDBOX_DATA_DIR: '/data' }), { port: 2000 });
    expect(config).toMatchObject({ port: 2000, seed: 'from-env', dataDir: '/data', tokens: { grantDays: 30, accessTokenSeconds: 14400 } });
  });

  it('names the exact bad path in its error', () => {
    const attempt = (o: object) => {
      try {
        resolveConfig(o);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).problems;
      }
    };
    expect(attempt({ port: -1 })[0]).toMatch(/^port:/);
    expect(attempt({ journey: 'scenic' })[0]).toMatch(/^journey:/);
    expect(attempt({ tokens: { grantDays: 0 } })[0]).toMatch(/^tokens\.grantDays:/);
    expect(attempt({ throttle: { windowSeconds: 0.5 } })[0]).toMatch(/^throttle\.windowSeconds:/);
    expect(attempt({ dataDir: '' })[0]).toBe('dataDir: must be a directory path (got "")');
    expect(attempt({ colour: 'blue' })[0]).toBe('colour: unknown option');
    const apps = attempt({ applications: [{ clientId: 'A', name: 'A', clientSecrets: ['long-enough'], redirectUris: ['http://example.com/cb'], subscriptions: [] }] });
    expect(apps[0]).toMatch(/^applications\[0\]\.redirectUris\[0\]: .*only allowed for localhost/);
  });

  it("gives HMRC's sandbox data by default, realistic data with the production journey unless data is set", () => {
    expect(resolveConfig().data).toBe('sandbox');
    expect(resolveConfig({ journey: 'production' }).data).toBe('realistic');
    expect(resolveConfig({ journey: 'production' }, { data: 'sandbox' }).data).toBe('sandbox');
    expect(resolveConfig(configFromEnv({ HMRC_SANDBOX_DATA: 'realistic' })).data).toBe('realistic');
    expect(() => resolveConfig({ data: 'live' as 'sandbox' })).toThrow(/data: must be "sandbox" or "realistic" \(got "live"\)/);
  });

  it('reports an unreadable or malformed file clearly', () => {
    expect(() => readConfigFile('/no/such/file.yaml')).toThrow(/config file \/no\/such\/file.yaml/);
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(() => readConfigFile(join(dir, 'bad.json'))).toThrow(ConfigError);
  });
});
