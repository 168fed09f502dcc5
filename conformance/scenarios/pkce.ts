import { body, tokenRequests } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC: "code_challenge_method … must be S256"; RFC 7636 §4.2: the S256 challenge is BASE64URL(SHA256(verifier)),
 * 43 characters; §4.5: the verifier goes with the token request. PKCE is optional at HMRC: without it this passes.
 */
export const pkce: Scenario = {
  id: 'pkce',
  async run(s: CheckSession) {
    const attempt = await s.startLink();
    s.abandonLink();
    const challenge = attempt.params.get('code_challenge');
    const method = attempt.params.get('code_challenge_method');
    if (challenge === null && method === null) {
      s.notes.push('PKCE is not used (optional at HMRC)');
      return;
    }
    s.expect(method === 'S256', `code_challenge_method is ${JSON.stringify(method)}; HMRC accepts only S256`);
    s.expect(challenge && /^[A-Za-z0-9_-]{43}$/.test(challenge), `code_challenge ${JSON.stringify(challenge)} is not 43 base64url characters (a SHA-256 digest)`);
    s.verdict();
    const mark = await s.mark();
    await s.link();
    const exchange = tokenRequests(await s.entriesSince(mark), 'authorization_code').at(-1)!;
    s.expect(body(exchange).code_verifier !== undefined, 'the token request has no code_verifier');
    s.verdict();
  },
};
