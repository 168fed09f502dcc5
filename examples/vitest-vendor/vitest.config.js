import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Starts the emulator on a free port before the first test file and stops it after the last; with
    // HMRC_SANDBOX_URL set, takes a tenant of the emulator running there instead.
    globalSetup: ['hmrc-local-sandbox/vitest-setup'],
  },
});
