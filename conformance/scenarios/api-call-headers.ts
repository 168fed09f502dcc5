import { apiRequests, bearerOf, describeEntry, responseBody } from '../runner/journal-views.js';
import type { CheckSession } from '../runner/session.js';
import type { Scenario } from './scenario.js';

/**
 * HMRC reference guide: "Versioning … Accept: application/vnd.hmrc.[version]+[content-type]" (406
 * ACCEPT_HEADER_INVALID otherwise) and user-restricted calls carry "Authorization: Bearer <access_token>".
 */
const ACCEPT = /^application\/vnd\.hmrc\.\d+\.\d+\+(json|xml)$/;

export const apiCallHeaders: Scenario = {
  id: 'api-call-headers',
  async run(s: CheckSession) {
    const linked = await s.link();
    const mark = await s.mark();
    await s.callApi();
    const calls = apiRequests(await s.entriesSince(mark));
    if (!calls.length) s.fail('asked to call an API, the software made no request to HMRC');
    // A scope that does not cover the API is the authorization request's mistake, not a header one.
    const scope = calls.find((c) => c.status === 403 && responseBody(c).code === 'INVALID_SCOPE');
    if (scope) s.block('authorization-request', `HMRC refused the API call because the scopes granted do not cover it: ${describeEntry(scope)}`);
    for (const call of calls) {
      const accept = call.requestHeaders.accept ?? '';
      s.expect(accept.split(',').some((part) => ACCEPT.test(part.split(';')[0]!.trim())), `${call.method} ${call.path}: Accept is ${JSON.stringify(accept || null)}, not application/vnd.hmrc.<version>+json`);
      const bearer = bearerOf(call);
      s.expect(bearer === linked.accessToken, `${call.method} ${call.path}: Authorization is ${JSON.stringify(call.requestHeaders.authorization ?? null)}, not "Bearer <the access token HMRC issued>"`);
      s.expect(call.status < 400, `${describeEntry(call)}`);
    }
    s.verdict();
  },
};
