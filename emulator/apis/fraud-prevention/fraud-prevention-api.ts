import { PlatformError } from '../../errors/platform-error.js';
import type { Api } from '../../gateway/api.js';
import { CONNECTION_METHODS, isConnectionMethod } from './connection-methods.js';
import { SPEC_VERSION, validateFraudHeaders } from './validate-headers.js';

/**
 * HMRC's Test Fraud Prevention Headers API (context `test/fraud-prevention-headers`, v1.0, sandbox only,
 * application-restricted; reference §5.3):
 *
 * - `GET /test/fraud-prevention-headers/validate` validates the request's own `Gov-*` headers.
 * - `GET /test/fraud-prevention-headers/{api}/validation-feedback?connectionMethod=<METHOD>` reports on the most
 *   recent request from the calling application to each endpoint of `{api}` (e.g. `vat-mtd`) made with that
 *   connection method: `{specVersion, connectionMethod, requests:[{method, path, requestTimestamp, code, message,
 *   errors?, warnings?, headers:[{header, code, message?}]}]}`.
 *
 * HMRC's answers for a missing or unknown `connectionMethod` and for an `{api}` with no requests are not
 * documented. The emulator answers 400 INVALID_CONNECTION_METHOD, and 200 with an empty `requests` list.
 */
export const fraudPreventionApi: Api = {
  name: 'Test Fraud Prevention Headers',
  context: 'test/fraud-prevention-headers',
  versions: ['1.0'],
  formats: ['json'],
  endpoints: [
    {
      method: 'GET',
      path: '/test/fraud-prevention-headers/validate',
      auth: 'application',
      handler: (req) => ({ status: 200, body: validateFraudHeaders(req.headers).result }),
    },
    {
      method: 'GET',
      path: '/test/fraud-prevention-headers/:api/validation-feedback',
      auth: 'application',
      handler: async (req, ctx) => {
        const api = req.params.api ?? '';
        if (!/^[A-Za-z0-9-]{1,64}$/.test(api)) throw new PlatformError(404, 'MATCHING_RESOURCE_NOT_FOUND', 'A resource with the name in the request can not be found in the API');
        const connectionMethod = req.query.connectionMethod;
        if (!isConnectionMethod(connectionMethod)) {
          throw new PlatformError(400, 'INVALID_CONNECTION_METHOD', `The connectionMethod query parameter must be one of ${CONNECTION_METHODS.join(', ')}`);
        }
        const clientId = req.caller.kind === 'none' ? '' : req.caller.clientId;
        const requests = await ctx.fraudFeedback.list(clientId, api, connectionMethod);
        return { status: 200, body: { specVersion: SPEC_VERSION, connectionMethod, requests } };
      },
    },
  ],
};
