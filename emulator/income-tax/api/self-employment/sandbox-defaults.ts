/**
 * HMRC's default answers ("N/A - DEFAULT": "Simulates success response") of Self-Employment Business 5.0, for a
 * request without `Gov-Test-Scenario` under `data: sandbox`. Writes succeed and store nothing; reads answer the
 * shapes of HMRC's examples (`examples/retrieve*`, `listPeriodSummaries`) on the requested tax year's dates, with
 * HMRC's round amounts (emulator's choice: HMRC's stubs answer fixed example years).
 */
const AMOUNTS = { periodIncome: { turnover: 200, other: 200 }, periodExpenses: { consolidatedExpenses: 200 } };

/** Retrieve a cumulative period summary: the year's first quarter, consolidated expenses. */
export function defaultCumulativeSummary(taxYear: number): Record<string, unknown> {
  return { periodDates: { periodStartDate: `${taxYear}-04-06`, periodEndDate: `${taxYear}-07-05` }, ...AMOUNTS };
}

/** Retrieve an annual submission: HMRC's trading-allowance example, shortened. */
export const DEFAULT_ANNUAL_SUBMISSION = {
  adjustments: { includedNonTaxableProfits: 200.12, accountingAdjustment: 200.12 },
  allowances: { tradingIncomeAllowance: 1000 },
  nonFinancials: { businessDetailsChangedRecently: true },
};

/** List period summaries: the year's first two quarters. */
export function defaultPeriods(taxYear: number): Array<{ periodId: string; periodStartDate: string; periodEndDate: string }> {
  return [
    [`${taxYear}-04-06`, `${taxYear}-07-05`],
    [`${taxYear}-07-06`, `${taxYear}-10-05`],
  ].map(([periodStartDate, periodEndDate]) => ({ periodId: `${periodStartDate}_${periodEndDate}`, periodStartDate: periodStartDate!, periodEndDate: periodEndDate! }));
}

/** Retrieve a period summary: the period the ID names, consolidated expenses. */
export function defaultPeriodSummary(periodId: string): Record<string, unknown> {
  const [periodStartDate, periodEndDate] = periodId.split('_');
  return { periodDates: { periodStartDate, periodEndDate }, ...AMOUNTS };
}
