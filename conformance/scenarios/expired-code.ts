import { describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC: authorization codes "expire after 10 minutes". The kit holds the callback for 11 minutes of virtual time,
 * then delivers it: HMRC refuses the code, and the software must let the user start again (no retries, no 5xx).
 */
export const expiredCode: Scenario = {
  id: 'expired-code',
  async run(s: CheckSession) {
    await s.startLink();
    const callback = await s.authorise('grant');
    await s.advance('PT11M');
    const mark = await s.mark();
    const delivery = await s.deliver(callback);
    const exchanges = tokenRequests(await s.entriesSince(mark), 'authorization_code');
    s.expect(exchanges.length <= 1, `the expired code was sent to /oauth/token ${exchanges.length} times`);
    s.expect(exchanges.every((e) => e.status !== 200), `HMRC accepted an expired code (${exchanges.map(describeEntry).join(', ')}): the emulator's clock did not move`);
    s.expect(!delivery.crashed, `the software answered with ${delivery.status ?? 'no response'} (a server error or crash) when the code had expired`);
    const state = await s.linkState();
    s.expect(state !== 'linked', 'the software shows "linked" although the code exchange failed');
    s.verdict();
    await s.link();
  },
};
