import { validateFraudHeaders } from '../../emulator/apis/fraud-prevention/validate-headers.js';
import { apiRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC fraud prevention specification v3.3: every Making Tax Digital call carries Gov-Client-Connection-Method and the
 * headers that method requires, in the formats the specification gives. Run near the end, this check links, calls
 * an API, lets the token expire and calls again (a refresh and a retried call), then judges every API call of the
 * whole run — every check's, refreshes, retries and error paths included — with the emulator's validator (the Test
 * Fraud Prevention Headers API's rules, whose verdict the emulator also puts on each MTD response as
 * X-Emulator-Fraud-Headers), and requires the connection method to be the one the vendor contract declares.
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
      const { result } = validateFraudHeaders(call.requestHeaders);
      for (const error of result.errors ?? []) issues.push(`${error.code} ${error.headers.join(', ')}${error.message ? ` (${error.message})` : ''}`);
      for (const warning of result.warnings ?? []) s.notes.push(`${call.method} ${call.path}: warning ${warning.code} ${warning.headers.join(', ')}`);
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
