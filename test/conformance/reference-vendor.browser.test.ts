import { describe, expect, it } from 'vitest';
import { hasChromium } from '../chromium.js';
import { idsWithStatus, REFERENCE_VENDOR, runConform } from './run-cli.js';

/** The same scenarios with a real browser (Chromium through playwright-core) standing in for the user. */
describe.skipIf(!hasChromium)('hmrc-sandbox conform with the browser user agent', () => {
  it('passes the reference vendor on every check', async () => {
    const run = await runConform(['--config', REFERENCE_VENDOR, '--user-agent', 'browser']);
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(run.report!.userAgent).toBe('browser');
    expect(idsWithStatus(run.report, 'failed')).toEqual([]);
    expect(idsWithStatus(run.report, 'passed')).toEqual(expect.arrayContaining(['denied-grant', 'expired-code', 'state-tampering', 'code-reuse', 'token-refresh']));
  }, 180_000);

  it('holds the callback in the browser, so a tampered state is caught', async () => {
    const run = await runConform(['--config', REFERENCE_VENDOR, '--user-agent', 'browser', '--only', 'state-tampering', 'code-reuse'], { VENDOR_BREAK: 'ignores-state' });
    expect(run.exitCode).toBe(1);
    expect(idsWithStatus(run.report, 'failed')).toEqual(['state-tampering']);
    expect(idsWithStatus(run.report, 'passed')).toEqual(['code-reuse']);
  }, 120_000);
});
