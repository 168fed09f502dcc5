import { addDays, isoDate, taxYearEndDate, taxYearLabel, taxYearStartDate } from './tax-year.js';
import type { BusinessDetails, TaxpayerState } from './model.js';
import { propertyPeriodCovering } from './property.js';

/**
 * Obligations derived from what the taxpayer has submitted (Obligations API 3.0).
 *
 * - Quarterly (income and expenditure): from 2025-26, cumulative: every period starts on 6 April and ends
 *   5 July, 5 October, 5 January or 5 April; due on the 5th (2025-26) or 7th (2026-27 on) of the month
 *   after (HMRC's examples). Before 2025-26, the four standard quarters, due one month after their end.
 *   A cumulative obligation is fulfilled by the first cumulative summary covering its end date, an earlier quarter by a
 *   period summary spanning it (a property business's period summary, Property Business 6.0, likewise).
 * - Final declaration (crystallisation): one per tax year, 6 April to 5 April, due 31 January after;
 *   fulfilled by a final declaration.
 */
export interface ObligationDetail {
  periodStartDate: string;
  periodEndDate: string;
  dueDate: string;
  status: 'open' | 'fulfilled';
  receivedDate?: string;
}

const QUARTER_ENDS = { standard: ['07-05', '10-05', '01-05', '04-05'], calendar: ['06-30', '09-30', '12-31', '03-31'] };
export type QuarterlyPeriodType = keyof typeof QUARTER_ENDS;

export function quarterEnds(taxYear: number, type: QuarterlyPeriodType = 'standard'): string[] {
  return QUARTER_ENDS[type].map((md, i) => `${i < 3 && md >= '04' ? taxYear : taxYear + 1}-${md}`);
}

/** The quarterly period type the business chose for the tax year; standard unless it chose calendar for that year. */
export function quarterlyPeriodType(business: BusinessDetails, taxYear: number): QuarterlyPeriodType {
  const choice = business.quarterlyTypeChoice;
  return choice?.quarterlyPeriodType === 'calendar' && choice.taxYearOfChoice === taxYearLabel(taxYear) ? 'calendar' : 'standard';
}

/** Where cumulative periods start: 6 April, or 1 April for calendar quarters. */
export const quarterlyStart = (taxYear: number, type: QuarterlyPeriodType): string => (type === 'calendar' ? `${taxYear}-04-01` : taxYearStartDate(taxYear));

export function quarterlyObligations(state: TaxpayerState, business: BusinessDetails, taxYear: number): ObligationDetail[] {
  const type = quarterlyPeriodType(business, taxYear);
  const ends = quarterEnds(taxYear, type);
  const dueFrom = quarterEnds(taxYear, 'standard');
  const cumulative = taxYear >= 2025;
  const summary = state.cumulative.find((s) => s.businessId === business.businessId && s.taxYear === taxYear);
  return ends.map((end, i) => {
    const start = cumulative || i === 0 ? quarterlyStart(taxYear, type) : addDays(ends[i - 1]!, 1);
    const dueDay = taxYear >= 2026 ? '07' : '05';
    const due = `${addDays(dueFrom[i]!, 27).slice(0, 8)}${dueDay}`;
    const covering = cumulative
      ? summary?.submissions.find((s) => s.periodEndDate >= end)
      : (state.periods ?? [])
          .filter((p) => p.businessId === business.businessId && p.body.periodDates.periodStartDate <= start && p.body.periodDates.periodEndDate >= end)
          .map((p) => ({ submittedAt: p.submittedAt }))[0] ?? propertyPeriodCovering(state, business.businessId, start, end);
    return covering
      ? { periodStartDate: start, periodEndDate: end, dueDate: due, receivedDate: isoDate(covering.submittedAt), status: 'fulfilled' }
      : { periodStartDate: start, periodEndDate: end, dueDate: due, status: 'open' };
  });
}

export function finalDeclarationObligation(state: TaxpayerState, taxYear: number): ObligationDetail {
  const declared = state.finalDeclarations.find((d) => d.taxYear === taxYear);
  const base = { periodStartDate: taxYearStartDate(taxYear), periodEndDate: taxYearEndDate(taxYear), dueDate: `${taxYear + 2}-01-31` };
  return declared ? { ...base, status: 'fulfilled', receivedDate: isoDate(declared.declaredAt) } : { ...base, status: 'open' };
}
