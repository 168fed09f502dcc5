import type { ObligationDetail } from '../../obligations.js';
import { taxYearEndDate, taxYearStartDate } from '../../tax-year.js';

/**
 * Obligations 3.0 canned sandbox data for the documented `Gov-Test-Scenario` values. Errors
 * (INSOLVENT_TRADER, NOT_FOUND, NO_OBLIGATIONS_FOUND) are handled by the API; these build the bodies.
 * HMRC's default ("N/A - DEFAULT") is, for income and expenditure, "a success response": HMRC's example, the
 * 2025-26 cumulative quarters of one self-employment business, three fulfilled (as CUMULATIVE); for final
 * declaration, "an open obligation": the requested tax year's, else 2018-19, the year of HMRC's example.
 */
export const INCOME_AND_EXPENDITURE_SCENARIOS = ['OPEN', 'FULFILLED', 'INSOLVENT_TRADER', 'NOT_FOUND', 'NO_OBLIGATIONS_FOUND', 'DYNAMIC', 'CUMULATIVE'] as const;
export const CRYSTALLISATION_SCENARIOS = ['MULTIPLE', 'INSOLVENT_TRADER', 'NOT_FOUND', 'DYNAMIC'] as const;
export const DEFAULT_FINAL_DECLARATION_YEAR = 2018;

const TYPE_BY_PREFIX: Record<string, string> = { XB: 'self-employment', XP: 'uk-property', XF: 'foreign-property' };

/** OPEN / FULFILLED / DYNAMIC answer for magic IDs ending 03 / 02 / 01; any other business gets a self-employment one. */
export function cannedBusinessObligations(
  scenario: 'OPEN' | 'FULFILLED' | 'DYNAMIC' | 'CUMULATIVE',
  businessId: string | undefined,
  query: { fromDate?: string | undefined; toDate?: string | undefined; status?: string | undefined },
): Array<{ typeOfBusiness: string; businessId: string; obligationDetails: ObligationDetail[] }> {
  const suffix = { OPEN: '03', FULFILLED: '02', DYNAMIC: '01', CUMULATIVE: '01' }[scenario];
  const id = businessId ?? `XBIS123456789${suffix}`;
  const typeOfBusiness = TYPE_BY_PREFIX[id.slice(0, 2)] ?? 'self-employment';
  const open = (start: string, end: string, due: string): ObligationDetail => ({ periodStartDate: start, periodEndDate: end, dueDate: due, status: 'open' });
  const fulfilled = (start: string, end: string, due: string, received: string): ObligationDetail => ({ periodStartDate: start, periodEndDate: end, dueDate: due, receivedDate: received, status: 'fulfilled' });
  let details: ObligationDetail[];
  switch (scenario) {
    case 'OPEN':
      details = [open('2025-04-06', '2025-07-05', '2025-08-05')];
      break;
    case 'FULFILLED':
      details = [fulfilled('2025-04-06', '2025-07-05', '2025-08-05', '2025-08-01')];
      break;
    case 'CUMULATIVE':
      details = [
        fulfilled('2025-04-06', '2025-07-05', '2025-08-05', '2025-08-01'),
        fulfilled('2025-04-06', '2025-10-05', '2025-11-05', '2025-11-01'),
        fulfilled('2025-04-06', '2026-01-05', '2026-02-05', '2026-02-01'),
        open('2025-04-06', '2026-04-05', '2026-05-05'),
      ];
      break;
    case 'DYNAMIC': {
      const from = query.fromDate ?? '2025-04-06';
      const to = query.toDate ?? '2026-04-05';
      const status = query.status === 'fulfilled' ? 'fulfilled' : 'open';
      details = [status === 'fulfilled' ? fulfilled(from, to, to, to) : open(from, to, to)];
      break;
    }
  }
  return [{ typeOfBusiness, businessId: id, obligationDetails: details }];
}

export function cannedFinalDeclarationObligations(scenario: 'MULTIPLE' | 'DYNAMIC', taxYear: number): ObligationDetail[] {
  const obligation = (ty: number, fulfilled: boolean): ObligationDetail => ({
    periodStartDate: taxYearStartDate(ty),
    periodEndDate: taxYearEndDate(ty),
    dueDate: `${ty + 2}-01-31`,
    ...(fulfilled ? { receivedDate: `${ty + 2}-01-25`, status: 'fulfilled' as const } : { status: 'open' as const }),
  });
  if (scenario === 'DYNAMIC') return [obligation(taxYear, false)];
  return [obligation(taxYear - 2, true), obligation(taxYear - 1, true), obligation(taxYear, false)];
}
