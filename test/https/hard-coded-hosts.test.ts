import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningEmulator } from '../../emulator/server.js';
import { createCa } from '../../emulator/tls/certificate-authority.js';

const CLIENTS = join(import.meta.dirname, 'clients');

interface Step {
  step: string;
  status?: number;
  code?: boolean;
  body?: unknown;
  message?: string;
}

/** Runs a client program, as the vendor would run it, with only the proxy and trust variables set. */
function run(command: string, args: string[], env: Record<string, string>): Promise<{ exitCode: number; steps: Step[]; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const steps = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Step);
      resolve({ exitCode: error ? Number(error.code ?? 1) : 0, steps, stderr });
    });
  });
}

/** What every client must have done: linked, got a token, called Hello World (open and user) and a VAT endpoint. */
function expectLinkedAndCalled(steps: Step[]): void {
  const byStep = new Map(steps.map((s) => [s.step, s]));
  expect(byStep.get('error'), JSON.stringify(steps)).toBeUndefined();
  expect(byStep.get('link')?.code).toBe(true);
  expect(byStep.get('token')?.status).toBe(200);
  expect(byStep.get('hello-world')).toMatchObject({ status: 200, body: { message: 'Hello World' } });
  expect(byStep.get('hello-user')).toMatchObject({ status: 200, body: { message: 'Hello User' } });
  expect(byStep.get('vat-obligations')).toMatchObject({ status: 200, body: { obligations: expect.any(Array) } });
}

describe("software that hard-codes https://test-api.service.hmrc.gov.uk, unmodified", () => {
  let sandbox: RunningEmulator;
  let caFile: string;
  let untrustedCa: string;
  let account: Record<string, string>;
  let proxy: string;

  beforeAll(async () => {
    sandbox = await start({ port: 0, seed: 'https-clients', https: { port: 0 }, proxy: { port: 0 } });
    const dir = mkdtempSync(join(tmpdir(), 'hmrc-https-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, sandbox.tls!.ca.certPem);
    untrustedCa = join(dir, 'other-ca.pem');
    writeFileSync(untrustedCa, (await createCa()).ca.certPem);
    const persona = sandbox.personas.find((p) => p.vrn && p.affinityGroup === 'Organisation')!;
    const app = sandbox.applications[0]!;
    const today = new Date(sandbox.emulator.context.clock.now());
    const day = (offset: number): string => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    account = { CLIENT_ID: app.clientId, CLIENT_SECRET: app.clientSecrets[0]!, USER_ID: persona.userId, PASSWORD: persona.password, VRN: persona.vrn!, FROM: day(-300), TO: day(0) };
    proxy = `http://127.0.0.1:${sandbox.tls!.proxyPort!}`;
  });
  afterAll(() => sandbox.stop());

  it('curl links and calls the APIs with the name pointed at the emulator (--connect-to, as a hosts file would)', async () => {
    const route = `--connect-to test-api.service.hmrc.gov.uk:443:127.0.0.1:${sandbox.tls!.httpsPort!}`;
    const { steps } = await run(join(CLIENTS, 'curl-client.sh'), [], { ...account, CURL_ROUTE: route, CURL_CA_BUNDLE: caFile });
    expectLinkedAndCalled(steps);
  }, 60_000);

  it('curl links and calls the APIs through the proxy', async () => {
    const { steps } = await run(join(CLIENTS, 'curl-client.sh'), [], { ...account, CURL_ROUTE: `--proxy ${proxy}`, CURL_CA_BUNDLE: caFile });
    expectLinkedAndCalled(steps);
  }, 60_000);

  it('Python requests links and calls the APIs through HTTPS_PROXY', async () => {
    const { steps } = await run('python3', [join(CLIENTS, 'python-client.py')], { ...account, HTTPS_PROXY: proxy, REQUESTS_CA_BUNDLE: caFile });
    expectLinkedAndCalled(steps);
  }, 60_000);

  it("Node.js (undici's EnvHttpProxyAgent) links and calls the APIs through HTTPS_PROXY", async () => {
    const { steps } = await run(process.execPath, [join(CLIENTS, 'node-client.mjs')], { ...account, HTTPS_PROXY: proxy, NODE_EXTRA_CA_CERTS: caFile, NODE_PATH: join(process.cwd(), 'node_modules') });
    expectLinkedAndCalled(steps);
  }, 60_000);

  it('each client refuses the emulator when its CA is not the one trusted', async () => {
    const curl = await run(join(CLIENTS, 'curl-client.sh'), [], { ...account, CURL_ROUTE: `--proxy ${proxy}`, CURL_CA_BUNDLE: untrustedCa });
    expect(curl.steps[0]).toEqual({ step: 'error', message: 'curl exit 60' });
    const python = await run('python3', [join(CLIENTS, 'python-client.py')], { ...account, HTTPS_PROXY: proxy, REQUESTS_CA_BUNDLE: untrustedCa });
    expect(python.steps[0]?.message).toMatch(/SSLError|CERTIFICATE_VERIFY_FAILED/);
    const node = await run(process.execPath, [join(CLIENTS, 'node-client.mjs')], { ...account, HTTPS_PROXY: proxy, NODE_EXTRA_CA_CERTS: untrustedCa });
    expect(node.steps[0]?.message).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY|certificate/i);
  }, 60_000);
});
