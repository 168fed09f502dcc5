import { startTestSandbox, TEST_SANDBOX_ENV } from './test-sandbox.js';

/** Where the setup leaves `stop` for jest-global-teardown.ts: jest runs both in its parent process. */
export const STOP_KEY = Symbol.for('hmrc-local-sandbox.stop');

/**
 * jest's `globalSetup`: starts the emulator (or a tenant on `HMRC_SANDBOX_URL`) and puts its base URL, applications
 * and accounts in `HMRC_SANDBOX_TEST` for `testSandbox()`. Pair it with `hmrc-local-sandbox/jest-teardown`.
 *
 * @example
 * // jest.config.js
 * export default { globalSetup: 'hmrc-local-sandbox/jest-setup', globalTeardown: 'hmrc-local-sandbox/jest-teardown' };
 */
export default async function globalSetup(): Promise<void> {
  const { sandbox, stop } = await startTestSandbox();
  process.env[TEST_SANDBOX_ENV] = JSON.stringify(sandbox);
  (globalThis as Record<symbol, unknown>)[STOP_KEY] = stop;
}
