import type { BusinessFigures } from './calculation-document.js';
import type { BsasAdjustment } from './model.js';
import { sumUnder } from './property-figures.js';

/**
 * A BSAS accounting adjustment as it reaches the figures: the amounts under every `income` section (a self-employment's,
 * a UK property's, each foreign country's or property's) are added to the business's income, those under `expenses`
 * to its expenses (except residential finance costs, which property-figures.ts leaves out of expenses too) and those
 * under `additions` (a self-employment's disallowable expenses) to its additions. Each summary is adjusted once; for
 * each of a business's summary types (a property business's FHL and non-FHL parts apart) the latest adjustment counts.
 */
const round2 = (n: number): number => Math.round(n * 100) / 100;
const NOT_EXPENSES = ['residentialFinancialCost', 'broughtFwdResidentialFinancialCost'];

/** The totals an adjustment body adds: income, expenses and additions. */
export function adjustmentTotals(body: Record<string, unknown>): { income: number; expenses: number; additions: number } {
  return {
    income: round2(sumUnder(body, 'income', () => true)),
    expenses: round2(sumUnder(body, 'expenses', (f) => !NOT_EXPENSES.includes(f))),
    additions: round2(sumUnder(body, 'additions', () => true)),
  };
}

export function adjustFigures(figures: BusinessFigures, adjustments: BsasAdjustment[] | undefined): BusinessFigures {
  const latest = new Map<string, BsasAdjustment>();
  for (const a of adjustments ?? []) if (a.businessId === figures.businessId) latest.set(a.typeOfBusiness ?? 'self-employment', a);
  let out = figures;
  for (const a of latest.values()) {
    const t = adjustmentTotals(a.body);
    out = { ...out, income: round2(out.income + t.income), expenses: round2(out.expenses + t.expenses), additions: round2(out.additions + t.additions) };
  }
  return out;
}
