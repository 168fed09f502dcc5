import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['emulator/**/*.test.ts', 'conformance/**/*.test.ts', 'fixtures/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/contract-setup.ts'],
  },
});
