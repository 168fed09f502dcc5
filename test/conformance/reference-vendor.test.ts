import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../conformance/checks.js';
import schema from '../../conformance/reporters/report.schema.json' with { type: 'json' };
import { idsWithStatus, REFERENCE_VENDOR, runConform, type CliRun } from './run-cli.js';

describe('hmrc-sandbox conform against the reference vendor', () => {
  let run: CliRun;

  it('passes every check and exits 0', async () => {
    run = await runConform(['--config', REFERENCE_VENDOR]);
    expect(run.stderr).not.toMatch(/hmrc-sandbox conform:/);
    expect(run.exitCode).toBe(0);
    expect(run.report!.checks.map((c) => c.id)).toEqual(CHECK_IDS);
    expect(idsWithStatus(run.report, 'failed')).toEqual([]);
    expect(idsWithStatus(run.report, 'blocked')).toEqual([]);
    expect(idsWithStatus(run.report, 'skipped')).toEqual([]);
    expect(run.stdout).toMatch(/✔ authorization-request/);
    expect(run.stdout).toMatch(/conformant: exit 0/);
  }, 60_000);

  it('writes a JSON report that matches its schema and carries journal evidence', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const valid = ajv.validate(schema, run.report);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const refresh = run.report!.checks.find((c) => c.id === 'token-refresh')!;
    expect(refresh.evidence.some((e) => e.path === '/oauth/token' && (e.requestBody as { grant_type?: string }).grant_type === 'refresh_token')).toBe(true);
    expect(JSON.stringify(run.report)).not.toMatch(/"client_secret":"(?!\*\*\*)/);
  });

  it('writes JUnit XML that parses, one testcase per check and no failures', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(run.junit!) as {
      testsuites: { testsuite: { '@tests': string; '@failures': string; testcase: Array<{ '@name': string; failure?: unknown }> } };
    };
    const suite = xml.testsuites.testsuite;
    expect(Number(suite['@tests'])).toBe(CHECK_IDS.length);
    expect(Number(suite['@failures'])).toBe(0);
    expect(suite.testcase.map((t) => t['@name'].split(':')[0])).toEqual(CHECK_IDS);
    expect(suite.testcase.filter((t) => t.failure)).toEqual([]);
  });
});

describe('the HTML report of the reference vendor run', () => {
  it('is one self-contained page with a section per check', async () => {
    const run = await runConform(['--config', REFERENCE_VENDOR, '--only', 'code-exchange', 'token-refresh']);
    expect(run.html).toMatch(/^<!DOCTYPE html>/);
    for (const id of ['code-exchange', 'token-refresh']) expect(run.html).toContain(`<section id="${id}" class="passed">`);
    expect(run.html).toMatch(/Journal excerpt \(\d+ entries\)/);
    expect(run.html).not.toMatch(/<script|<link|src=/);
  }, 60_000);
});

describe('hmrc-sandbox conform options', () => {
  it('runs only the checks named with --only', async () => {
    const run = await runConform(['--config', REFERENCE_VENDOR, '--only', 'state-parameter', 'denied-grant']);
    expect(run.exitCode).toBe(0);
    expect(run.report!.checks.map((c) => c.id)).toEqual(['state-parameter', 'denied-grant']);
  }, 60_000);

  it('does not fail the run for a failure listed in the expected-failures file, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'expected-'));
    const file = join(dir, 'expected.yaml');
    writeFileSync(file, '- id: state-parameter\n  reason: random state lands in release 2 (ticket 42)\n');
    const run = await runConform(['--config', REFERENCE_VENDOR, '--only', 'state-parameter', 'denied-grant', '--expected-failures', file], { VENDOR_BREAK: 'fixed-state' });
    expect(run.exitCode).toBe(0);
    const check = run.report!.checks.find((c) => c.id === 'state-parameter')!;
    expect(check).toMatchObject({ status: 'failed', expected: 'random state lands in release 2 (ticket 42)', unexpected: false });
    expect(run.junit).toMatch(/<skipped message="expected failure: random state lands in release 2 \(ticket 42\)"\/>/);
  }, 60_000);

  it('fails the run when a check is blocked by one that was not run', async () => {
    const run = await runConform(['--config', REFERENCE_VENDOR, '--only', 'token-refresh'], { VENDOR_BREAK: 'no-accept-header' });
    expect(run.exitCode).toBe(1);
    expect(run.report!.checks[0]).toMatchObject({ id: 'token-refresh', status: 'blocked', blockedBy: 'api-call-headers', unexpected: true });
    expect(run.junit).toMatch(/<failure message="blocked by api-call-headers: HMRC refused the API call/);
  }, 60_000);

  it('exits 2 and names the bad path for an invalid vendor config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-config-'));
    const file = join(dir, 'vendor.yaml');
    writeFileSync(file, 'name: Broken\napplication: { redirectUris: [] }\nlink: { url: not-a-url }\napi: { url: "http://localhost:1/call" }\nreset: { command: [true] }\n');
    const run = await runConform(['--config', file]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/application\.redirectUris: must NOT have fewer than 1 items/);
    expect(run.stderr).toMatch(/link: must be either \{url/);
  }, 60_000);

  it('exits 3 and shows the software\'s last output when the software will not start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-start-'));
    const file = join(dir, 'vendor.yaml');
    writeFileSync(
      file,
      "name: Crashes\napplication: { redirectUris: ['http://localhost:${port}/cb'] }\n" +
        "launch: { command: [node, -e, 'console.error(\"boom: no database\"); process.exit(1)'], ready: 'http://localhost:${port}/health' }\n" +
        "link: { url: 'http://localhost:${port}/link' }\napi: { url: 'http://localhost:${port}/call' }\n",
    );
    const run = await runConform(['--config', file]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/exited \(1\) before it was ready/);
    expect(run.stderr).toMatch(/boom: no database/);
  }, 60_000);

  it('lists the catalogue with --list, without a config', async () => {
    const run = await runConform(['--list']);
    expect(run.exitCode).toBe(0);
    for (const id of CHECK_IDS) expect(run.stdout).toMatch(new RegExp(`^${id}$`, 'm'));
  }, 60_000);

  it('exits 2 for an unknown check id in --only', async () => {
    const run = await runConform(['--config', REFERENCE_VENDOR, '--only', 'no-such-check']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/unknown check no-such-check/);
  }, 60_000);
});
