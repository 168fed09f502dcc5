import { apiRequests, bearerOf, describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC reference guide, "Errors": 500 INTERNAL_SERVER_ERROR and 503 SERVER_ERROR are HMRC's problem and temporary.
 * The software must not crash (its api hook answers no 5xx), keep its tokens (no refresh, no unlinking) and work again afterwards.
 * Last, the token endpoint is unavailable (503 temporarily_unavailable) just when the access token has expired:
 * the refresh token was not used up, so once HMRC is back the software must refresh with it, not ask to link again.
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
      s.expect(!outcome.crashed, `${fault}: the software answered the user's action with ${outcome.status ?? 'nothing'} (a crash): HMRC's 5xx must not become the software's`);
      const state = await s.linkState();
      s.expect(state === undefined || state === 'linked' || state === 'error', `${fault}: the software shows "${state}": it dropped the link because HMRC was down`);
      await s.clearFaults();
      s.verdict();
    }
    const after = await s.callApiSuccessfully();
    s.expect(after.calls.some((c) => bearerOf(c) === linked.accessToken && c.status < 400), 'once HMRC recovered the software no longer used its access token (it lost it)');
    s.verdict();

    await s.advance('PT4H1M');
    await s.fault('token-unavailable', 'always');
    const mark = await s.mark();
    const outcome = await s.callApi();
    const refreshes = tokenRequests(await s.entriesSince(mark), 'refresh_token');
    s.expect(refreshes.length <= 3, `token endpoint unavailable: the software tried to refresh ${refreshes.length} times for one user action`);
    s.expect(!outcome.crashed, `token endpoint unavailable: the software answered the user's action with ${outcome.status ?? 'nothing'} (a crash)`);
    const state = await s.linkState();
    s.expect(state === undefined || state === 'linked' || state === 'error', `token endpoint unavailable: the software shows "${state}": it gave up its authority because HMRC was down`);
    await s.clearFaults();
    s.verdict();
    const recovered = await s.callApiSuccessfully();
    s.expect(recovered.calls.some((c) => c.status < 400), 'once the token endpoint recovered the software could not call the API');
    s.verdict();
  },
};
