import { defineConfig } from 'vitest/config';

// On Node.js 20 oidc-provider prints "Unsupported runtime" as it loads, once in every test file that loads it. The
// README ("Node.js versions") says what it means; it is said here once for the run, instead of in every file.
const UNSUPPORTED_RUNTIME = 'oidc-provider WARNING: Unsupported runtime';
if (Number(process.versions.node.split('.')[0]) < 22) {
  console.warn(`Node.js ${process.versions.node}: tests run, but oidc-provider no longer supports Node.js 20 (end of life); use Node.js 22 or 24. Its "Unsupported runtime" warning is left out below.`);
}

export default defineConfig({
  test: {
    include: ['emulator/**/*.test.ts', 'conformance/**/*.test.ts', 'fixtures/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/contract-setup.ts'],
    onConsoleLog: (log) => (log.includes(UNSUPPORTED_RUNTIME) ? false : undefined),
  },
});
