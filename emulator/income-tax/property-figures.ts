import type { AnnualSubmission, BusinessDetails, CumulativeSummary, TaxpayerState } from './model.js';

/**
 * A property business's figures for the Individual Calculation, from its year-to-date summary and annual submission
 * (Property Business 6.0 bodies, UK or foreign, FHL or not). Simplified, as the rest of the calculation is:
 * - income: every amount under an `income` section (rent, premiums of lease grant, reverse premiums, other income,
 *   rent-a-room rents), except tax already deducted or paid abroad;
 * - expenses: every amount under an `expenses` section, except residential finance costs (HMRC gives relief for them
 *   as a 20% tax reduction, which the emulator does not compute) and the brought-forward ones;
 * - additions: the annual submission's balancing charges and private-use adjustments;
 * - deductions: its allowances (capital allowances, property income allowance, structures and buildings allowances).
 * Profit = income − expenses + additions − deductions; it is taxed as income but bears no Class 4 NICs.
 */
type Json = Record<string, unknown>;
const round2 = (n: number): number => Math.round(n * 100) / 100;
const NOT_INCOME = ['taxDeducted', 'foreignTaxPaidOrDeducted', 'specialWithholdingTaxOrUkTaxPaid'];
const NOT_EXPENSES = ['residentialFinancialCost', 'residentialFinancialCostsCarriedForward', 'broughtFwdResidentialFinancialCost'];
const ADDED = ['balancingCharge', 'privateUseAdjustment', 'businessPremisesRenovationAllowanceBalancingCharges'];
const NOT_ALLOWANCES = ['qualifyingAmountExpenditure'];

export const isPropertyBusiness = (business: BusinessDetails | undefined): boolean => business !== undefined && business.typeOfBusiness !== 'self-employment';

/** The sum of the numbers (whose own field name `counts`) under every section called `section`, anywhere in the body. */
export function sumUnder(value: unknown, section: string, counts: (field: string) => boolean, inside = false, field = ''): number {
  if (typeof value === 'number') return inside && counts(field) ? value : 0;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + sumUnder(v, section, counts, inside, field), 0);
  if (!value || typeof value !== 'object') return 0;
  return Object.entries(value as Json).reduce<number>((sum, [k, v]) => sum + sumUnder(v, section, counts, inside || k === section, k), 0);
}
const except = (fields: string[]) => (field: string) => !fields.includes(field);

export function propertyFigures(summary: CumulativeSummary, annual: AnnualSubmission | undefined) {
  const body = summary.body;
  const a = annual?.body ?? {};
  return {
    businessId: summary.businessId,
    name: undefined,
    income: round2(sumUnder(body, 'income', except(NOT_INCOME))),
    expenses: round2(sumUnder(body, 'expenses', except(NOT_EXPENSES))),
    additions: round2(sumUnder(a, 'adjustments', (f) => ADDED.includes(f))),
    deductions: round2(sumUnder(a, 'allowances', except(NOT_ALLOWANCES))),
    periodTo: typeof body.toDate === 'string' ? body.toDate : undefined,
  };
}

/**
 * The year-to-date summaries of property businesses before 2025-26: each business's period summaries added together,
 * field by field (sections and countries kept apart), dated from the first start to the last end.
 */
export function propertyPeriodTotals(state: TaxpayerState, taxYear: number): CumulativeSummary[] {
  const byBusiness = new Map<string, CumulativeSummary>();
  const periods = (state.property?.periods ?? []).filter((p) => p.taxYear === taxYear).sort((x, y) => x.body.fromDate.localeCompare(y.body.fromDate));
  for (const p of periods) {
    const total = byBusiness.get(p.businessId) ?? { businessId: p.businessId, taxYear, body: { fromDate: p.body.fromDate }, submissions: [] };
    const { fromDate: _from, toDate, ...amounts } = p.body;
    total.body = { ...addAmounts(total.body, amounts), fromDate: total.body.fromDate, toDate };
    total.submissions.push({ periodEndDate: toDate, submittedAt: p.submittedAt });
    byBusiness.set(p.businessId, total);
  }
  return [...byBusiness.values()];
}

function addAmounts(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    if (typeof v === 'number') out[k] = round2((typeof prev === 'number' ? prev : 0) + v);
    else if (Array.isArray(v)) out[k] = [...(Array.isArray(prev) ? prev : []), ...v];
    else if (v && typeof v === 'object') out[k] = addAmounts(prev && typeof prev === 'object' ? (prev as Json) : {}, v as Json);
    else out[k] = v;
  }
  return out;
}

/** The calculation's income source type for a business (`property-unspecified` reads as UK property). */
export function incomeSourceTypeOf(business: BusinessDetails | undefined): 'self-employment' | 'uk-property' | 'foreign-property' {
  const type = business?.typeOfBusiness ?? 'self-employment';
  return type === 'property-unspecified' ? 'uk-property' : type;
}

/** `incomeSummaryTotals`, when the calculation has a property business: profits by kind of income source. */
export function incomeSummaryTotals(types: string[], profits: number[]): Record<string, unknown> {
  if (!types.some((t) => t !== 'self-employment')) return {};
  const total = (type: string): number => profits.filter((_, i) => types[i] === type).reduce((a, b) => a + b, 0);
  return {
    incomeSummaryTotals: {
      totalSelfEmploymentProfit: total('self-employment'),
      totalPropertyProfit: total('uk-property') + total('foreign-property'),
      totalUKOtherPropertyProfit: total('uk-property'),
      totalForeignPropertyProfit: total('foreign-property'),
    },
  };
}
