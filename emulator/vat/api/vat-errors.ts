import type { PlatformCode } from '../../errors/platform-codes.js';
import { PlatformError } from '../../errors/platform-error.js';

/**
 * The VAT (MTD) API's errors, coded and worded as HMRC's OpenAPI file documents them (vat-api
 * `resources/public/api/conf/1.0/application.yaml`). Where HMRC's code (`app/v1/models/errors/*.scala`) wraps an
 * error in an envelope, the envelope is kept: body-validation errors arrive as
 * `{"code":"INVALID_REQUEST","message":"Invalid request","errors":[{code, message, path}]}` (one field error alone
 * comes as itself) and an unfinalised return as `{"code":"BUSINESS_ERROR", …, "errors":[{"code":"NOT_FINALISED", …}]}`.
 */
export interface VatErrorDetail {
  code: PlatformCode;
  message: string;
  /** JSON pointer into the request body, e.g. `/vatDueSales` (HMRC's VAT API says `path`, singular). */
  path?: string;
}

const error = (status: number, code: PlatformCode, message: string, extra: Record<string, unknown> = {}): PlatformError =>
  new PlatformError(status, code, message, {}, extra);

export const vatErrors = {
  vrnInvalid: () => error(400, 'VRN_INVALID', 'The provided VRN is invalid'),
  dateFromInvalid: () => error(400, 'INVALID_DATE_FROM', 'The provided from date is invalid'),
  dateToInvalid: () => error(400, 'INVALID_DATE_TO', 'The provided to date is invalid'),
  dateRangeInvalid: () => error(400, 'INVALID_DATE_RANGE', 'Invalid date range, must be 366 days or less'),
  statusInvalid: () => error(400, 'INVALID_STATUS', 'The provided data is failed validation, invalid status'),
  /** Liabilities and payments word their date errors differently from obligations. */
  financialDateFromInvalid: () => error(400, 'DATE_FROM_INVALID', 'The provided from date is invalid'),
  financialDateToInvalid: () => error(400, 'DATE_TO_INVALID', 'The provided to date is invalid'),
  financialDateRangeInvalid: () => error(400, 'DATE_RANGE_INVALID', 'Invalid date range, must be 365 days or less'),
  /** View return: a malformed period key in the path (vat-api `PeriodKeyFormatError`, wrapped). */
  periodKeyInvalidWrapped: () => invalidRequest([{ code: 'PERIOD_KEY_INVALID', message: 'Invalid period key' }]),
  /** Submit return: the downstream rejected the period key (scenario INVALID_PERIODKEY). */
  periodKeyInvalid: () => error(400, 'PERIOD_KEY_INVALID', 'Invalid period key'),
  invalidRequest: () => error(400, 'INVALID_REQUEST', 'Invalid request'),
  notFinalised: () =>
    error(403, 'BUSINESS_ERROR', 'Business validation error', {
      errors: [{ code: 'NOT_FINALISED', message: 'The return cannot be accepted without a declaration it is finalised.', path: '/finalised' } satisfies VatErrorDetail],
    }),
  duplicateSubmission: () => error(403, 'DUPLICATE_SUBMISSION', 'The VAT return was already submitted for the given period'),
  taxPeriodNotEnded: () => error(403, 'TAX_PERIOD_NOT_ENDED', 'The remote endpoint has indicated that the submission is for a tax period that has not ended'),
  dateRangeTooLarge: () => error(403, 'DATE_RANGE_TOO_LARGE', 'The date of the requested return cannot be further than four years from the current date'),
  insolventTrader: () => error(403, 'RULE_INSOLVENT_TRADER', 'The remote endpoint has indicated that the Trader is insolvent'),
  /** A VRN whose Making Tax Digital sign-up is not approved yet: as HMRC answers a VRN without `HMRC-MTD-VAT` (vat-api `AuthorisedController`). */
  notAuthorised: () => error(403, 'CLIENT_OR_AGENT_NOT_AUTHORISED', 'The client and/or agent is not authorised.'),
  notFound: () => error(404, 'NOT_FOUND', 'The requested resource could not be found'),
  /** Penalties and financial details (vat-api `FinancialInvalidSearchItem`); an unknown scenario: shared/mtd-test-scenario.ts. */
  chargeReferenceInvalid: () => error(400, 'CHARGE_REFERENCE_INVALID', 'The provided chargeReference is invalid'),
  matchingResourceNotFound: () => error(404, 'MATCHING_RESOURCE_NOT_FOUND', 'Matching resource not found'),
};

/** Several problems (or one that HMRC always wraps) → 400 INVALID_REQUEST with `errors`. */
export function invalidRequest(details: VatErrorDetail[]): PlatformError {
  return error(400, 'INVALID_REQUEST', 'Invalid request', { errors: details });
}

/** Body-validation problems, as vat-api's request parser returns them: one alone as itself, several wrapped. */
export function bodyErrors(details: VatErrorDetail[]): PlatformError {
  if (details.length === 1) {
    const [only] = details as [VatErrorDetail];
    return error(400, only.code, only.message, only.path ? { path: only.path } : {});
  }
  return invalidRequest(details);
}
