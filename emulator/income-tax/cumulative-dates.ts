import { itsaStatusOf, type BusinessDetails, type CumulativeSummary, type TaxpayerState } from './model.js';
import { quarterEnds, quarterlyPeriodType, quarterlyStart } from './obligations.js';
import { addDays, isoDate, taxYearOf, taxYearStartDate } from './tax-year.js';

/**
 * The dates of a cumulative period summary (Self Employment 5.0, Property Business 6.0, from 2025-26), checked against
 * the business's quarters (HMRC's error scenarios, made real): dates are required (MISSING_SUBMISSION_DATES); the
 * start is 6 April, or the commencement date when the business started in the year
 * (START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE / …_TO_COMMENCEMENT_DATE); the end is a quarter end — 5 July,
 * 5 October, 5 January, 5 April — or the cessation date (END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE); no earlier than
 * 10 days before the period ends, on the virtual clock (EARLY_DATA_SUBMISSION_NOT_ACCEPTED); never earlier than an end
 * already submitted (SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS). Calendar quarters (1 April to 30 June, …) where the
 * business chose them for the year. When the taxpayer's test ITSA status for the year is Annual, dates are refused
 * (START_AND_END_DATE_NOT_ALLOWED) and the summary covers the whole year. Each API words the error itself.
 */
export type CumulativeDateProblem =
  | 'START_AND_END_DATE_NOT_ALLOWED'
  | 'MISSING_SUBMISSION_DATES'
  | 'START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE'
  | 'START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE'
  | 'END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE'
  | 'EARLY_DATA_SUBMISSION_NOT_ACCEPTED'
  | 'SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS';

export interface PeriodDates {
  periodStartDate: string;
  periodEndDate: string;
}

/** ITSA statuses under which a summary covers the whole year and carries no dates (HMRC: "annual or latent"). */
const ANNUAL_STATUSES = ['Annual'];

export function cumulativeDates(
  state: TaxpayerState,
  business: BusinessDetails,
  taxYear: number,
  requested: PeriodDates | undefined,
  now: number,
  existing: CumulativeSummary | undefined,
): { dates: PeriodDates } | { problem: CumulativeDateProblem } {
  const annual = ANNUAL_STATUSES.includes(itsaStatusOf(state, taxYear));
  if (annual && requested) return { problem: 'START_AND_END_DATE_NOT_ALLOWED' };
  const dates = annual ? { periodStartDate: taxYearStartDate(taxYear), periodEndDate: quarterEnds(taxYear)[3]! } : requested;
  if (!dates) return { problem: 'MISSING_SUBMISSION_DATES' };
  const type = quarterlyPeriodType(business, taxYear);
  const commencement = business.commencementDate;
  const commencedInYear = commencement !== undefined && taxYearOf(commencement) === taxYear;
  const expectedStart = commencedInYear ? commencement : quarterlyStart(taxYear, type);
  if (!annual && dates.periodStartDate !== expectedStart) return { problem: commencedInYear ? 'START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE' : 'START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE' };
  const validEnds = [...quarterEnds(taxYear, type), ...(business.cessationDate ? [business.cessationDate] : [])];
  if (!validEnds.includes(dates.periodEndDate)) return { problem: 'END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE' };
  if (!annual && isoDate(now) < addDays(dates.periodEndDate, -10)) return { problem: 'EARLY_DATA_SUBMISSION_NOT_ACCEPTED' };
  if (existing && existing.submissions.some((s) => s.periodEndDate > dates.periodEndDate)) return { problem: 'SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS' };
  return { dates };
}

/** Stores a cumulative summary for the business and year: the body replaces the last, the submission is recorded. */
export function storeCumulative(state: TaxpayerState, businessId: string, taxYear: number, body: Record<string, unknown>, periodEndDate: string, now: number): void {
  const existing = state.cumulative.find((s) => s.businessId === businessId && s.taxYear === taxYear);
  const submission = { periodEndDate, submittedAt: now };
  if (existing) {
    existing.body = body;
    existing.submissions.push(submission);
  } else {
    state.cumulative.push({ businessId, taxYear, body, submissions: [submission] });
  }
}
