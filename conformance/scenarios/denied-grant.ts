import { describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC: when the user chooses "Do not grant authority" the callback carries
 * `error=access_denied&error_description=user+denied+the+authorization&error_code=USER_DENIED_AUTHORIZATION&state=…`.
 * Nothing to exchange; the user should see that the software is not linked.
 */
export const deniedGrant: Scenario = {
  id: 'denied-grant',
  async run(s: CheckSession) {
    await s.startLink();
    const callback = await s.authorise('deny');
    const mark = await s.mark();
    const delivery = await s.deliver(callback);
    const requests = tokenRequests(await s.entriesSince(mark));
    s.expect(requests.length === 0, `after the user denied authority the software called /oauth/token: ${requests.map(describeEntry).join(', ')}`);
    s.expect(!delivery.crashed, `the software answered the denied callback with ${delivery.status ?? 'no response'} (a server error or crash)`);
    const state = await s.linkState();
    s.expect(state === undefined || state === 'not-linked', `after the user denied authority the software shows "${state}", not "not-linked"`);
    s.verdict();
  },
};
