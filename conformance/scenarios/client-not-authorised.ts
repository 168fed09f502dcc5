import { apiRequests, describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * MTD APIs answer 403 CLIENT_OR_AGENT_NOT_AUTHORISED when the signed-in user is not the taxpayer, or is an agent the
 * client has not authorised. No retry, refresh or relink can fix that, so the software must say so and stop.
 * Produced with the emulator's fault of that name.
 */
export const FAULT = 'api-client-or-agent-not-authorised';

export const clientNotAuthorised: Scenario = {
  id: 'client-not-authorised',
  async run(s: CheckSession) {
    if (!(await s.faultAvailable(FAULT))) s.notApplicable(`this emulator has no "${FAULT}" fault to produce 403 CLIENT_OR_AGENT_NOT_AUTHORISED`);
    await s.link();
    await s.callApiSuccessfully();
    await s.fault(FAULT, 'always');
    const mark = await s.mark();
    const outcome = await s.callApi();
    const entries = await s.entriesSince(mark);
    const calls = apiRequests(entries);
    s.expect(calls.length === 1, `after 403 CLIENT_OR_AGENT_NOT_AUTHORISED the software retried: ${calls.length} API requests for one user action`);
    const tokens = tokenRequests(entries);
    s.expect(tokens.length === 0, `a 403 is not a token problem, but the software called /oauth/token: ${tokens.map(describeEntry).join(', ')}`);
    s.expect(!outcome.crashed, `the software answered with ${outcome.status ?? 'no response'} (a server error or crash)`);
    const state = await s.linkState();
    s.expect(state === undefined || state === 'error', `the software shows "${state}" instead of an error the user can act on`);
    s.verdict();
  },
};
