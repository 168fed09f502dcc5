import { apiRequests, bearerOf, describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC reference guide, "Errors": 500 INTERNAL_SERVER_ERROR and 503 SERVER_ERROR are HMRC's problem and temporary.
 * The software must report a clear error, keep its tokens (no refresh, no unlinking) and work again afterwards.
 */
export const serverErrors: Scenario = {
  id: 'server-errors',
  async run(s: CheckSession) {
    const linked = await s.link();
    await s.callApiSuccessfully();
    for (const fault of ['api-internal-server-error', 'api-service-unavailable']) {
      await s.fault(fault, 'always');
      const mark = await s.mark();
      const outcome = await s.callApi();
      const entries = await s.entriesSince(mark);
      const calls = apiRequests(entries);
      s.expect(calls.length <= 3, `${fault}: one user action made ${calls.length} API requests`);
      const tokens = tokenRequests(entries);
      s.expect(tokens.length === 0, `${fault}: a server error is not a token problem, but the software called /oauth/token: ${tokens.map(describeEntry).join(', ')}`);
      s.expect(outcome.status !== null, `${fault}: the software gave no answer`);
      const state = await s.linkState();
      s.expect(state === undefined || state === 'linked' || state === 'error', `${fault}: the software shows "${state}": it dropped the link because HMRC was down`);
      await s.clearFaults();
      s.verdict();
    }
    const after = await s.callApiSuccessfully();
    s.expect(after.some((c) => bearerOf(c) === linked.accessToken && c.status < 400), 'once HMRC recovered the software no longer used its access token (it lost it)');
    s.verdict();
  },
};
