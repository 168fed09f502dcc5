import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION } from '../config/defaults.js';
import jestSetup from './jest-global-setup.js';
import jestTeardown from './jest-global-teardown.js';
import { startTestSandbox, TEST_SANDBOX_ENV, testSandbox } from './test-sandbox.js';
import vitestSetup from './vitest-global-setup.js';

const hello = (baseUrl: string) => fetch(`${baseUrl}/hello/world`, { headers: { accept: 'application/vnd.hmrc.1.0+json' } });

describe('startTestSandbox', () => {
  afterEach(() => {
    delete process.env[TEST_SANDBOX_ENV];
  });

  it('starts an emulator of its own on a free port when no shared one is named, and stops it', async () => {
    const { sandbox, stop } = await startTestSandbox({ seed: 'test-sandbox' }, {});
    expect(sandbox.tenantId).toBeNull();
    expect(sandbox.applications[0]).toMatchObject({ clientId: DEFAULT_APPLICATION.clientId, clientSecrets: DEFAULT_APPLICATION.clientSecrets });
    expect(sandbox.accounts.length).toBeGreaterThan(0);
    expect(sandbox.accounts.every((a) => a.userId && a.password)).toBe(true);
    expect((await hello(sandbox.baseUrl)).status).toBe(200);
    await stop();
    await expect(hello(sandbox.baseUrl)).rejects.toThrow();
  });

  it("takes the seed from HMRC_SANDBOX_SEED, as serve does", async () => {
    const a = await startTestSandbox({}, { HMRC_SANDBOX_SEED: 'seed-a' });
    const b = await startTestSandbox({}, { HMRC_SANDBOX_SEED: 'seed-b' });
    try {
      expect(a.sandbox.accounts.map((p) => p.userId)).not.toEqual(b.sandbox.accounts.map((p) => p.userId));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("vitest's global setup hands the sandbox to testSandbox() and its teardown stops it", async () => {
    const teardown = await vitestSetup();
    const sandbox = testSandbox();
    expect((await hello(sandbox.baseUrl)).status).toBe(200);
    await teardown();
    await expect(hello(sandbox.baseUrl)).rejects.toThrow();
  });

  it("jest's global setup and teardown do the same", async () => {
    await jestSetup();
    const sandbox = testSandbox();
    expect((await hello(sandbox.baseUrl)).status).toBe(200);
    await jestTeardown();
    await expect(hello(sandbox.baseUrl)).rejects.toThrow();
  });

  it('testSandbox() says what to configure when no global setup ran', () => {
    expect(() => testSandbox({})).toThrow(/HMRC_SANDBOX_TEST is not set: add 'hmrc-local-sandbox\/vitest-setup'/);
  });
});

describe('startTestSandbox on a shared emulator (HMRC_SANDBOX_URL)', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for a running emulator's tenants endpoint, recording what it was sent. */
  async function sharedEmulator(status: number, answer: object): Promise<{ url: string; seen: Array<Pick<IncomingMessage, 'method' | 'url' | 'headers'>> }> {
    const seen: Array<Pick<IncomingMessage, 'method' | 'url' | 'headers'>> = [];
    server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, headers: req.headers });
      req.resume().on('end', () => res.writeHead(req.method === 'DELETE' ? 204 : status, { 'content-type': 'application/json' }).end(JSON.stringify(answer)));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
  }

  it('creates a tenant with the control token and removes it at stop', async () => {
    const tenant = { id: 't-42', baseUrl: 'http://127.0.0.1:1/t/t-42', applications: [DEFAULT_APPLICATION], accounts: [{ persona: 'individual', userId: '123456789012', password: 'pw', description: 'x' }] };
    const { url, seen } = await sharedEmulator(201, tenant);
    const { sandbox, stop } = await startTestSandbox({}, { HMRC_SANDBOX_URL: url, HMRC_SANDBOX_CONTROL_TOKEN: 'control-secret' });
    expect(sandbox).toEqual({ baseUrl: tenant.baseUrl, tenantId: 't-42', controlToken: 'control-secret', applications: tenant.applications, accounts: tenant.accounts });
    await stop();
    expect(seen.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual(['POST /_emulator/tenants Bearer control-secret', 'DELETE /_emulator/tenants/t-42 Bearer control-secret']);
  });

  it('says to set the control token when the shared emulator answers 401', async () => {
    const { url } = await sharedEmulator(401, { error: 'UNAUTHORIZED', message: 'control token required' });
    await expect(startTestSandbox({}, { HMRC_SANDBOX_URL: url })).rejects.toThrow(/answered 401 \(set HMRC_SANDBOX_CONTROL_TOKEN to its control token\)/);
  });

  it('names the URL when nothing answers there', async () => {
    const { url } = await sharedEmulator(201, {});
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    await expect(startTestSandbox({}, { HMRC_SANDBOX_URL: url })).rejects.toThrow(`no emulator answers at HMRC_SANDBOX_URL=${url}`);
  });
});
