import { startTestSandbox, TEST_SANDBOX_ENV } from './test-sandbox.js';

/**
 * vitest's global setup: starts the emulator (or a tenant on `HMRC_SANDBOX_URL`) before the test files run, and puts
 * its base URL, applications and accounts in `HMRC_SANDBOX_TEST` for `testSandbox()`; stops it after the last file.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['hmrc-local-sandbox/vitest-setup'] } });
 */
export default async function setup(): Promise<() => Promise<void>> {
  const { sandbox, stop } = await startTestSandbox();
  process.env[TEST_SANDBOX_ENV] = JSON.stringify(sandbox);
  return stop;
}
