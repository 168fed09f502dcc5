import { describe, expect, it } from 'vitest';
import { idsWithStatus, PYTHON_VENDOR, runConform } from './run-cli.js';

describe('a vendor written in Python (standard library only), through the command driver', () => {
  it('links with an out-of-band code pasted on stdin and passes every check that applies', async () => {
    const run = await runConform(['--config', PYTHON_VENDOR]);
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(idsWithStatus(run.report, 'failed')).toEqual([]);
    expect(idsWithStatus(run.report, 'passed')).toEqual(expect.arrayContaining(['code-exchange', 'expired-code', 'token-refresh', 'lapsed-grant', 'fraud-prevention-headers']));
    // An out-of-band code has no callback to replay or tamper with; Hello User is not for a particular taxpayer.
    expect(idsWithStatus(run.report, 'skipped')).toEqual(['code-reuse', 'state-tampering', 'client-not-authorised']);
  }, 180_000);

  it('links in two commands when the code is handed over with enterCode instead of stdin', async () => {
    const run = await runConform(['--config', 'conformance/python-vendor/vendor-enter-code.yaml', '--only', 'code-exchange', 'denied-grant', 'expired-code', 'token-refresh']);
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(idsWithStatus(run.report, 'passed')).toEqual(['code-exchange', 'denied-grant', 'expired-code', 'token-refresh']);
  }, 120_000);

  it('as a desktop app listening on a localhost redirect URI, holds off a replayed or tampered callback', async () => {
    const run = await runConform(['--config', 'conformance/python-vendor/vendor-localhost.yaml', '--only', 'code-exchange', 'code-reuse', 'state-tampering', 'denied-grant', 'expired-code']);
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(idsWithStatus(run.report, 'passed')).toEqual(['code-exchange', 'code-reuse', 'state-tampering', 'denied-grant', 'expired-code']);
  }, 120_000);
});
