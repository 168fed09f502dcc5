import type { EmulatorContext } from '../../../context.js';
import type { Api, ApiRequest, ApiResponse } from '../../../gateway/api.js';
import { businessFigures } from '../../calculation-document.js';
import { summariesForYear } from '../../year-summaries.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { requireIncomeTaxAccess, vendorOf } from '../../../mtd/mtd-access.js';
import { mtd, mtdFailures } from '../../../mtd/mtd-errors.js';
import { testScenario } from '../../../mtd/mtd-test-scenario.js';
import { MtdValidation } from '../../../mtd/mtd-validation.js';

/**
 * Business Income Source Summary (MTD) 3.0: Retrieve a BISS,
 * `GET /individuals/self-assessment/income-summary/{nino}/{typeOfBusiness}/{taxYear}/{businessId}`
 * (`read:self-assessment`), tax years from 2021-22 (HMRC's sandbox minimum). `typeOfBusiness` is one of HMRC's five,
 * the two furnished-holiday-lettings types only before 2025-26 (FORMAT_TYPE_OF_BUSINESS).
 *
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's example for the tax year's shape. Stateful with `data:
 * realistic` or `STATEFUL`: the year-to-date summary of the business's submitted self-employment figures (the
 * cumulative summary from 2025-26, the period summaries added up before) and its annual submission, with the
 * arithmetic of the Individual Calculation (income-tax/calculation-document.ts). An unknown business, or one of
 * another type, is 404 MATCHING_RESOURCE_NOT_FOUND; nothing submitted is 400 RULE_NO_INCOME_SUBMISSIONS_EXIST.
 */
export const bissApi: Api = {
  name: 'Business Income Source Summary (MTD)',
  context: 'individuals/self-assessment/income-summary',
  versions: ['3.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('self-assessment-biss-api', [
    { method: 'GET', path: '/individuals/self-assessment/income-summary/:nino/:typeOfBusiness/:taxYear/:businessId', auth: 'user', scopes: ['read:self-assessment'], handler: retrieve },
  ]),
};

const SCENARIOS = ['NOT_FOUND', 'NO_INCOME_SUBMISSIONS_EXIST'] as const;
const TYPES = ['self-employment', 'uk-property', 'foreign-property', 'uk-property-fhl', 'foreign-property-fhl-eea'];
const FHL = ['uk-property-fhl', 'foreign-property-fhl-eea'];
const MINIMUM = 2021;
const noIncomeSubmissions = () => mtd(400, 'RULE_NO_INCOME_SUBMISSIONS_EXIST', 'No income submissions exist');
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** HMRC's examples (responseTY2425AndBefore.json, responseTY2526Onwards.json), shortened to one shape per era. */
function example(taxYear: number): Record<string, unknown> {
  const total = { income: 100.35, expenses: 50, additions: 575.7, deductions: 60, accountingAdjustments: -30 };
  if (taxYear < 2025) return { total, profit: { net: 20.2, taxable: 35.55 }, loss: { net: 0, taxable: 35.1 } };
  return { total, profit: { net: 20.2, taxable: 35.55, adjusted: 30 }, loss: { net: 0, taxable: 35.1 }, outstandingBusinessIncome: 35 };
}

async function retrieve(req: ApiRequest, ctx: EmulatorContext): Promise<ApiResponse> {
  const { nino, typeOfBusiness, businessId } = req.params as Record<string, string>;
  const v = new MtdValidation();
  v.nino(nino!);
  const taxYear = v.taxYear(req.params.taxYear!, { minimum: MINIMUM, rangeMessage: 'Tax year range invalid. A tax year range of one year is required' });
  if (!TYPES.includes(typeOfBusiness!) || (taxYear !== undefined && taxYear >= 2025 && FHL.includes(typeOfBusiness!))) {
    v.add({ code: 'FORMAT_TYPE_OF_BUSINESS', message: 'The provided typeOfBusiness is invalid' });
  }
  v.businessId(businessId!, 'The provided businessId is invalid');
  v.throwIfAny();
  await requireIncomeTaxAccess(ctx, req, nino!);
  const scenario = testScenario(req, ctx, SCENARIOS);
  if (scenario === 'NOT_FOUND') throw mtdFailures.matchingResourceNotFound();
  if (scenario === 'NO_INCOME_SUBMISSIONS_EXIST') throw noIncomeSubmissions();
  if (scenario === 'DEFAULT') return { status: 200, body: example(taxYear!) };

  const state = await ctx.incomeTax.read(vendorOf(req), nino!);
  const business = state.businesses.find((b) => b.details.businessId === businessId && b.details.typeOfBusiness === typeOfBusiness);
  if (!business) throw mtdFailures.matchingResourceNotFound();
  const summary = summariesForYear(state, taxYear!).find((s) => s.businessId === businessId);
  if (!summary) throw noIncomeSubmissions();
  const annual = state.annual?.find((a) => a.businessId === businessId && a.taxYear === taxYear);
  const f = businessFigures(summary, undefined, annual);
  const adjustments = (annual?.body.adjustments ?? {}) as Record<string, number | undefined>;
  const net = round2(f.income - f.expenses);
  const taxable = round2(net + f.additions - f.deductions);
  const from2025 = taxYear! >= 2025;
  return {
    status: 200,
    body: {
      total: { income: f.income, expenses: f.expenses, additions: f.additions, deductions: f.deductions, ...(adjustments.accountingAdjustment !== undefined ? { accountingAdjustments: adjustments.accountingAdjustment } : {}) },
      profit: { net: Math.max(0, net), taxable: Math.max(0, taxable), ...(from2025 ? { adjusted: Math.max(0, round2(net + f.additions)) } : {}) },
      loss: { net: Math.max(0, -net), taxable: Math.max(0, -taxable) },
      ...(from2025 && adjustments.outstandingBusinessIncome !== undefined ? { outstandingBusinessIncome: adjustments.outstandingBusinessIncome } : {}),
    },
  };
}
