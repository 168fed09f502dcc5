import { writeFileSync } from 'node:fs';
import type { JournalEntry } from '../runner/emulator-client.js';
import type { CheckResult, Reporter, RunReport } from '../runner/report.js';
import { summaryLine } from './console-reporter.js';

/**
 * One self-contained HTML page for people reading CI artefacts: the summary, then each check with its status, rule,
 * reference, fix, findings and notes, and an excerpt of the emulator's journal it caused. No scripts, no external
 * files; every value is escaped. The report is already redacted (secrets `***`, tokens as fingerprints).
 */
export function htmlReporter(path: string): Reporter {
  return { runFinished: (report) => writeFileSync(path, htmlReport(report)) };
}

/** Journal entries shown per check; the JSON report has them all. */
const EXCERPT = 40;

export function htmlReport(report: RunReport): string {
  const rows = report.checks.map((c) => `<tr class="${c.status}"><td><a href="#${esc(c.id)}">${esc(c.id)}</a></td><td>${esc(c.title)}</td><td>${label(c)}</td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(`HMRC conformance: ${report.vendor}`)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #0b0c0c; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #b1b4b6; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.passed .status { color: #00703c; } .failed .status { color: #d4351c; } .blocked .status { color: #f47738; } .skipped .status { color: #505a5f; }
section { border-top: 4px solid #b1b4b6; margin-top: 2rem; } section.failed { border-color: #d4351c; } section.passed { border-color: #00703c; }
code, pre { font: 13px/1.4 ui-monospace, monospace; } pre { white-space: pre-wrap; word-break: break-all; background: #f3f2f1; padding: .5rem; }
.journal td { font: 12px/1.3 ui-monospace, monospace; }
</style>
</head>
<body>
<h1>${esc(`HMRC conformance: ${report.vendor}`)}</h1>
<p><strong>${esc(summaryLine(report))}</strong></p>
<p>Emulator ${esc(report.emulatorUrl)} · user agent ${esc(report.userAgent)} · connection method ${esc(report.connectionMethod)} · started ${esc(report.startedAt)}</p>
<table><thead><tr><th>Check</th><th>Title</th><th>Result</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${report.checks.map(section).join('\n')}
</body>
</html>
`;
}

function label(c: CheckResult): string {
  const text = c.status === 'failed' && c.expected ? 'failed (expected)' : c.status === 'passed' && c.expected ? 'passed (listed as expected failure)' : c.status;
  return `<span class="status">${esc(text)}</span>`;
}

function section(c: CheckResult): string {
  const list = (items: string[]): string => (items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');
  return `<section id="${esc(c.id)}" class="${c.status}">
<h2>${esc(c.id)}: ${esc(c.title)} — ${label(c)} <small>${c.durationMs} ms</small></h2>
${c.message && c.status !== 'failed' ? `<p>${esc(c.message)}</p>` : ''}${c.expected ? `<p>Expected failure: ${esc(c.expected)}</p>` : ''}
${c.findings.length ? `<h3>Findings</h3>${list(c.findings)}` : ''}
${c.status === 'failed' ? `<p><strong>Fix:</strong> ${esc(c.fix)}</p>` : ''}
<p><strong>Rule:</strong> ${esc(c.rule)}</p>
<p><strong>Reference:</strong> ${esc(c.reference)}</p>
${c.notes.length ? `<h3>Notes</h3>${list(c.notes)}` : ''}
${journal(c.evidence)}
</section>`;
}

function journal(entries: JournalEntry[]): string {
  if (!entries.length) return '';
  const shown = entries.slice(0, EXCERPT);
  const rows = shown.map((e) => `<tr><td>${e.id}</td><td>${esc(e.time)}</td><td>${esc(e.method)}</td><td>${esc(e.path)}</td><td>${e.status}</td><td>${esc(detail(e))}</td></tr>`).join('\n');
  const more = entries.length > shown.length ? `<p>… ${entries.length - shown.length} more entries in the JSON report.</p>` : '';
  return `<details><summary>Journal excerpt (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'})</summary>
<table class="journal"><thead><tr><th>#</th><th>virtual time</th><th>method</th><th>path</th><th>status</th><th>detail</th></tr></thead><tbody>
${rows}
</tbody></table>${more}</details>`;
}

/** The parts of an entry a reader looks for: the grant type and an error code. */
function detail(e: JournalEntry): string {
  const req = e.requestBody && typeof e.requestBody === 'object' ? (e.requestBody as Record<string, unknown>) : {};
  const res = e.responseBody && typeof e.responseBody === 'object' ? (e.responseBody as Record<string, unknown>) : {};
  return [req.grant_type, res.error, res.code].filter((v) => typeof v === 'string').join(' ');
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
