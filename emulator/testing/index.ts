/** Test-runner integration: start the emulator (or a tenant on a shared one) for a run, and read it from the tests. */
export { startTestSandbox, testSandbox, TEST_SANDBOX_ENV, type StartedTestSandbox, type TestSandbox } from './test-sandbox.js';
