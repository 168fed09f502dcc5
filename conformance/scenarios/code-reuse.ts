import { body, describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * RFC 6749 §4.1.2: "The client MUST NOT use the authorization code more than once." The kit replays the callback
 * (a reload or the back button) after a successful link: no token request may carry that code again.
 */
export const codeReuse: Scenario = {
  id: 'code-reuse',
  async run(s: CheckSession) {
    const linked = await s.link();
    if (linked.callback.kind !== 'redirect') s.notApplicable('out-of-band codes are pasted by the user; there is no callback to replay');
    const mark = await s.mark();
    const code = tokenRequests(await s.evidence(), 'authorization_code').map((e) => body(e).code).at(-1);
    const replay = await s.deliver(linked.callback);
    const reused = tokenRequests(await s.entriesSince(mark)).filter((e) => body(e).code === code);
    s.expect(reused.length === 0, `the replayed callback's code was sent to HMRC again: ${reused.map(describeEntry).join(', ')}`);
    // A desktop app's one-shot localhost listener may be gone: nothing answering is fine, a server error is not.
    s.expect(!replay.crashed || replay.unreachable, `the software answered the replayed callback with ${replay.status ?? 'no response'}`);
    const state = await s.linkState();
    s.expect(state === undefined || state === 'linked', `after a replayed callback the software shows "${state}" instead of staying linked`);
    s.verdict();
  },
};
