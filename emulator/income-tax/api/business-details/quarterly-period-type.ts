import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { isoDate, taxYearLabel, taxYearOf } from '../../tax-year.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { mtd, mtdError, mtdErrors } from '../../../mtd/mtd-errors.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { validateBusinessYear } from './validate-business-year.js';

/**
 * Create and Amend Quarterly Period Type for a Business (Business Details 2.0, `write:self-assessment`, 204):
 * `{"quarterlyPeriodType": "standard" | "calendar"}` for `/{nino}/{businessId}/{taxYear}`. HMRC: "Only the current
 * tax year is allowed and business IDs must relate to a self-employment or property income source" (else 422
 * RULE_REQUEST_CANNOT_BE_FULFILLED); "the quarterly period type cannot be changed after a submission is made for
 * that year" (400 RULE_BUSINESS_ID_STATE_CONFLICT); an unknown business is 404 RULE_BUSINESS_ID_NOT_FOUND.
 * Stateful: Retrieve Business Details shows the choice as `quarterlyTypeChoice`, and obligations and cumulative
 * summaries follow it. HMRC's default (no header, `data: sandbox`): success, nothing stored.
 */
const SCENARIOS = ['BUSINESS_ID_NOT_FOUND', 'BUSINESS_ID_STATE_CONFLICT', 'QUARTERLY_PERIOD_UPDATING'] as const;
const errors = {
  BUSINESS_ID_NOT_FOUND: () => mtd(404, 'RULE_BUSINESS_ID_NOT_FOUND', 'The business ID provided is not found'),
  BUSINESS_ID_STATE_CONFLICT: () => mtd(400, 'RULE_BUSINESS_ID_STATE_CONFLICT', 'The request conflicts with the current state of the business ID'),
  QUARTERLY_PERIOD_UPDATING: () =>
    mtd(
      400,
      'RULE_QUARTERLY_PERIOD_UPDATING',
      'The quarterly period type cannot be changed when a business commencement date falls between 1st and 5th of April, and the current date is also within that date range but later than the business commencement date',
    ),
  cannotBeFulfilled: () => mtd(422, 'RULE_REQUEST_CANNOT_BE_FULFILLED', 'Request cannot proceed for this income source type'),
};

export async function createAmendQuarterlyPeriodType(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await validateBusinessYear(req, ctx);
  const body = jsonObjectBody(req);
  const type = body.quarterlyPeriodType;
  if (type !== 'standard' && type !== 'calendar') throw mtdErrors([mtdError.incorrectOrEmptyBody(['/quarterlyPeriodType'])]);
  const scenario = testScenario(req, ctx, SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw errors[scenario]();

  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const business = state.businesses.find((b) => b.details.businessId === businessId);
    if (!business) throw errors.BUSINESS_ID_NOT_FOUND();
    if (business.details.typeOfBusiness === 'property-unspecified' || taxYear !== taxYearOf(isoDate(now))) throw errors.cannotBeFulfilled();
    if (state.cumulative.some((s) => s.businessId === businessId && s.taxYear === taxYear)) throw errors.BUSINESS_ID_STATE_CONFLICT();
    business.details.quarterlyTypeChoice = { quarterlyPeriodType: type, taxYearOfChoice: taxYearLabel(taxYear!) };
  });
  return { status: 204 };
}
