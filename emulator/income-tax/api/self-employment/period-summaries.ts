import type { EmulatorContext } from '../../../context.js';
import type { PlatformCode } from '../../../errors/platform-codes.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdError, mtdErrors, mtdFailures } from '../../../mtd/mtd-errors.js';
import { addDays, taxYearOf, taxYearStartDate } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';
import { parseCumulativeSummary } from './cumulative-summary-body.js';
import { requireNinoFormat, validatePath } from './path-parameters.js';
import { defaultPeriods, defaultPeriodSummary } from './sandbox-defaults.js';
import { consolidatedExpensesSummary, dynamicPeriodSummary } from './scenario-bodies.js';

/**
 * Self-Employment Period Summaries (Self-Employment Business 5.0), for tax years 2017-18 to 2024-25 (from 2025-26
 * software sends cumulative summaries instead): Create (POST `/{nino}/{businessId}/period`, 200 `{periodId}`), List
 * (GET `…/period/{taxYear}`), Retrieve and Amend (GET, PUT `…/period/{taxYear}/{periodId}`). No `Gov-Test-Scenario`
 * with `data: sandbox`: HMRC's default, success and canned periods (sandbox-defaults.ts). Stateful with
 * `data: realistic` or `STATEFUL`; a period fulfils the quarterly obligations it covers and feeds the year's calculation.
 * Rules (HMRC's `common/errors.yaml`): periodId is `start_end`; both dates in one tax year (RULE_MISALIGNED_PERIOD);
 * the same dates again is RULE_DUPLICATE_SUBMISSION, other overlaps RULE_OVERLAPPING_PERIOD; each period starts on
 * 6 April or the day after the latest one ends (RULE_NOT_CONTIGUOUS_PERIOD); 2025-26 on is RULE_TAX_YEAR_NOT_SUPPORTED.
 */
const CREATE_SCENARIOS = [
  'OVERLAPPING_PERIOD',
  'MISALIGNED_PERIOD',
  'NOT_CONTIGUOUS_PERIOD',
  'NOT_ALLOWED_CONSOLIDATED_EXPENSES',
  'DUPLICATE_SUBMISSION',
  'TAX_YEAR_NOT_SUPPORTED',
  'NOT_FOUND',
  'BOTH_EXPENSES_SUPPLIED',
  'BUSINESS_INCOME_PERIOD_RESTRICTION',
] as const;
const LIST_SCENARIOS = ['NOT_FOUND', 'TAX_YEAR_NOT_SUPPORTED'] as const;
const RETRIEVE_SCENARIOS = ['CONSOLIDATED_EXPENSES', 'NOT_FOUND', 'TAX_YEAR_NOT_SUPPORTED', 'DYNAMIC'] as const;
const AMEND_SCENARIOS = ['NOT_ALLOWED_CONSOLIDATED_EXPENSES', 'NOT_FOUND', 'TAX_YEAR_NOT_SUPPORTED', 'BOTH_EXPENSES_SUPPLIED'] as const;
const rule = (code: PlatformCode, message: string) => () => mtd(400, code, message);
const RULES = {
  OVERLAPPING_PERIOD: rule('RULE_OVERLAPPING_PERIOD', 'Period summary overlaps with any of the existing period summaries'),
  MISALIGNED_PERIOD: rule('RULE_MISALIGNED_PERIOD', 'Period summary is not within the accounting period'),
  NOT_CONTIGUOUS_PERIOD: rule('RULE_NOT_CONTIGUOUS_PERIOD', 'Period summaries are not contiguous'),
  NOT_ALLOWED_CONSOLIDATED_EXPENSES: rule('RULE_NOT_ALLOWED_CONSOLIDATED_EXPENSES', 'Consolidated expenses are not allowed if the accumulative turnover amount exceeds the threshold'),
  DUPLICATE_SUBMISSION: rule('RULE_DUPLICATE_SUBMISSION', 'A summary has already been submitted for the period specified'),
  TAX_YEAR_NOT_SUPPORTED: rule('RULE_TAX_YEAR_NOT_SUPPORTED', 'The tax year specified does not lie within the supported range'),
  BOTH_EXPENSES_SUPPLIED: rule('RULE_BOTH_EXPENSES_SUPPLIED', 'Both expenses and consolidatedExpenses can not be present at the same time'),
  BUSINESS_INCOME_PERIOD_RESTRICTION: rule(
    'RULE_BUSINESS_INCOME_PERIOD_RESTRICTION',
    "For customers with ITSA status 'Annual' or a latent business income source, submission period has to be 6 April to 5 April",
  ),
  NOT_FOUND: () => mtdFailures.matchingResourceNotFound(),
};
const PERIOD_ID = /^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/;
const FIRST = 2017;
const LAST = 2024;

export async function createPeriodSummary(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId } = req.params as { nino: string; businessId: string };
  requireNinoFormat(nino);
  await requireIncomeTaxAccess(ctx, req, nino);
  const v = new MtdValidation();
  v.businessId(businessId, 'The Business ID format is invalid');
  v.throwIfAny();
  const body = parseCumulativeSummary(req);
  const dates = body.periodDates;
  if (!dates) throw mtdErrors([mtdError.incorrectOrEmptyBody(['/periodDates'])]);
  const scenario = testScenario(req, ctx, CREATE_SCENARIOS);
  if (scenario !== 'STATEFUL' && scenario !== 'DEFAULT') throw RULES[scenario]();
  const taxYear = taxYearOf(dates.periodStartDate);
  if (taxYear < FIRST || taxYear > LAST) throw RULES.TAX_YEAR_NOT_SUPPORTED();
  if (taxYearOf(dates.periodEndDate) !== taxYear) throw RULES.MISALIGNED_PERIOD();
  const periodId = `${dates.periodStartDate}_${dates.periodEndDate}`;
  if (scenario === 'DEFAULT') return { status: 200, body: { periodId } };
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    if (!state.businesses.some((b) => b.details.businessId === businessId && b.details.typeOfBusiness === 'self-employment')) throw RULES.NOT_FOUND();
    const existing = (state.periods ?? []).filter((p) => p.businessId === businessId && p.taxYear === taxYear);
    if (existing.some((p) => p.periodId === periodId)) throw RULES.DUPLICATE_SUBMISSION();
    if (existing.some((p) => p.body.periodDates.periodStartDate <= dates.periodEndDate && dates.periodStartDate <= p.body.periodDates.periodEndDate)) throw RULES.OVERLAPPING_PERIOD();
    const lastEnd = existing.map((p) => p.body.periodDates.periodEndDate).sort().pop();
    const expectedStart = lastEnd ? addDays(lastEnd, 1) : taxYearStartDate(taxYear);
    if (dates.periodStartDate !== expectedStart) throw RULES.NOT_CONTIGUOUS_PERIOD();
    state.periods = [...(state.periods ?? []), { businessId, taxYear, periodId, body: { ...body, periodDates: dates }, submittedAt: now }];
  });
  return { status: 200, body: { periodId } };
}

async function prelude(req: ApiRequest, ctx: EmulatorContext): Promise<{ nino: string; businessId: string; taxYear: number; periodId?: string }> {
  requireNinoFormat(req.params.nino!);
  await requireIncomeTaxAccess(ctx, req, req.params.nino!);
  const { nino, businessId, taxYear } = validatePath(req, FIRST);
  const periodId = req.params.periodId;
  if (periodId !== undefined && !PERIOD_ID.test(periodId)) throw mtd(400, 'FORMAT_PERIOD_ID', 'The provided Period ID is invalid');
  if (taxYear > LAST) throw RULES.TAX_YEAR_NOT_SUPPORTED();
  return { nino, businessId, taxYear, ...(periodId ? { periodId } : {}) };
}

export async function listPeriodSummaries(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear } = await prelude(req, ctx);
  const scenario = testScenario(req, ctx, LIST_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 200, body: { periods: defaultPeriods(taxYear) } };
  if (scenario !== 'STATEFUL') throw RULES[scenario]();
  const periods = ((await ctx.incomeTax.read(vendorOf(req), nino)).periods ?? [])
    .filter((p) => p.businessId === businessId && p.taxYear === taxYear)
    .map((p) => ({ periodId: p.periodId, periodStartDate: p.body.periodDates.periodStartDate, periodEndDate: p.body.periodDates.periodEndDate }));
  if (!periods.length) throw RULES.NOT_FOUND();
  return { status: 200, body: { periods } };
}

export async function retrievePeriodSummary(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear, periodId } = await prelude(req, ctx);
  const scenario = testScenario(req, ctx, RETRIEVE_SCENARIOS);
  if (scenario === 'NOT_FOUND' || scenario === 'TAX_YEAR_NOT_SUPPORTED') throw RULES[scenario]();
  if (scenario === 'CONSOLIDATED_EXPENSES') return { status: 200, body: consolidatedExpensesSummary(taxYear) };
  if (scenario === 'DYNAMIC') return { status: 200, body: dynamicPeriodSummary(taxYear, periodId!) };
  if (scenario === 'DEFAULT') return { status: 200, body: defaultPeriodSummary(periodId!) };
  const found = (await ctx.incomeTax.read(vendorOf(req), nino)).periods?.find((p) => p.businessId === businessId && p.taxYear === taxYear && p.periodId === periodId);
  if (!found) throw RULES.NOT_FOUND();
  return { status: 200, body: found.body };
}

/** Amend takes income and expenses only; the period's dates stay as created. */
export async function amendPeriodSummary(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, businessId, taxYear, periodId } = await prelude(req, ctx);
  const { periodDates: _ignored, ...amounts } = parseCumulativeSummary(req);
  const scenario = testScenario(req, ctx, AMEND_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 204 };
  if (scenario !== 'STATEFUL') throw RULES[scenario]();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const found = state.periods?.find((p) => p.businessId === businessId && p.taxYear === taxYear && p.periodId === periodId);
    if (!found) throw RULES.NOT_FOUND();
    found.body = { periodDates: found.body.periodDates, ...amounts };
  });
  return { status: 204 };
}
