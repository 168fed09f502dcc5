import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../checks.js';
import type { CheckResult, RunReport } from '../runner/report.js';
import { consoleReporter } from './console-reporter.js';
import { htmlReport } from './html-reporter.js';

function report(checks: Array<Partial<CheckResult>>): RunReport {
  const results = checks.map((c, i) => ({ ...CHECKS[i]!, status: 'passed' as const, findings: [], notes: [], unexpected: false, durationMs: 1, evidence: [], ...c }));
  return {
    tool: 'hmrc-sandbox conform',
    reportVersion: 1,
    vendor: 'Vendor <script>alert(1)</script>',
    emulatorUrl: 'http://localhost:1',
    userAgent: 'http',
    connectionMethod: 'WEB_APP_VIA_SERVER',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1200,
    summary: { total: results.length, passed: 1, failed: 1, blocked: 0, skipped: 0, expectedFailures: 0, unexpected: 1, expectedButPassed: ['authorization-request'] },
    checks: results,
  };
}

const sample = report([
  { status: 'passed', expected: 'lands in 4.2' },
  { status: 'failed', unexpected: true, findings: ['state "<b>x</b>" & more'], evidence: [{ id: 7, time: '2026-01-01T00:00:00.000Z', method: 'POST', path: '/oauth/token', query: {}, requestHeaders: {}, requestBody: { grant_type: 'refresh_token' }, status: 400, responseHeaders: {}, responseBody: { error: 'invalid_grant' }, durationMs: 1 }] },
]);

function capture(run: (out: Writable) => void): string {
  let text = '';
  const out = new Writable({ write: (chunk: Buffer, _e, done) => ((text += chunk.toString()), done()) });
  run(out);
  return text;
}

describe('the console reporter', () => {
  it('prints only the summary line when quiet', () => {
    const text = capture((out) => {
      const r = consoleReporter(out, { quiet: true });
      r.runStarted?.({ vendor: 'v', emulatorUrl: 'http://localhost:1', checks: 2 });
      for (const c of sample.checks) r.checkFinished?.(c);
      void r.runFinished?.(sample);
    });
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(/^1 passed, 1 failed in 1\.2 s.* — 1 unexpected: exit 1\n$/);
  });

  it('says on the summary line that an expected failure now passes', () => {
    const text = capture((out) => void consoleReporter(out, { quiet: true }).runFinished?.(sample));
    expect(text).toContain('authorization-request listed as expected failure but now passes: take it off the list');
  });
});

describe('the HTML report', () => {
  const html = htmlReport(sample);

  it('is one page with the summary, each check\'s rule, reference, fix, findings and journal excerpt', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('now passes: take it off the list');
    for (const c of sample.checks) {
      expect(html).toContain(`id="${c.id}"`);
      expect(html).toContain(c.reference.replace(/"/g, '&#34;'));
    }
    expect(html).toContain(`<strong>Fix:</strong> ${sample.checks[1]!.fix.replace(/'/g, '&#39;')}`);
    expect(html).toContain('Journal excerpt (1 entry)');
    expect(html).toContain('refresh_token invalid_grant');
  });

  it('escapes everything it shows and loads nothing from elsewhere', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('Vendor &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('state &#34;&#60;b&#62;x&#60;/b&#62;&#34; &#38; more');
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=/);
  });
});
