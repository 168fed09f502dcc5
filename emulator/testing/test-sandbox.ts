import type { SeededPersona } from '../accounts/seed.js';
import type { ApplicationConfig } from '../config/defaults.js';
import { configFromEnv, type ConfigOverrides } from '../config/load-config.js';
import { start } from '../server.js';

/** What a test run's global setup hands its tests: where the emulator is and whom to be. */
export interface TestSandbox {
  /** Use it wherever the software has https://test-api.service.hmrc.gov.uk (and the `www` host). */
  baseUrl: string;
  /** The tenant's id on a shared emulator (`HMRC_SANDBOX_URL`); null when the run started its own emulator. */
  tenantId: string | null;
  /** The bearer token the control API wants, when it wants one. */
  controlToken: string | null;
  /** The applications, with their client IDs and secrets; the first is the default one. */
  applications: ApplicationConfig[];
  /** The seeded accounts, with their user IDs and passwords. */
  accounts: SeededPersona[];
}

/** The environment variable the ready-made global setups put the {@link TestSandbox} in, as JSON. */
export const TEST_SANDBOX_ENV = 'HMRC_SANDBOX_TEST';

export interface StartedTestSandbox {
  sandbox: TestSandbox;
  /** Stops the emulator this run started, or removes its tenant from the shared one. */
  stop: () => Promise<void>;
}

/**
 * Starts what a test run needs: with `HMRC_SANDBOX_URL` set, a tenant of the emulator running there
 * (`POST /_emulator/tenants`, with `HMRC_SANDBOX_CONTROL_TOKEN` as its bearer token when set); otherwise an emulator of
 * its own, in memory on a free port, with the other `HMRC_SANDBOX_*` variables (seed, journey, data, fixtures…) and
 * then `config` applied.
 *
 * @example
 * const { sandbox, stop } = await startTestSandbox({ seed: 'ci' });
 * process.env.HMRC_BASE_URL = sandbox.baseUrl;
 * // … later
 * await stop();
 */
export async function startTestSandbox(config: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Promise<StartedTestSandbox> {
  if (env.HMRC_SANDBOX_URL) return createTenant(env.HMRC_SANDBOX_URL, env.HMRC_SANDBOX_CONTROL_TOKEN || null);
  const running = await start({ ...configFromEnv(env), port: 0, host: '127.0.0.1', baseUrl: undefined, ...config });
  const { token } = running.emulator.context.control;
  return {
    sandbox: { baseUrl: running.baseUrl, tenantId: null, controlToken: token ?? null, applications: running.applications, accounts: running.personas },
    stop: running.stop,
  };
}

/**
 * The {@link TestSandbox} the global setup started, read in a test file.
 *
 * @example
 * import { testSandbox } from 'hmrc-local-sandbox/testing';
 * const { baseUrl, applications: [app] } = testSandbox();
 */
export function testSandbox(env: NodeJS.ProcessEnv = process.env): TestSandbox {
  const json = env[TEST_SANDBOX_ENV];
  if (!json) {
    throw new Error(`hmrc-local-sandbox: ${TEST_SANDBOX_ENV} is not set: add 'hmrc-local-sandbox/vitest-setup' to vitest's globalSetup (or the jest setup) so that it starts the emulator first`);
  }
  return JSON.parse(json) as TestSandbox;
}

interface TenantAnswer {
  id: string;
  baseUrl: string;
  applications: ApplicationConfig[];
  accounts: SeededPersona[];
}

/** A tenant on a running emulator: its own applications, accounts, tokens and clock, removed again at `stop`. */
async function createTenant(url: string, controlToken: string | null): Promise<StartedTestSandbox> {
  const base = url.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(controlToken ? { authorization: `Bearer ${controlToken}` } : {}) };
  let res: Response;
  try {
    res = await fetch(`${base}/_emulator/tenants`, { method: 'POST', headers, body: '{}' });
  } catch (e) {
    throw new Error(`hmrc-local-sandbox: no emulator answers at HMRC_SANDBOX_URL=${url}: ${(e as Error).message}`, { cause: e });
  }
  if (res.status !== 201) {
    const hint = res.status === 401 ? ' (set HMRC_SANDBOX_CONTROL_TOKEN to its control token)' : '';
    throw new Error(`hmrc-local-sandbox: POST ${base}/_emulator/tenants answered ${res.status}${hint}: ${(await res.text()).slice(0, 300)}`);
  }
  const tenant = (await res.json()) as TenantAnswer;
  return {
    sandbox: { baseUrl: tenant.baseUrl, tenantId: tenant.id, controlToken, applications: tenant.applications, accounts: tenant.accounts },
    stop: async () => {
      await fetch(`${base}/_emulator/tenants/${encodeURIComponent(tenant.id)}`, { method: 'DELETE', headers });
    },
  };
}
