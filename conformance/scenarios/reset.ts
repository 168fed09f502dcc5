import { apiRequests, bearerOf, describeEntry } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * The contract's reset hook: "Forget all tokens and pending links". The kit links, resets, then asks what the user
 * sees (it must be "not-linked") and makes the software call an API (no call may carry the old token). Every other
 * check starts after a reset; when the software still shows something other than "not-linked" there, that check is
 * blocked by this one.
 */
export const reset: Scenario = {
  id: 'reset',
  async run(s: CheckSession) {
    if (!s.config.reset) s.notApplicable('the contract has no reset hook (the kit restarts nothing between checks)');
    const linked = await s.link();
    await s.reset();
    const state = await s.linkState();
    s.expect(state === undefined || state === 'not-linked', `after the reset hook the software shows "${state}", not "not-linked": it kept its tokens`);
    const mark = await s.mark();
    const outcome = await s.callApi();
    const reused = apiRequests(await s.entriesSince(mark)).filter((c) => bearerOf(c) === linked.accessToken);
    s.expect(reused.length === 0, `after the reset hook the software still called HMRC with the old access token: ${reused.map(describeEntry).join(', ')}`);
    s.expect(!outcome.told || outcome.told.outcome === 'not-linked', `after the reset hook the software told the user "${outcome.told?.outcome}", not "not-linked"`);
    s.verdict();
  },
};
