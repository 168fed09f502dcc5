import type { Calculation, CumulativeSummary, TaxpayerState } from './model.js';
import { propertyPeriodTotals } from './property-figures.js';

/**
 * What a calculation for a tax year is run over, one year-to-date summary per business: the cumulative summary
 * (2025-26 on), or, before 2025-26, the year's period summaries added together (amounts summed field by field,
 * dates from the first start to the last end), and the property businesses' period summaries likewise
 * (property-figures.ts).
 */
export function summariesForYear(state: TaxpayerState, taxYear: number): CumulativeSummary[] {
  if (taxYear >= 2025) return state.cumulative.filter((s) => s.taxYear === taxYear);
  const byBusiness = new Map<string, CumulativeSummary>();
  const periods = (state.periods ?? []).filter((p) => p.taxYear === taxYear).sort((a, b) => a.periodId.localeCompare(b.periodId));
  for (const p of periods) {
    const total = byBusiness.get(p.businessId) ?? { businessId: p.businessId, taxYear, body: {}, submissions: [] };
    const body = total.body as Record<string, Record<string, unknown>>;
    body.periodDates = { periodStartDate: (body.periodDates?.periodStartDate as string | undefined) ?? p.body.periodDates.periodStartDate, periodEndDate: p.body.periodDates.periodEndDate };
    for (const section of ['periodIncome', 'periodExpenses', 'periodDisallowableExpenses']) {
      const amounts = (p.body[section] ?? {}) as Record<string, number>;
      const sum = (body[section] ??= {}) as Record<string, number>;
      for (const [field, value] of Object.entries(amounts)) sum[field] = Math.round(((sum[field] ?? 0) + value) * 100) / 100;
    }
    total.submissions.push({ periodEndDate: p.body.periodDates.periodEndDate, submittedAt: p.submittedAt });
    byBusiness.set(p.businessId, total);
  }
  return [...byBusiness.values(), ...propertyPeriodTotals(state, taxYear)];
}

/** What else a calculation for a tax year takes in, frozen at trigger time: losses and claims, BSAS adjustments. */
export function yearAdjustments(state: TaxpayerState, taxYear: number): Required<Pick<Calculation, 'lossesAndClaims' | 'bsasAdjustments'>> {
  return {
    lossesAndClaims: (state.lossesAndClaims ?? []).filter((l) => l.taxYear === taxYear),
    bsasAdjustments: (state.bsasAdjustments ?? []).filter((a) => a.taxYear === taxYear),
  };
}
