import { bearerOf, body, describeEntry, responseBody, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC: access tokens last 4 hours; "You can only use a refresh_token once. When you refresh an access_token, it
 * invalidates the original". The kit expires the token twice through the clock: each time the software must
 * refresh once, with the newest refresh token, and retry with the new access token.
 */
export const tokenRefresh: Scenario = {
  id: 'token-refresh',
  async run(s: CheckSession) {
    const linked = await s.link();
    await s.callApiSuccessfully();
    let refreshToken = linked.refreshToken;
    for (const round of [1, 2]) {
      await s.advance('PT4H1M');
      const mark = await s.mark();
      await s.callApi();
      const entries = await s.entriesSince(mark);
      const refreshes = tokenRequests(entries, 'refresh_token');
      if (refreshes.length === 0) s.fail(`after the access token expired (round ${round}) the software did not refresh it`);
      s.expect(refreshes.length === 1, `round ${round}: the software refreshed ${refreshes.length} times for one expired token`);
      const used = body(refreshes[0]!).refresh_token;
      s.expect(used === refreshToken, round === 1 ? `round 1: the refresh used ${String(used)}, not the refresh token HMRC issued` : `round 2: the refresh used an old refresh token (${String(used)}) instead of the rotated one (${refreshToken})`);
      const ok = refreshes.find((r) => r.status === 200);
      if (!ok) s.fail(`round ${round}: the refresh failed: ${refreshes.map(describeEntry).join(', ')}`);
      const issued = responseBody(ok);
      const retried = entries.filter((e) => e.id > ok.id && bearerOf(e) === String(issued.access_token));
      s.expect(retried.some((e) => e.status < 400), `round ${round}: after refreshing, the software did not call the API with the new access token`);
      refreshToken = String(issued.refresh_token);
    }
    const state = await s.linkState();
    s.expect(state === undefined || state === 'linked', `after refreshing the software shows "${state}"`);
    s.verdict();
  },
};
