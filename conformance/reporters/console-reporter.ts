import type { CheckResult, Reporter, RunReport } from '../runner/report.js';

const MARK: Record<CheckResult['status'], string> = { passed: '✔', failed: '✘', blocked: '⊘', skipped: '–' };

/**
 * Live progress in the terminal: one line per check as it finishes, what to fix under each failure, a summary.
 * `quiet`: only the summary line.
 */
export function consoleReporter(out: NodeJS.WritableStream, o: { color?: boolean; quiet?: boolean } = {}): Reporter {
  const paint = (code: number, text: string): string => (o.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const summary: Reporter = { runFinished: (report) => void out.write(`${o.quiet ? '' : '\n'}${summaryLine(report, paint)}\n`) };
  if (o.quiet) return summary;
  return {
    runStarted: (info) => void out.write(`hmrc-sandbox conform: ${info.vendor} against ${info.emulatorUrl} (${info.checks} checks)\n\n`),
    checkFinished: (r) => {
      const colour = r.status === 'passed' ? 32 : r.status === 'skipped' ? 90 : r.expected && r.status === 'failed' ? 33 : r.unexpected ? 31 : 33;
      const suffix = r.status === 'failed' && r.expected ? ` (expected: ${r.expected})` : '';
      out.write(`  ${paint(colour, MARK[r.status])} ${r.id.padEnd(26)} ${r.title} ${paint(90, `${r.durationMs} ms`)}${suffix}\n`);
      if (r.status === 'failed') {
        for (const finding of r.findings) out.write(`      ${finding}\n`);
        out.write(`      ${paint(36, `fix: ${r.fix}`)}\n      ${paint(90, `rule: ${r.reference}`)}\n`);
      } else if (r.status !== 'passed' && r.message) out.write(`      ${paint(r.unexpected ? 31 : 90, r.message)}\n`);
      if (r.status === 'passed' && r.expected) out.write(`      ${paint(33, 'listed as an expected failure, but it passes: take it off the list')}\n`);
    },
    ...summary,
  };
}

/** The one summary line: counts, expected failures that now pass (take them off the list), and the exit code. */
export function summaryLine(report: RunReport, paint: (code: number, text: string) => string = (_c, t) => t): string {
  const s = report.summary;
  const parts = [`${s.passed} passed`, `${s.failed} failed`, s.expectedFailures ? `${s.expectedFailures} expected` : '', s.blocked ? `${s.blocked} blocked` : '', s.skipped ? `${s.skipped} skipped` : ''].filter(Boolean);
  const fixed = s.expectedButPassed.length ? `, ${paint(33, `${s.expectedButPassed.join(', ')} listed as expected ${s.expectedButPassed.length === 1 ? 'failure' : 'failures'} but now ${s.expectedButPassed.length === 1 ? 'passes' : 'pass'}: take ${s.expectedButPassed.length === 1 ? 'it' : 'them'} off the list`)}` : '';
  return `${parts.join(', ')} in ${(report.durationMs / 1000).toFixed(1)} s${fixed} — ${s.unexpected ? paint(31, `${s.unexpected} unexpected: exit 1`) : paint(32, 'conformant: exit 0')}`;
}
