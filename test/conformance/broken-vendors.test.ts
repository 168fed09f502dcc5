import { describe, expect, it } from 'vitest';
import { BREAKS } from '../../conformance/broken-vendors/variants.js';
import { idsWithStatus, REFERENCE_VENDOR, runConform } from './run-cli.js';

/**
 * Proof the other way: each broken variant of the reference vendor fails exactly the checks it breaks, and no other
 * (checks it keeps from running are reported as blocked by that check, never as failures).
 */
const CASES: Array<[string, string[]]> = BREAKS.map((b) => [b.id, [...b.fails]]);

describe('each broken vendor fails exactly the checks it breaks', () => {
  it.for(CASES)('%s fails only %j', { timeout: 60_000 }, async ([variant, fails], ctx) => {
    const run = await runConform(['--config', REFERENCE_VENDOR], { VENDOR_BREAK: variant });
    const skipped = idsWithStatus(run.report, 'skipped');
    if (fails.every((id) => skipped.includes(id))) ctx.skip();
    expect(run.exitCode).toBe(1);
    expect(idsWithStatus(run.report, 'failed')).toEqual(fails);
    for (const check of run.report!.checks.filter((c) => c.status === 'blocked')) expect(fails).toContain(check.blockedBy);
    for (const check of run.report!.checks.filter((c) => c.status === 'failed')) expect(check.findings.length).toBeGreaterThan(0);
  });
});
