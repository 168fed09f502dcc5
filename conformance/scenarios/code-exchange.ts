import { body, describeEntry, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC: the code "expires after 10 minutes" and is single-use; the token request carries client_id, client_secret,
 * grant_type=authorization_code, the code and "the same redirect_uri" (RFC 6749 §4.1.3).
 */
export const codeExchange: Scenario = {
  id: 'code-exchange',
  async run(s: CheckSession) {
    const mark = await s.mark();
    const linked = await s.link();
    const exchanges = tokenRequests(await s.entriesSince(mark), 'authorization_code');
    s.expect(exchanges.length === 1, `the code was sent to /oauth/token ${exchanges.length} times: ${exchanges.map(describeEntry).join(', ')}`);
    const first = exchanges[0]!;
    s.expect(first.status === 200, `the code exchange failed: ${describeEntry(first)}`);
    s.expect(body(first).redirect_uri === linked.attempt.params.get('redirect_uri'), `the token request's redirect_uri ${JSON.stringify(body(first).redirect_uri)} differs from the authorization request's`);
    s.verdict();
  },
};
