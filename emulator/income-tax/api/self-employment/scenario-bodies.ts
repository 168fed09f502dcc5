import { taxYearStartDate } from '../../tax-year.js';

/**
 * The canned bodies of Self-Employment Business 5.0's success scenarios, shaped as HMRC's examples for them:
 * `CONSOLIDATED_EXPENSES` (Retrieve a Cumulative or a Period Summary: "success response with consolidatedExpenses"),
 * `DYNAMIC` (Retrieve a Period Summary: the example with "periodStartDate, periodEndDate" taken from the request)
 * and `TRADING_ALLOWANCE` (Retrieve an Annual Submission: "success response with trading allowance instead").
 * HMRC's examples cover the first quarter (6 April to 5 July); the emulator puts it in the requested tax year.
 * `taxTakenOffTradingIncome` exists from 2023-24 (HMRC's def2 period schema and the cumulative schema).
 */
type Dates = { periodStartDate: string; periodEndDate: string };

const firstQuarter = (taxYear: number): Dates => ({ periodStartDate: taxYearStartDate(taxYear), periodEndDate: `${taxYear}-07-05` });
const income = (taxYear: number) => ({ turnover: 200, other: 200, ...(taxYear >= 2023 ? { taxTakenOffTradingIncome: 1000.99 } : {}) });

/** A summary for the tax year's first quarter with consolidated expenses. */
export function consolidatedExpensesSummary(taxYear: number): Record<string, unknown> {
  return { periodDates: firstQuarter(taxYear), periodIncome: income(taxYear), periodExpenses: { consolidatedExpenses: 200 } };
}

/** A period summary with itemised expenses for the dates in the request's periodId (`start_end`). */
export function dynamicPeriodSummary(taxYear: number, periodId: string): Record<string, unknown> {
  const [periodStartDate = '', periodEndDate = ''] = periodId.split('_');
  return {
    periodDates: { periodStartDate, periodEndDate },
    periodIncome: income(taxYear),
    periodExpenses: { costOfGoods: 200, wagesAndStaffCosts: 200, premisesRunningCosts: 200, adminCosts: 200, professionalFees: 200, otherExpenses: 200 },
    periodDisallowableExpenses: { costOfGoodsDisallowable: 20, adminCostsDisallowable: 20 },
  };
}

/** An annual submission claiming the trading income allowance; transition profits exist from 2024-25 (def2 on). */
export function tradingAllowanceAnnual(taxYear: number): Record<string, unknown> {
  return {
    adjustments: {
      includedNonTaxableProfits: 210,
      basisAdjustment: 178.23,
      accountingAdjustment: 678.9,
      outstandingBusinessIncome: 342.67,
      balancingChargeBpra: 145.98,
      balancingChargeOther: 457.23,
      goodsAndServicesOwnUse: 432.9,
      ...(taxYear >= 2024 ? { transitionProfitAmount: 435.9, transitionProfitAccelerationAmount: 439.9 } : {}),
    },
    allowances: { tradingIncomeAllowance: 572.99 },
    nonFinancials: { businessDetailsChangedRecently: true, class4NicsExemptionReason: 'non-resident' },
  };
}
