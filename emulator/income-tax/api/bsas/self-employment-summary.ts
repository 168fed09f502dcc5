import type { EmulatorContext } from '../../../context.js';
import type { ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { adjustFigures } from '../../bsas-adjustments.js';
import { businessFigures, type BusinessFigures } from '../../calculation-document.js';
import type { BsasAdjustment, BsasSummary, CumulativeSummary } from '../../model.js';
import { jsonObjectBody } from '../../../mtd/mtd-body.js';
import { vendorOf } from '../../../mtd/mtd-access.js';
import { mtdError } from '../../../mtd/mtd-errors.js';
import { taxYearEndDate, taxYearStartDate } from '../../tax-year.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';
import { bsasPath, summaryMetadata, summaryStatus } from './bsas-access.js';
import { bsasErrors } from './bsas-errors.js';

/**
 * Retrieve (GET) and adjust (POST, 200) a self-employment BSAS,
 * `…/adjustable-summary/{nino}/self-employment/{calculationId}[/adjust]/{taxYear}`.
 *
 * Retrieve: the summary's inputs, its figures as triggered (`adjustableSummaryCalculation`) and, once adjusted, the
 * adjustments and the figures after them. HMRC's default for retrieve is "no data found" (404); its canned scenarios
 * answer a summary over a £30,000 turnover (a £1,000 turnover for the loss scenarios) in the requested tax year, with
 * the calculation ID and NINO asked for, DYNAMIC_ or not.
 *
 * Adjust: `income` (turnover, other), `expenses` (itemised or `consolidatedExpenses`, not both:
 * RULE_BOTH_EXPENSES_SUPPLIED), `additions` (disallowable expenses), each -99999999999.99 to 99999999999.99 and not 0
 * (FORMAT_VALUE), or `{"zeroAdjustments": true}` alone (RULE_BOTH_ADJUSTMENTS_SUPPLIED, RULE_ZERO_ADJUSTMENTS_INVALID).
 * Stateful: once per summary (RULE_ALREADY_ADJUSTED), not on a superseded one, not to a negative income or
 * expense total (RULE_RESULTING_VALUE_NOT_PERMITTED), not after the final declaration; the adjustment reaches the
 * next calculation for the year (income-tax/bsas-adjustments.ts).
 */
const RETRIEVE_SCENARIOS = [
  'SELF_EMPLOYMENT_PROFIT',
  'DYNAMIC_SELF_EMPLOYMENT_PROFIT',
  'SELF_EMPLOYMENT_LOSS',
  'DYNAMIC_SELF_EMPLOYMENT_LOSS',
  'SELF_EMPLOYMENT_CONSOLIDATED',
  'DYNAMIC_SELF_EMPLOYMENT_CONSOLIDATED',
  'TRADING_ALLOWANCE',
  'DYNAMIC_TRADING_ALLOWANCE',
  'SELF_EMPLOYMENT_UNADJUSTED',
  'DYNAMIC_SELF_EMPLOYMENT_UNADJUSTED',
  'SELF_EMPLOYMENT_STATUS_INVALID',
  'DYNAMIC_SELF_EMPLOYMENT_STATUS_INVALID',
  'SELF_EMPLOYMENT_STATUS_SUPERSEDED',
  'DYNAMIC_SELF_EMPLOYMENT_STATUS_SUPERSEDED',
  'NOT_SELF_EMPLOYMENT',
  'TAX_YEAR_NOT_SUPPORTED',
  'REQUEST_CANNOT_BE_FULFILLED',
  'SELF_EMPLOYMENT_ZERO_ADJUSTMENTS',
] as const;
const ADJUST_SCENARIOS = [
  'TYPE_OF_BUSINESS_INCORRECT',
  'SUMMARY_STATUS_INVALID',
  'SUMMARY_STATUS_SUPERSEDED',
  'ALREADY_ADJUSTED',
  'RESULTING_VALUE_NOT_PERMITTED',
  'SELF_EMPLOYMENT_OVER_CONSOLIDATED_EXPENSES_THRESHOLD',
  'TRADING_INCOME_ALLOWANCE_CLAIMED',
  'OUTSIDE_AMENDMENT_WINDOW',
  'NOT_FOUND',
  'TAX_YEAR_NOT_SUPPORTED',
  'REQUEST_CANNOT_BE_FULFILLED',
] as const;
const INCOME = ['turnover', 'other'];
const ITEMISED = [
  'costOfGoods',
  'paymentsToSubcontractors',
  'wagesAndStaffCosts',
  'carVanTravelExpenses',
  'premisesRunningCosts',
  'maintenanceCosts',
  'adminCosts',
  'interestOnBankOtherLoans',
  'financeCharges',
  'irrecoverableDebts',
  'professionalFees',
  'depreciation',
  'otherExpenses',
  'advertisingCosts',
  'businessEntertainmentCosts',
];
const SECTIONS: Record<string, string[]> = { income: INCOME, expenses: [...ITEMISED, 'consolidatedExpenses'], additions: ITEMISED.map((f) => `${f}Disallowable`) };
const MAX = 99_999_999_999.99;
const round2 = (n: number): number => Math.round(n * 100) / 100;

export async function retrieveSelfEmployment(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, calculationId, taxYear } = await bsasPath(req, ctx);
  const scenario = testScenario(req, ctx, RETRIEVE_SCENARIOS);
  if (scenario === 'DEFAULT') throw bsasErrors.NOT_FOUND();
  if (scenario === 'NOT_SELF_EMPLOYMENT') throw bsasErrors.TYPE_OF_BUSINESS_INCORRECT();
  if (scenario === 'TAX_YEAR_NOT_SUPPORTED' || scenario === 'REQUEST_CANNOT_BE_FULFILLED') throw bsasErrors[scenario]();
  if (scenario !== 'STATEFUL') return { status: 200, body: cannedDocument(scenario.replace(/^DYNAMIC_/, ''), nino, calculationId, taxYear, ctx.clock.now()) };
  const state = await ctx.incomeTax.read(vendorOf(req), nino);
  const summary = state.bsas?.find((b) => b.calculationId === calculationId && b.taxYear === taxYear);
  if (!summary) throw bsasErrors.NOT_FOUND();
  if (summary.typeOfBusiness !== 'self-employment') throw bsasErrors.TYPE_OF_BUSINESS_INCORRECT();
  const adjustment = state.bsasAdjustments?.find((a) => a.calculationId === calculationId);
  return { status: 200, body: document(summary, nino, summaryStatus(state, summary), adjustment) };
}

function figuresBody(f: BusinessFigures): Record<string, unknown> {
  const net = round2(f.income - f.expenses);
  const taxable = Math.floor(net + f.additions - f.deductions);
  return {
    totalIncome: f.income,
    totalExpenses: f.expenses,
    ...(net >= 0 ? { netProfit: net } : { netLoss: -net }),
    totalAdditions: f.additions,
    totalDeductions: f.deductions,
    ...(taxable >= 0 ? { taxableProfit: taxable } : { adjustedIncomeTaxLoss: -taxable }),
  };
}

function document(summary: BsasSummary, nino: string, status: string, adjustment?: BsasAdjustment): Record<string, unknown> {
  const empty: CumulativeSummary = { businessId: summary.businessId, taxYear: summary.taxYear, body: {}, submissions: [] };
  const source = summary.summary ?? empty;
  const figures = businessFigures(source, undefined, summary.annual);
  const periodDates = (source.body.periodDates ?? {}) as { periodStartDate?: string; periodEndDate?: string };
  const received = source.submissions.at(-1)?.submittedAt ?? summary.requestedAt;
  return {
    metadata: summaryMetadata(summary, nino, status, adjustment),
    inputs: {
      businessId: summary.businessId,
      typeOfBusiness: 'self-employment',
      accountingPeriodStartDate: summary.accountingPeriod.startDate,
      accountingPeriodEndDate: summary.accountingPeriod.endDate,
      source: 'MTD-SA',
      submissionPeriod: {
        submissionId: summary.calculationId,
        startDate: periodDates.periodStartDate ?? taxYearStartDate(summary.taxYear),
        endDate: periodDates.periodEndDate ?? taxYearEndDate(summary.taxYear),
        receivedDateTime: new Date(received).toISOString(),
      },
    },
    adjustableSummaryCalculation: figuresBody(figures),
    ...(adjustment ? { adjustments: adjustment.body, adjustedSummaryCalculation: figuresBody(adjustFigures(figures, [adjustment])) } : {}),
  };
}

function cannedDocument(scenario: string, nino: string, calculationId: string, taxYear: number, now: number): Record<string, unknown> {
  const turnover = scenario === 'SELF_EMPLOYMENT_LOSS' ? 1000 : 30_000;
  const body = { periodDates: { periodStartDate: taxYearStartDate(taxYear), periodEndDate: taxYearEndDate(taxYear) }, periodIncome: { turnover }, periodExpenses: { consolidatedExpenses: 5000 } };
  const summary: BsasSummary = {
    calculationId,
    businessId: 'XBIS12345678901',
    typeOfBusiness: 'self-employment',
    taxYear,
    accountingPeriod: { startDate: taxYearStartDate(taxYear), endDate: taxYearEndDate(taxYear) },
    requestedAt: now,
    summary: { businessId: 'XBIS12345678901', taxYear, body, submissions: [{ periodEndDate: taxYearEndDate(taxYear), submittedAt: now }] },
  };
  const adjustments: Record<string, Record<string, unknown>> = {
    SELF_EMPLOYMENT_CONSOLIDATED: { income: { turnover: 100 }, expenses: { consolidatedExpenses: 50 } },
    TRADING_ALLOWANCE: { income: { turnover: 100, other: 50 } },
    SELF_EMPLOYMENT_ZERO_ADJUSTMENTS: { zeroAdjustments: true },
    SELF_EMPLOYMENT_PROFIT: { income: { turnover: 100 }, expenses: { adminCosts: 50 }, additions: { adminCostsDisallowable: 10 } },
    SELF_EMPLOYMENT_LOSS: { expenses: { adminCosts: 50 } },
  };
  const adjustment = adjustments[scenario] && { calculationId, businessId: summary.businessId, taxYear, body: adjustments[scenario], submittedAt: now };
  const status = scenario === 'SELF_EMPLOYMENT_STATUS_INVALID' ? 'invalid' : scenario === 'SELF_EMPLOYMENT_STATUS_SUPERSEDED' ? 'superseded' : 'valid';
  return document(summary, nino, status, adjustment);
}

function parseAdjustments(req: ApiRequest): Record<string, unknown> {
  const body = jsonObjectBody(req);
  const v = new MtdValidation();
  const out: Record<string, unknown> = {};
  if (body.zeroAdjustments !== undefined) {
    if (body.zeroAdjustments !== true) v.add({ code: 'RULE_ZERO_ADJUSTMENTS_INVALID', message: 'Zero adjustments can only be set to true', paths: ['/zeroAdjustments'] });
    if (Object.keys(SECTIONS).some((s) => body[s] !== undefined)) v.add({ code: 'RULE_BOTH_ADJUSTMENTS_SUPPLIED', message: 'Both adjustments and zero adjustments must not be present at the same time' });
    v.throwIfAny();
    return { zeroAdjustments: true };
  }
  for (const [name, fields] of Object.entries(SECTIONS)) {
    const section = body[name];
    if (section === undefined) continue;
    if (!section || typeof section !== 'object' || Array.isArray(section)) {
      v.add(mtdError.incorrectOrEmptyBody([`/${name}`]));
      continue;
    }
    const kept: Record<string, number> = {};
    for (const f of fields) {
      const value = (section as Record<string, unknown>)[f];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) v.add(mtdError.incorrectOrEmptyBody([`/${name}/${f}`]));
      else if (value === 0 || Math.abs(value) > MAX || Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
        v.add({ code: 'FORMAT_VALUE', message: 'The value must be between -99999999999.99 and 99999999999.99 (but cannot be 0 or 0.00)', paths: [`/${name}/${f}`] });
      } else kept[f] = value;
    }
    if (Object.keys(kept).length) out[name] = kept;
  }
  if (v.ok && !Object.keys(out).length) v.add(mtdError.incorrectOrEmptyBody());
  v.throwIfAny();
  const expenses = (out.expenses ?? {}) as Record<string, number>;
  if (expenses.consolidatedExpenses !== undefined && Object.keys(expenses).length > 1) {
    v.add({ code: 'RULE_BOTH_EXPENSES_SUPPLIED', message: 'Both expenses and consolidated expenses cannot be present at the same time', paths: ['/expenses'] });
  }
  v.throwIfAny();
  return out;
}

export async function adjustSelfEmployment(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, calculationId, taxYear } = await bsasPath(req, ctx);
  const body = parseAdjustments(req);
  const scenario = testScenario(req, ctx, ADJUST_SCENARIOS);
  if (scenario === 'DEFAULT') return { status: 200 };
  if (scenario === 'SELF_EMPLOYMENT_OVER_CONSOLIDATED_EXPENSES_THRESHOLD') throw bsasErrors.OVER_CONSOLIDATED_EXPENSES_THRESHOLD();
  if (scenario !== 'STATEFUL') throw bsasErrors[scenario]();
  const now = ctx.clock.now();
  await ctx.incomeTax.update(vendorOf(req), nino, (state) => {
    const summary = state.bsas?.find((b) => b.calculationId === calculationId && b.taxYear === taxYear);
    if (!summary) throw bsasErrors.NOT_FOUND();
    if (summary.typeOfBusiness !== 'self-employment') throw bsasErrors.TYPE_OF_BUSINESS_INCORRECT();
    if (summaryStatus(state, summary) === 'superseded') throw bsasErrors.SUMMARY_STATUS_SUPERSEDED();
    if (state.bsasAdjustments?.some((a) => a.calculationId === calculationId)) throw bsasErrors.ALREADY_ADJUSTED();
    if (state.finalDeclarations.some((d) => d.taxYear === taxYear)) throw bsasErrors.OUTSIDE_AMENDMENT_WINDOW();
    const adjustment: BsasAdjustment = { calculationId, businessId: summary.businessId, taxYear, body, submittedAt: now };
    const before = businessFigures(summary.summary ?? { businessId: summary.businessId, taxYear, body: {}, submissions: [] }, undefined, summary.annual);
    const after = adjustFigures(before, [adjustment]);
    if (after.income < 0 || after.expenses < 0 || after.additions < 0) throw bsasErrors.RESULTING_VALUE_NOT_PERMITTED();
    state.bsasAdjustments = [...(state.bsasAdjustments ?? []), adjustment];
  });
  return { status: 200 };
}
