import { describe, expect, it } from 'vitest';
import { idsWithStatus, runConform } from './run-cli.js';

const HARD_CODED_VENDOR = 'conformance/reference-vendor/vendor-hard-coded.yaml';

/**
 * Software that always talks to https://test-api.service.hmrc.gov.uk (the reference vendor with that URL fixed in its
 * launch environment): `hmrcHosts: hard-coded` makes the kit run the emulator's proxy and start the software with
 * HTTPS_PROXY and the local CA trusted, so it is graded unmodified. There is no network here: had the software not
 * gone through the proxy, it could not have reached HMRC's host at all.
 */
describe('hmrc-sandbox conform with software that hard-codes HMRC hosts', () => {
  it('grades it through the proxy', async () => {
    const run = await runConform(['--config', HARD_CODED_VENDOR, '--only', 'code-exchange', 'token-refresh', 'api-call-headers']);
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(idsWithStatus(run.report, 'passed')).toEqual(['code-exchange', 'api-call-headers', 'token-refresh']);
  }, 120_000);

  it('explains that a running emulator needs the proxy variables set by hand', async () => {
    const run = await runConform(['--config', HARD_CODED_VENDOR, '--emulator-url', 'http://127.0.0.1:9', '--only', 'code-exchange']);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/hmrcHosts: hard-coded needs the kit to start its own emulator/);
  }, 60_000);
});
