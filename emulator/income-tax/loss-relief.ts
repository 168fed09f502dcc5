import type { Calculation } from './model.js';

/**
 * How a calculation uses the taxpayer's losses (Individual Losses 7.0), simplified:
 *
 * - brought-forward losses of a business (`losses.broughtForwardLosses`) are set against that business's taxable
 *   profit for the year, up to the profit (income tax and Class 4 alike);
 * - a carry-sideways claim (`claims.carrySideways.currentYearGeneralIncome`) sets the business's loss for the year,
 *   up to that loss, against the year's other income (income tax only, as Class 4 relief for a trading loss is given
 *   against later profits).
 *
 * Carry-back and carry-forward claims are recorded and read back but change nothing in the year's calculation. All
 * figures are whole pounds, as HMRC's calculation gives them.
 */
export interface LossRelief {
  /** Per business, in the order given: the fields it adds to the business's `businessProfitAndLoss` entry. */
  perBusiness: Array<Record<string, number>>;
  /** Profits after brought-forward losses: the Class 4 base. */
  profitsAfterLosses: number;
  /** Losses set against general income. */
  generalIncome: number;
  /** Income after all reliefs: the income tax base. */
  totalIncome: number;
}

export function lossRelief(calc: Calculation, businessIds: string[], profits: number[], losses: number[]): LossRelief {
  const of = (businessId: string) => calc.lossesAndClaims?.find((l) => l.businessId === businessId)?.body;
  const perBusiness = businessIds.map((businessId, i) => {
    const body = of(businessId);
    const broughtForward = Math.floor(body?.losses?.broughtForwardLosses ?? 0);
    const used = Math.min(broughtForward, profits[i] ?? 0);
    const sideways = Math.min(Math.floor(Number(body?.claims?.carrySideways?.currentYearGeneralIncome ?? 0)), losses[i] ?? 0);
    return {
      ...(broughtForward ? { totalBroughtForwardIncomeTaxLosses: broughtForward, broughtForwardIncomeTaxLossesUsed: used } : {}),
      taxableProfitAfterIncomeTaxLossesDeduction: (profits[i] ?? 0) - used,
      ...(sideways ? { carrySidewaysIncomeTaxLossesUsed: sideways } : {}),
    };
  });
  const profitsAfterLosses = perBusiness.reduce((sum, b) => sum + b.taxableProfitAfterIncomeTaxLossesDeduction!, 0);
  const claimed = perBusiness.reduce((sum, b) => sum + (b.carrySidewaysIncomeTaxLossesUsed ?? 0), 0);
  const generalIncome = Math.min(claimed, profitsAfterLosses);
  return { perBusiness, profitsAfterLosses, generalIncome, totalIncome: profitsAfterLosses - generalIncome };
}
