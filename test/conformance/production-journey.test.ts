import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningEmulator } from '../../emulator/server.js';
import { idsWithStatus, REFERENCE_VENDOR, runConform } from './run-cli.js';

/**
 * `--emulator-url` with an emulator already running the production journey (start page, 2-step verification): the
 * HTTP user agent passes it by field names, reading access codes from the emulator's outbox. The emulator needs a
 * control token, which the kit takes from HMRC_SANDBOX_CONTROL_TOKEN or --control-token.
 */
const CONTROL_TOKEN = 'conformance-control-token-0123456789';

describe('hmrc-sandbox conform against a running emulator with the production journey and a control token', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await start({ port: 0, seed: 'conformance', journey: 'production', clock: { frozen: true }, control: { token: CONTROL_TOKEN } });
  });
  afterAll(async () => emulator.stop());

  it('walks start page, sign-in, 2-step verification and grant, and the checks pass', async () => {
    const run = await runConform(['--config', REFERENCE_VENDOR, '--emulator-url', emulator.baseUrl, '--only', 'code-exchange', 'denied-grant', 'client-not-authorised'], { HMRC_SANDBOX_CONTROL_TOKEN: CONTROL_TOKEN });
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(idsWithStatus(run.report, 'passed')).toEqual(['code-exchange', 'denied-grant', 'client-not-authorised']);
    const paths = (await emulator.emulator.context.journal.entries()).map((e) => `${e.method} ${e.path}`);
    expect(paths.some((p) => /^POST .*\/start$/.test(p))).toBe(true);
    expect(paths.some((p) => /^POST .*\/two-step\/code$/.test(p))).toBe(true);
  }, 90_000);

  it.skipIf(!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))('walks the same pages in Chromium (browser user agent)', async () => {
    const before = (await emulator.emulator.context.journal.entries()).length;
    const run = await runConform(['--config', REFERENCE_VENDOR, '--emulator-url', emulator.baseUrl, '--control-token', CONTROL_TOKEN, '--user-agent', 'browser', '--only', 'code-exchange', 'denied-grant']);
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(idsWithStatus(run.report, 'passed')).toEqual(['code-exchange', 'denied-grant']);
    const paths = (await emulator.emulator.context.journal.entries()).slice(before).map((e) => `${e.method} ${e.path}`);
    expect(paths.some((p) => /^POST .*\/two-step\/code$/.test(p))).toBe(true);
  }, 120_000);
});
