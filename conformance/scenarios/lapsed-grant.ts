import { expectMustLinkAgain } from './must-link-again.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC: "After 18 months you can no longer refresh" (grant length 547 days); the refresh answers 400 invalid_grant.
 * The kit moves the clock 548 days on and makes the software call an API.
 */
export const lapsedGrant: Scenario = {
  id: 'lapsed-grant',
  async run(s: CheckSession) {
    await s.link();
    await s.callApiSuccessfully();
    await s.advance('P548D');
    await expectMustLinkAgain(s, await s.mark(), 'after the 18-month grant lapsed');
  },
};
