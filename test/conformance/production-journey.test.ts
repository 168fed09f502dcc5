import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningEmulator } from '../../emulator/server.js';
import { idsWithStatus, REFERENCE_VENDOR, runConform } from './run-cli.js';

/**
 * `--emulator-url` with an emulator already running the production journey (start page, 2-step verification): the
 * HTTP user agent passes it by field names, reading access codes from the emulator's outbox. The emulator needs a
 * control token, which the kit takes from HMRC_SANDBOX_CONTROL_TOKEN or --control-token. The run takes a tenant of its
 * own there (inheriting the server's journey) and deletes it at the end; `--no-tenant` runs at the root.
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
    expect(run.report!.emulatorUrl).toMatch(new RegExp(`^${emulator.baseUrl}/t/conform-[0-9a-f]{12}$`));
    const evidence = run.report!.checks.flatMap((c) => c.evidence).map((e) => `${e.method} ${e.path}`);
    expect(evidence.some((p) => /^POST .*\/start$/.test(p))).toBe(true);
    expect(evidence.some((p) => /^POST .*\/two-step\/code$/.test(p))).toBe(true);
    // Nothing of the run reached the root tenant, and its tenant is gone.
    const root = (await emulator.emulator.context.journal.entries()).map((e) => e.path);
    expect(root.filter((p) => !p.startsWith('/_emulator/tenants'))).toEqual([]);
    const tenants = await fetch(`${emulator.baseUrl}/_emulator/tenants`, { headers: { authorization: `Bearer ${CONTROL_TOKEN}` } });
    expect(await tenants.json()).toEqual({ tenants: [] });
  }, 90_000);

  it("says to give the control token when the emulator refuses the run's tenant", async () => {
    const run = await runConform(['--config', REFERENCE_VENDOR, '--emulator-url', emulator.baseUrl, '--only', 'code-exchange'], { HMRC_SANDBOX_CONTROL_TOKEN: '' });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/refused to create a tenant for the run \(401\).*--control-token or HMRC_SANDBOX_CONTROL_TOKEN/);
  }, 60_000);

  it.skipIf(!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))('walks the same pages in Chromium (browser user agent), at the root with --no-tenant', async () => {
    const before = (await emulator.emulator.context.journal.entries()).length;
    const run = await runConform(['--config', REFERENCE_VENDOR, '--emulator-url', emulator.baseUrl, '--no-tenant', '--control-token', CONTROL_TOKEN, '--user-agent', 'browser', '--only', 'code-exchange', 'denied-grant']);
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(idsWithStatus(run.report, 'passed')).toEqual(['code-exchange', 'denied-grant']);
    expect(run.report!.emulatorUrl).toBe(emulator.baseUrl);
    const paths = (await emulator.emulator.context.journal.entries()).slice(before).map((e) => `${e.method} ${e.path}`);
    expect(paths.some((p) => /^POST .*\/two-step\/code$/.test(p))).toBe(true);
  }, 120_000);
});
