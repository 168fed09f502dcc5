import { apiRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import { judgeFraudHeaders, type HeaderFinding } from '../rules/fraud-headers.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC fraud prevention specification v3.3: every Making Tax Digital call carries Gov-Client-Connection-Method and the
 * headers that method requires, in the formats the specification gives. Run near the end, this check links, calls
 * an API, lets the token expire and calls again (a refresh and a retried call), then judges every API call of the
 * whole run — every check's, refreshes, retries and error paths included — by the kit's own reading of the
 * specification (rules/fraud-headers.ts; not the emulator's validator, whose verdict on each MTD response the kit
 * does not consult), and requires the connection method to be the one the vendor contract declares.
 */
const MAX_FINDINGS = 8;

export const fraudPreventionHeaders: Scenario = {
  id: 'fraud-prevention-headers',
  async run(s: CheckSession) {
    await s.link();
    await s.callApiSuccessfully();
    await s.advance('PT4H1M');
    await s.callApi();
    const problems = new Map<string, { checks: Set<string>; calls: number; example: string }>();
    const calls = apiRequests(await s.runEntries());
    for (const call of calls) {
      const issues: string[] = [];
      const method = call.requestHeaders['gov-client-connection-method'];
      if (method !== s.config.connectionMethod) issues.push(`Gov-Client-Connection-Method is ${JSON.stringify(method ?? null)}, not the declared ${s.config.connectionMethod}`);
      const verdict = judgeFraudHeaders(call.requestHeaders);
      issues.push(...grouped(verdict.errors));
      for (const warning of grouped(verdict.warnings)) s.notes.push(`${call.method} ${call.path}: warning: ${warning}`);
      if (!issues.length) continue;
      const key = issues.join('; ');
      const p = problems.get(key) ?? { checks: new Set<string>(), calls: 0, example: `${call.method} ${call.path}` };
      p.checks.add(s.run.checkOf(call) ?? 'this check');
      p.calls++;
      problems.set(key, p);
    }
    s.notes.splice(MAX_FINDINGS, Infinity, ...(s.notes.length > MAX_FINDINGS ? [`… ${s.notes.length - MAX_FINDINGS} more warnings`] : []));
    for (const [issues, p] of [...problems].slice(0, MAX_FINDINGS)) {
      s.expect(false, `${p.calls} of ${calls.length} API calls (during ${[...p.checks].join(', ')}; e.g. ${p.example}): ${issues}`);
    }
    s.verdict();
  },
};

/** Findings with the same problem, as one line: `Gov-Client-Device-ID, Gov-Vendor-Version: missing`. */
function grouped(findings: HeaderFinding[]): string[] {
  const byProblem = new Map<string, string[]>();
  for (const f of findings) byProblem.set(f.problem, [...(byProblem.get(f.problem) ?? []), f.header]);
  return [...byProblem].map(([problem, headers]) => `${headers.join(', ')}: ${problem}`);
}
