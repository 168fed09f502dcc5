import { addDays, taxYearOf, taxYearStartDate } from '../../tax-year.js';

/**
 * Where a standalone period summary (Property Business periods of 2022-23 to 2024-25, historic FHL and non-FHL
 * periods of 2017-18 to 2021-22) may go among the ones already submitted (HMRC's `common/errors.yaml`): within one
 * tax year (MISALIGNED_PERIOD); not the same dates again (DUPLICATE_SUBMISSION); not overlapping another
 * (OVERLAPPING_PERIOD); starting on 6 April or the day after the latest one ends (NOT_CONTIGUOUS_PERIOD).
 */
export type PlacementProblem = 'MISALIGNED_PERIOD' | 'DUPLICATE_SUBMISSION' | 'OVERLAPPING_PERIOD' | 'NOT_CONTIGUOUS_PERIOD';
type Period = { fromDate: string; toDate: string };

export function placePeriod(existing: Period[], period: Period, taxYear = taxYearOf(period.fromDate)): PlacementProblem | undefined {
  if (taxYearOf(period.fromDate) !== taxYear || taxYearOf(period.toDate) !== taxYear) return 'MISALIGNED_PERIOD';
  const sameYear = existing.filter((p) => taxYearOf(p.fromDate) === taxYear);
  if (sameYear.some((p) => p.fromDate === period.fromDate && p.toDate === period.toDate)) return 'DUPLICATE_SUBMISSION';
  if (sameYear.some((p) => p.fromDate <= period.toDate && period.fromDate <= p.toDate)) return 'OVERLAPPING_PERIOD';
  const lastEnd = sameYear.map((p) => p.toDate).sort().pop();
  if (period.fromDate !== (lastEnd ? addDays(lastEnd, 1) : taxYearStartDate(taxYear))) return 'NOT_CONTIGUOUS_PERIOD';
  return undefined;
}
