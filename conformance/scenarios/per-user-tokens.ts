import { apiRequests, bearerOf } from '../runner/journal-views.js';
import type { UserKey } from '../drivers/software.js';
import { blockOnOthersRules, type CheckSession, type Linked } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * A token is one user's authority. With `{user}` in its hooks the software can be driven for more than one user:
 * the kit links the contract's user (`{user}` = `user`) and then an agent that user has authorised (`{user}` =
 * `agent`; the kit creates the relationship and ends it afterwards), and makes each call an API in turn. Each
 * call must carry the token HMRC issued to that user. Software whose hooks take no `{user}` serves one user: skipped.
 */
export const perUserTokens: Scenario = {
  id: 'per-user-tokens',
  async run(s: CheckSession) {
    if (!s.perUser) s.notApplicable('the contract\'s hooks take no {user}: the software serves one user');
    const endRelationship = await s.authoriseAgent();
    try {
      const linked: Record<UserKey, Linked> = { user: await s.link('user', 'user'), agent: await s.link('agent', 'agent') };
      for (const key of ['user', 'agent', 'user'] as const) {
        const mark = await s.mark();
        await s.callApi(key);
        const calls = apiRequests(await s.entriesSince(mark));
        s.expect(calls.length > 0, `asked to call an API for ${key}, the software made no API request`);
        blockOnOthersRules(s, calls);
        const other = key === 'user' ? 'agent' : 'user';
        const wrong = calls.filter((c) => bearerOf(c) !== linked[key].accessToken);
        s.expect(wrong.length === 0, `${key}'s API calls carried ${wrong.some((c) => bearerOf(c) === linked[other].accessToken) ? `${other}'s access token` : 'a token HMRC did not issue to them'} (${wrong.length} of ${calls.length})`);
      }
      for (const key of ['user', 'agent'] as const) {
        const state = await s.linkState(key);
        s.expect(state === undefined || state === 'linked', `with both users linked, ${key} is shown "${state}"`);
      }
      s.verdict();
    } finally {
      await endRelationship();
    }
  },
};
