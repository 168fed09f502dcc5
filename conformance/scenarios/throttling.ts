import { apiRequests, bearerOf, describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC reference guide, "Rate limiting": "3 requests per second per application … 429 … back off". The kit makes
 * every call answer 429 MESSAGE_THROTTLED_OUT: the software may retry at most twice for one user action, must keep
 * its tokens, and must work again once the throttling ends.
 */
const MAX_ATTEMPTS = 3;

export const throttling: Scenario = {
  id: 'throttling',
  async run(s: CheckSession) {
    const linked = await s.link();
    await s.callApiSuccessfully();
    await s.fault('api-throttled', 'always');
    const mark = await s.mark();
    const outcome = await s.callApi();
    const entries = await s.entriesSince(mark);
    const calls = apiRequests(entries);
    s.expect(calls.length <= MAX_ATTEMPTS, `one user action made ${calls.length} API requests while throttled (at most ${MAX_ATTEMPTS}): a retry storm`);
    const tokens = tokenRequests(entries);
    s.expect(tokens.length === 0, `throttling is not a token problem, but the software called /oauth/token: ${tokens.map(describeEntry).join(', ')}`);
    s.expect(!outcome.crashed, `while throttled the software answered with ${outcome.status ?? 'no response'} (a server error or crash)`);
    const state = await s.linkState();
    s.expect(state === undefined || state === 'linked' || state === 'error', `while throttled the software shows "${state}"`);
    s.verdict();
    await s.clearFaults();
    const after = await s.callApiSuccessfully();
    s.expect(after.calls.some((c) => bearerOf(c) === linked.accessToken && c.status < 400), 'once the throttling ended the software no longer used its access token');
    s.verdict();
  },
};
