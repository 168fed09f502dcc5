import { apiRequests, describeEntry, responseBody } from '../runner/journal-views.js';
import { Blocked } from '../runner/outcomes.js';
import type { CheckSession } from '../runner/session.js';
import { isKnownScope, scopeFitsSubscriptions, splitScopes } from '../rules/scopes.js';
import type { Scenario } from './scenario.js';

/**
 * "response_type: required; only code accepted … client_id … scope … redirect_uri: must match one of the app's
 * registered redirect URIs … Do not include your client secret in this request" (HMRC, user-restricted endpoints).
 * Scopes must belong to APIs the application is subscribed to, and cover the API the software calls: the kit links
 * and calls once, and a 403 INVALID_SCOPE is this rule's. (The client secret is judged by secrets-out-of-browser.)
 */
export const authorizationRequest: Scenario = {
  id: 'authorization-request',
  async run(s: CheckSession) {
    const { params, rejected } = await s.startLink();
    s.expect(params.get('response_type') === 'code', `response_type is ${JSON.stringify(params.get('response_type'))}, not "code"`);
    s.expect(params.get('client_id') === s.clientId, `client_id is ${JSON.stringify(params.get('client_id'))}, not the application's own (${s.clientId})`);
    const redirect = params.get('redirect_uri');
    s.expect(redirect && s.config.application.redirectUris.includes(redirect), `redirect_uri ${JSON.stringify(redirect)} is not one of the application's registered redirect URIs`);
    const scopes = splitScopes(params.get('scope') ?? '');
    s.expect(scopes.length > 0, 'no scope requested');
    const subscribed = s.config.application.subscriptions;
    for (const scope of scopes) {
      if (!isKnownScope(scope)) s.expect(false, `scope "${scope}" is not an HMRC scope`);
      else s.expect(scopeFitsSubscriptions(scope, subscribed), `scope "${scope}" is for an API the application is not subscribed to (it is subscribed to ${subscribed.join(', ') || 'none'})`);
    }
    if (rejected && !/code_challenge/.test(rejected.error)) s.expect(false, `HMRC refused the request: ${rejected.error}`);
    s.verdict();
    try {
      await s.link();
    } catch (e) {
      if (!(e instanceof Blocked)) throw e;
      s.notes.push(`the scopes could not be tried on an API call: the link is blocked by ${e.by}`);
      return;
    }
    const mark = await s.mark();
    await s.callApi();
    const refused = apiRequests(await s.entriesSince(mark)).filter((c) => c.status === 403 && responseBody(c).code === 'INVALID_SCOPE');
    s.expect(refused.length === 0, `the scopes requested (${params.get('scope')}) do not cover the API the software calls: ${refused.map(describeEntry).join(', ')}`);
    s.verdict();
  },
};

