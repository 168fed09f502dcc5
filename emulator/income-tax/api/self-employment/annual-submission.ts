import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { isSelfEmployment } from '../../model.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { parseAnnualSubmission } from './annual-submission-body.js';
import { requireNinoFormat, validatePath } from './path-parameters.js';
import { DEFAULT_ANNUAL_SUBMISSION } from './sandbox-defaults.js';
import { tradingAllowanceAnnual } from './scenario-bodies.js';

/**
 * Create and Amend (PUT, 204), Retrieve (GET, 200) and Delete (DELETE, 204) a Self-Employment Annual Submission
 * (Self-Employment Business 5.0), `/{nino}/{businessId}/annual/{taxYear}`, tax years from 2017-18. No
 * `Gov-Test-Scenario` with `data: sandbox`: HMRC's default, success and a canned submission (sandbox-defaults.ts).
 * Stateful with `data: realistic` or `STATEFUL`: what is PUT is read back, and the next calculation for the year takes its
 * adjustments and allowances into account. Not once the year's final declaration is in
 * (RULE_OUTSIDE_AMENDMENT_WINDOW). The business must be one of the taxpayer's self-employment businesses.
 */
const PUT_SCENARIOS = ['ALLOWANCE_NOT_SUPPORTED', 'NOT_FOUND', 'WRONG_TPA_AMOUNT_SUBMITTED', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const GET_SCENARIOS = ['TRADING_ALLOWANCE', 'NOT_FOUND'] as const;
/** `DELETE` is HMRC's value that simulates success (without touching state). */
const DELETE_SCENARIOS = ['DELETE', 'NOT_FOUND', 'OUTSIDE_AMENDMENT_WINDOW'] as const;
const ERRORS = {
  ALLOWANCE_NOT_SUPPORTED: () =>
    mtd(
      400,
      'RULE_ALLOWANCE_NOT_SUPPORTED',
      'One or more of supplied allowances (electricChargePointAllowance, zeroEmissionsCarAllowance, structuredBuildingAllowance, enhancedStructuredBuildingAllowance) is not supported for the supplied tax year',
    ),
  WRONG_TPA_AMOUNT_SUBMITTED: () => mtd(400, 'RULE_WRONG_TPA_AMOUNT_SUBMITTED', 'Transition profit acceleration value cannot be submitted without a transition profit value'),
  OUTSIDE_AMENDMENT_WINDOW: () => mtd(400, 'RULE_OUTSIDE_AMENDMENT_WINDOW', 'You are outside the amendment window'),
  NOT_FOUND: () => mtdFailures.matchingResourceNotFound(),
};
const MINIMUM = 2017;

async function prelude(req: ApiRequest, ctx: EmulatorContext): Promise<{ nino: string; businessId: string; taxYear: number }> {
  requireNinoFormat(req.params.nino!);
  await requireIncomeTaxAccess(ctx, req, req.params.nino!);
  return validatePath(req, MINIMUM);
}

export async function createAmendAnnual(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await prelude(req, ctx);
  const body = parseAnnualSubmission(req, taxYear);
  const scenario = testScenario(req, ctx, PUT_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw ERRORS[scenario]();
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    if (!state.businesses.some((b) => b.details.businessId === businessId && b.details.typeOfBusiness === 'self-employment')) throw ERRORS.NOT_FOUND();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw ERRORS.OUTSIDE_AMENDMENT_WINDOW();
    state.annual = [...(state.annual ?? []).filter((a) => !(a.businessId === businessId && a.taxYear === taxYear)), { businessId, taxYear, body, submittedAt: now }];
  });
  return { status: 204 };
}

export async function retrieveAnnual(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await prelude(req, ctx);
  const scenario = testScenario(req, ctx, GET_SCENARIOS);
  if (scenario === 'NOT_FOUND') throw ERRORS.NOT_FOUND();
  if (scenario === 'TRADING_ALLOWANCE') return { status: 200, body: tradingAllowanceAnnual(taxYear) };
  if (scenario === 'DEFAULT') return { status: 200, body: DEFAULT_ANNUAL_SUBMISSION };
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  // Property businesses keep their annual submissions beside these (Property Business API); they are not read here.
  const found = isSelfEmployment(state, businessId) ? state.annual?.find((a) => a.businessId === businessId && a.taxYear === taxYear) : undefined;
  if (!found) throw ERRORS.NOT_FOUND();
  return { status: 200, body: found.body };
}

export async function deleteAnnual(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await prelude(req, ctx);
  const scenario = testScenario(req, ctx, DELETE_SCENARIOS);
  if (scenario === 'DELETE' || scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw ERRORS[scenario]();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const before = state.annual?.length ?? 0;
    state.annual = (state.annual ?? []).filter((a) => !(a.businessId === businessId && a.taxYear === taxYear));
    if (state.annual.length === before) throw ERRORS.NOT_FOUND();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw ERRORS.OUTSIDE_AMENDMENT_WINDOW();
  });
  return { status: 204 };
}
