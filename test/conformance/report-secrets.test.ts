import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsWithStatus, REFERENCE_VENDOR, runConform } from './run-cli.js';

/**
 * The reference vendor broken to leak both ways (the client secret inside state, the access token in a redirect
 * after the callback), with a client secret the test knows: the check fails, and no report — console, JUnit, JSON,
 * HTML — carries the secret or a token in clear, not even inside the URLs its findings quote.
 */
const SECRET = 'test-client-secret-0f3c9a7e5d';

function leakyVendorConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leaky-vendor-'));
  const file = join(dir, 'vendor.yaml');
  const text = readFileSync(REFERENCE_VENDOR, 'utf8').replace('application:\n', `cwd: ${resolve('conformance/reference-vendor')}\napplication:\n  clientId: LeakyVendor0001\n  clientSecret: ${SECRET}\n`);
  writeFileSync(file, text);
  return file;
}

describe('reports keep secrets and tokens out', () => {
  it('fails secrets-out-of-browser and shows the secret as *** and tokens as fingerprints in every report', async () => {
    const run = await runConform(['--config', leakyVendorConfig(), '--only', 'code-exchange', 'secrets-out-of-browser'], { VENDOR_BREAK: 'secret-in-state,token-in-page' });
    expect(run.exitCode).toBe(1);
    expect(idsWithStatus(run.report, 'failed')).toEqual(['secrets-out-of-browser']);
    const findings = run.report!.checks.find((c) => c.id === 'secrets-out-of-browser')!.findings.join('\n');
    expect(findings).toMatch(/the client secret is in the state parameter of http:\/\/localhost:\d+\/oauth\/authorize/);
    expect(findings).toMatch(/an access token is in the fragment of http:\/\/localhost:\d+\/linked/);
    // The journal evidence quotes the authorization request, whose state carried the secret: masked there.
    expect(JSON.stringify(run.report)).toMatch(/"state":"[^"]*\.\*\*\*"/);
    const reports = { console: run.stdout, junit: run.junit!, json: JSON.stringify(run.report), html: run.html! };
    for (const [name, text] of Object.entries(reports)) {
      expect(text, name).not.toContain(SECRET);
      // Every token or code inside a URL is a fingerprint.
      for (const m of text.matchAll(/(?:access_token|refresh_token|code)=([^&#\s"'<\\]+)/g)) expect(m[1], `${name}: ${m[0]}`).toMatch(/^sha256:[0-9a-f]{12}$|^\*\*\*$/);
    }
  }, 90_000);
});

describe('the summary line', () => {
  it('is still printed with --quiet, and says when an expected failure now passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'expected-'));
    const file = join(dir, 'expected.yaml');
    writeFileSync(file, '- id: state-parameter\n  reason: random state lands in release 2\n');
    const run = await runConform(['--config', REFERENCE_VENDOR, '--only', 'state-parameter', '--expected-failures', file, '--quiet']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^1 passed, 0 failed in [\d.]+ s, state-parameter listed as expected failure but now passes: take it off the list — conformant: exit 0$/)]);
    expect(run.report!.summary.expectedButPassed).toEqual(['state-parameter']);
  }, 60_000);
});
