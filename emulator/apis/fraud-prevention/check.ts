import type { EmulatorContext } from '../../context.js';
import { PlatformError } from '../../errors/platform-error.js';
import type { ApiRequest, ApiResponse, Endpoint } from '../../gateway/api.js';
import { validateFraudHeaders, type Validation } from './validate-headers.js';

/**
 * Fraud prevention headers are "required by law" on every Making Tax Digital call. HMRC's APIs do not reject bad
 * ones, but its Test Fraud Prevention Headers API reports on the latest call to each endpoint. The emulator
 * validates every MTD call in passing:
 *
 * - the result code goes on the response as `X-Emulator-Fraud-Headers: VALID_HEADERS|POTENTIALLY_INVALID_HEADERS|
 *   INVALID_HEADERS` (so the journal shows it for every call, errors included);
 * - the full result is kept for `GET /test/fraud-prevention-headers/{api}/validation-feedback`;
 * - with `fraudHeaders: 'strict'` a call whose headers are INVALID_HEADERS is refused before the API runs:
 *   400 `{"code":"INVALID_FRAUD_PREVENTION_HEADERS","message":…,"errors":[{code,message,headers}]}`.
 *   Warnings (POTENTIALLY_INVALID_HEADERS) never refuse a call.
 */
export const FRAUD_RESULT_HEADER = 'X-Emulator-Fraud-Headers';

/**
 * Validates one MTD call's fraud prevention headers, records the result for the feedback endpoint and, in strict
 * mode, throws when they are invalid. `api` is the name used in the feedback URL (e.g. `vat-mtd`); `endpoint` names
 * the endpoint so that calls for different clients count as one (defaults to the request path).
 *
 * @example
 * const check = await checkFraudHeaders(ctx, req, 'vat-mtd', '/organisations/vat/:vrn/obligations');
 * return { status: 200, body, headers: { [FRAUD_RESULT_HEADER]: check.result.code } };
 */
export async function checkFraudHeaders(ctx: EmulatorContext, req: ApiRequest, api: string, endpoint = req.path): Promise<Validation> {
  const validation = validateFraudHeaders(req.headers);
  if (req.caller.kind !== 'none') {
    await ctx.fraudFeedback.record({ clientId: req.caller.clientId, api, endpoint }, { method: req.method, path: req.path }, validation);
  }
  if (ctx.config.fraudHeaders === 'strict' && validation.result.code === 'INVALID_HEADERS') {
    throw new PlatformError(
      400,
      'INVALID_FRAUD_PREVENTION_HEADERS',
      'The fraud prevention headers are invalid, and the emulator is in strict mode: see errors, or GET /test/fraud-prevention-headers/validate',
      { [FRAUD_RESULT_HEADER]: validation.result.code },
      { errors: validation.result.errors ?? [] },
    );
  }
  return validation;
}

/**
 * Wraps an API's endpoints so that each call is checked by {@link checkFraudHeaders} first and its response
 * (success or error) carries `X-Emulator-Fraud-Headers`.
 *
 * @example
 * endpoints: withFraudHeaderCheck('vat-mtd', [{ method: 'GET', path: '/organisations/vat/:vrn/obligations', … }])
 */
export function withFraudHeaderCheck(api: string, endpoints: Endpoint[]): Endpoint[] {
  return endpoints.map((endpoint) => ({
    ...endpoint,
    handler: async (req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> => {
      const { result } = await checkFraudHeaders(ctx, req, api, endpoint.path);
      try {
        const response = await endpoint.handler(req, ctx);
        return { ...response, headers: { ...response.headers, [FRAUD_RESULT_HEADER]: result.code } };
      } catch (err) {
        // A copy: some errors share their headers object (platformErrors' WWW-Authenticate).
        if (err instanceof PlatformError) throw new PlatformError(err.status, err.code, err.message, { ...err.headers, [FRAUD_RESULT_HEADER]: result.code }, err.extra);
        throw err;
      }
    },
  }));
}
