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
});
