import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applicationToken, CLIENT_ID, CLIENT_SECRET, emulator, JSON_V1 } from '../../test/support.js';
import { configFromEnv, ConfigError, resolveConfig } from '../config/load-config.js';

/** What the emulator wrote on stdout while `run` ran. */
async function stdoutOf(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

describe('request log', () => {
  afterEach(() => vi.restoreAllMocks());

  it('--log json writes one pino line per request with time, tenant, client, method, path, status, duration and correlation id', async () => {
    const e = await emulator({ log: 'json' });
    let token = '';
    const out = await stdoutOf(async () => {
      token = await applicationToken(e);
      await request(e.app).get('/hello/application').set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`);
    });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', time: '2026-01-15T09:00:00.000Z', tenant: null, clientId: CLIENT_ID, method: 'POST', path: '/oauth/token', status: 200, correlationId: null });
    expect(lines[1]).toMatchObject({ tenant: null, clientId: CLIENT_ID, method: 'GET', path: '/hello/application', status: 200, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(typeof lines[1]!.durationMs).toBe('number');
    expect(out).not.toContain(CLIENT_SECRET);
    expect(out).not.toContain(token);
  });

  it('never writes a query string, so codes and states sent in one stay out of the log', async () => {
    const e = await emulator({ log: 'json' });
    const out = await stdoutOf(() => request(e.app).get('/oauth/authorize?client_id=LocalSandboxDefaultClientId0&state=very-secret-state&code=abc123secret'));
    expect(JSON.parse(out)).toMatchObject({ path: '/oauth/authorize', clientId: CLIENT_ID });
    expect(out).not.toMatch(/very-secret-state|abc123secret/);
  });

  it('--log pretty writes one short line per request for people', async () => {
    const e = await emulator({ log: 'pretty' });
    const out = await stdoutOf(() => request(e.app).get('/hello/world').set('Accept', JSON_V1));
    expect(out).toMatch(/^09:00:00\.000 GET \/hello\/world 200 [\d.]+ ms {2}correlation=[0-9a-f-]{36}\n$/);
  });

  it('logs nothing by default', async () => {
    const e = await emulator();
    expect(await stdoutOf(() => request(e.app).get('/hello/world').set('Accept', JSON_V1))).toBe('');
  });
});

describe('the log option', () => {
  it.each([
    [true, 'json'],
    ['1', 'json'],
    ['', 'json'],
    [false, 'off'],
    ['pretty', 'pretty'],
  ])('takes %j as %s', (value, format) => {
    expect(resolveConfig({ log: value as never }).log).toBe(format);
  });

  it('reads HMRC_SANDBOX_LOG', () => {
    expect(resolveConfig(configFromEnv({ HMRC_SANDBOX_LOG: 'pretty' })).log).toBe('pretty');
  });

  it('names the option when the format is unknown', () => {
    expect(() => resolveConfig({ log: 'loud' as never })).toThrow(ConfigError);
    expect(() => resolveConfig({ log: 'loud' as never })).toThrow(/log: must be "json", "pretty" or "off" \(got "loud"\)/);
  });
});
