import type { PlatformCode } from '../errors/platform-codes.js';
import { PlatformError } from '../errors/platform-error.js';

/**
 * The Making Tax Digital error family (HMRC `api-shared` `MtdError`): `{code, message}`, or for several
 * problems at once `{code: "INVALID_REQUEST", message: "Invalid request", errors: [{code, message, paths}]}`.
 * Codes and messages as HMRC's Income Tax OpenAPI `common/errors.yaml` files word them. A field error
 * may carry `paths` (JSON pointers into the body); path and query parameter errors carry none.
 */
export interface MtdErrorDetail {
  code: PlatformCode;
  message: string;
  paths?: string[];
}

export const mtd = (status: number, code: PlatformCode, message: string): PlatformError => new PlatformError(status, code, message);

/** One error alone is returned as itself; several become INVALID_REQUEST with an `errors` array. */
export function mtdErrors(details: MtdErrorDetail[]): PlatformError {
  if (details.length === 1) {
    const [only] = details as [MtdErrorDetail];
    return new PlatformError(400, only.code, only.message, {}, only.paths ? { paths: only.paths } : {});
  }
  return new PlatformError(400, 'INVALID_REQUEST', 'Invalid request', {}, { errors: details });
}

/** Errors common to the Income Tax APIs, worded as HMRC words them (messages vary a little between APIs). */
export const mtdError = {
  formatNino: (message = 'The provided NINO is invalid'): MtdErrorDetail => ({ code: 'FORMAT_NINO', message }),
  formatTaxYear: (message = 'The provided tax year is invalid'): MtdErrorDetail => ({ code: 'FORMAT_TAX_YEAR', message }),
  taxYearRangeInvalid: (message = 'A tax year range of one year is required'): MtdErrorDetail => ({ code: 'RULE_TAX_YEAR_RANGE_INVALID', message }),
  taxYearNotSupported: (): MtdErrorDetail => ({ code: 'RULE_TAX_YEAR_NOT_SUPPORTED', message: 'The tax year specified does not lie within the supported range' }),
  formatBusinessId: (message = 'The provided Business ID is invalid'): MtdErrorDetail => ({ code: 'FORMAT_BUSINESS_ID', message }),
  incorrectOrEmptyBody: (paths?: string[]): MtdErrorDetail => ({
    code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
    message: 'An empty or non-matching body was submitted',
    ...(paths?.length ? { paths } : {}),
  }),
};

export const mtdFailures = {
  incorrectGovTestScenario: () => mtd(400, 'RULE_INCORRECT_GOV_TEST_SCENARIO', 'The supplied Gov-Test-Scenario is not valid'),
  matchingResourceNotFound: () => mtd(404, 'MATCHING_RESOURCE_NOT_FOUND', 'Matching resource not found'),
  /** Supporting agents reach only what HMRC lets them (see shared/mtd-access.ts). */
  clientOrAgentNotAuthorised: () => mtd(403, 'CLIENT_OR_AGENT_NOT_AUTHORISED', 'The client or agent is not authorised'),
};
