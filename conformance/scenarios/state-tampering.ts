import { randomBytes } from 'node:crypto';
import { describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * RFC 6749 §10.12 and RFC 9700 §4.7: a callback whose state does not match the one the client sent must be
 * rejected. The kit swaps the state for another value and delivers the (valid) code.
 */
export const stateTampering: Scenario = {
  id: 'state-tampering',
  async run(s: CheckSession) {
    await s.startLink();
    const callback = await s.authorise('grant');
    if (callback.kind !== 'redirect') s.notApplicable('out-of-band codes carry no state');
    const tampered = new URL(callback.url);
    tampered.searchParams.set('state', randomBytes(18).toString('base64url'));
    const mark = await s.mark();
    const delivery = await s.deliver({ kind: 'redirect', url: tampered.toString() });
    const exchanges = tokenRequests(await s.entriesSince(mark));
    s.expect(exchanges.length === 0, `the code from a callback with a tampered state was exchanged: ${exchanges.map(describeEntry).join(', ')}`);
    s.expect(!delivery.crashed, `the software answered the tampered callback with ${delivery.status ?? 'no response'}`);
    const state = await s.linkState();
    s.expect(state !== 'linked', 'after a callback with a tampered state the software shows "linked"');
    s.verdict();
  },
};
