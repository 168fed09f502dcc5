import { writeFileSync } from 'node:fs';
import type { CheckResult, Reporter, RunReport } from '../runner/report.js';

/**
 * JUnit XML, as CI systems read it: one <testcase> per check. What fails the run is a <failure> carrying the findings
 * and the fix (a failed check that is not expected, or a check blocked by one that did not fail in this run); other
 * blocked and skipped checks are <skipped>, an expected failure too, with its reason; the journal evidence goes in
 * <system-out>.
 */
export function junitReporter(path: string): Reporter {
  return { runFinished: (report) => writeFileSync(path, junitXml(report)) };
}

export function junitXml(report: RunReport): string {
  const s = report.summary;
  const failures = report.checks.filter((c) => c.unexpected).length;
  const skipped = report.checks.length - s.passed - failures;
  const cases = report.checks.map(testcase).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="hmrc-sandbox conform" tests="${s.total}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}">
  <testsuite name="${esc(`HMRC conformance: ${report.vendor}`)}" tests="${s.total}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">
    <properties>
      <property name="emulatorUrl" value="${esc(report.emulatorUrl)}"/>
      <property name="userAgent" value="${report.userAgent}"/>
      <property name="connectionMethod" value="${esc(report.connectionMethod)}"/>
    </properties>
${cases}
  </testsuite>
</testsuites>
`;
}

function testcase(c: CheckResult): string {
  const open = `    <testcase classname="conformance" name="${esc(`${c.id}: ${c.title}`)}" time="${seconds(c.durationMs)}">`;
  let inner = '';
  if (c.unexpected) {
    const text = [...(c.findings.length ? c.findings : [c.message ?? c.status]), '', `Fix: ${c.fix}`, `Rule: ${c.rule}`, `Reference: ${c.reference}`].join('\n');
    inner = `\n      <failure message="${esc(c.message ?? 'failed')}" type="${esc(c.id)}">${esc(text)}</failure>`;
  } else if (c.status === 'failed') inner = `\n      <skipped message="${esc(`expected failure: ${c.expected}`)}"/>`;
  else if (c.status !== 'passed') inner = `\n      <skipped message="${esc(c.message ?? c.status)}"/>`;
  const out = c.evidence.length ? `\n      <system-out>${esc(JSON.stringify(c.evidence, null, 1))}</system-out>` : '';
  return `${open}${inner}${out}\n    </testcase>`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Escapes for XML text and attributes, dropping characters XML 1.0 cannot carry. */
function esc(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- XML 1.0 allows tab, LF and CR, and nothing else below space
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
