/**
 * UK tax years as the Income Tax APIs write them: `2025-26` runs from 6 April 2025 to 5 April 2026.
 * Tax years are carried as the calendar year they start in.
 */
export const taxYearLabel = (startYear: number): string => `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
export const taxYearStartDate = (startYear: number): string => `${startYear}-04-06`;
export const taxYearEndDate = (startYear: number): string => `${startYear + 1}-04-05`;

/** The tax year a date (`YYYY-MM-DD`) falls in. */
export function taxYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-06' ? year : year - 1;
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether the tax year has ended at the instant `now` (it ends at the close of 5 April). */
export const taxYearEnded = (startYear: number, now: number): boolean => isoDate(now) > taxYearEndDate(startYear);
