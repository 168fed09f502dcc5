import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * RFC 6749 §10.12: the client "MUST implement CSRF protection for its redirection URI … typically accomplished by
 * requiring any request sent to the redirection URI endpoint to include a value that binds the request to the
 * user-agent's authenticated state". The kit asks for at least 16 characters, different on each attempt.
 */
export const stateParameter: Scenario = {
  id: 'state-parameter',
  async run(s: CheckSession) {
    const first = (await s.startLink()).params.get('state');
    s.abandonLink();
    const second = (await s.startLink()).params.get('state');
    if (!first || !second) s.fail('the authorization request has no state parameter');
    s.expect(first.length >= 16 && second.length >= 16, `state ${JSON.stringify(first)} is too short to be unguessable (fewer than 16 characters)`);
    s.expect(first !== second, `two link attempts used the same state ${JSON.stringify(first)}`);
    s.expect(!/^(.)\1*$/.test(first) && !/^\d{1,13}$/.test(first), `state ${JSON.stringify(first)} looks predictable (a repeated character or a timestamp)`);
    s.verdict();
  },
};
