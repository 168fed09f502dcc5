import { apiRequests, describeEntry, responseBody, tokenRequests } from '../runner/journal-views.js';
import { blockOnOthersRules, type CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * MTD APIs answer 403 CLIENT_OR_AGENT_NOT_AUTHORISED when the signed-in user is not the taxpayer, or is an agent the
 * client has not authorised (vat-api `AuthorisedController`; business-details-api `EnrolmentsAuthService`). No retry,
 * refresh or relink can fix that, so the software must say so and stop. The kit links as the contract's `wrongUser`
 * (by default the seeded agent, who has no client relationships) while the software acts for its own taxpayer.
 */
const CODE = 'CLIENT_OR_AGENT_NOT_AUTHORISED';

export const clientNotAuthorised: Scenario = {
  id: 'client-not-authorised',
  async run(s: CheckSession) {
    await s.link('wrongUser');
    const mark = await s.mark();
    const outcome = await s.callApi();
    const entries = await s.entriesSince(mark);
    const calls = apiRequests(entries);
    blockOnOthersRules(s, calls);
    const refused = calls.filter((c) => c.status === 403 && isNotAuthorised(responseBody(c).code));
    if (!refused.length) {
      s.notApplicable(`signed in as ${s.wrongUser.label}, the software's API calls were not refused (${calls.map(describeEntry).join(', ') || 'none'}): they are not for a particular taxpayer`);
    }
    s.expect(calls.length === 1, `after 403 ${CODE} the software retried: ${calls.length} API requests for one user action`);
    const tokens = tokenRequests(entries);
    s.expect(tokens.length === 0, `a 403 is not a token problem, but the software called /oauth/token: ${tokens.map(describeEntry).join(', ')}`);
    s.expect(!outcome.crashed, `the software answered with ${outcome.status ?? 'no response'} (a server error or crash)`);
    s.expect(outcome.told?.outcome !== 'ok', `after 403 ${CODE} the software told the user "ok"`);
    const state = await s.linkState();
    s.expect(state === undefined || state === 'error', `the software shows "${state}" instead of an error the user can act on`);
    s.verdict();
  },
};

function isNotAuthorised(code: unknown): boolean {
  return code === CODE;
}
