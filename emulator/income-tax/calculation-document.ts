import { taxYearEndDate, taxYearLabel, taxYearStartDate } from './tax-year.js';
import { adjustFigures } from './bsas-adjustments.js';
import { lossRelief } from './loss-relief.js';
import type { AnnualSubmission, Calculation, CumulativeSummary } from './model.js';
import { incomeSourceTypeOf, incomeSummaryTotals, isPropertyBusiness, propertyFigures } from './property-figures.js';

/**
 * The Retrieve a Self Assessment Tax Calculation document (Individual Calculations 8.0:
 * `{metadata, inputs, calculation, messages}`), computed from the cumulative summaries frozen at trigger
 * time. The arithmetic is a simplified rest-of-UK computation, enough for software to show plausible
 * figures: personal allowance £12,570 (tapered by £1 for every £2 over £100,000), basic rate 20% on the
 * next £37,700, higher rate 40% up to £125,140, additional rate 45%; Class 4 NICs 6% between £12,570 and
 * £50,270 and 2% above. An annual submission adds its taxable adjustments and takes off its allowances,
 * included non-taxable profits and overlap relief; losses and loss claims apply as loss-relief.ts says, BSAS
 * adjustments as bsas-adjustments.ts says. Property businesses' figures come from property-figures.ts; their
 * profits are taxed as income but bear no Class 4 NICs. HMRC's real calculation covers far more; the emulator does not
 * pretend to.
 */
const round2 = (n: number): number => Math.round(n * 100) / 100;
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export interface BusinessFigures {
  businessId: string;
  name: string | undefined;
  income: number;
  expenses: number;
  additions: number;
  deductions: number;
  periodTo: string | undefined;
}

const ADDED = ['basisAdjustment', 'accountingAdjustment', 'averagingAdjustment', 'outstandingBusinessIncome', 'balancingChargeBpra', 'balancingChargeOther', 'goodsAndServicesOwnUse'];
const DEDUCTED = ['includedNonTaxableProfits', 'overlapReliefUsed'];

export function businessFigures(summary: CumulativeSummary, name?: string, annual?: AnnualSubmission): BusinessFigures {
  const b = summary.body as Record<string, Record<string, unknown> | undefined>;
  const income = num(b.periodIncome?.turnover) + num(b.periodIncome?.other);
  const expenses = Object.values(b.periodExpenses ?? {}).reduce<number>((sum, v) => sum + num(v), 0);
  const a = (annual?.body ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const additions =
    Object.values(b.periodDisallowableExpenses ?? {}).reduce<number>((sum, v) => sum + num(v), 0) + ADDED.reduce((sum, f) => sum + num(a.adjustments?.[f]), 0);
  const buildings = ['structuredBuildingAllowance', 'enhancedStructuredBuildingAllowance'].flatMap((f) => (Array.isArray(a.allowances?.[f]) ? (a.allowances[f] as Array<{ amount?: unknown }>) : []));
  const deductions =
    Object.values(a.allowances ?? {}).reduce<number>((sum, v) => sum + num(v), 0) +
    buildings.reduce((sum, x) => sum + num(x.amount), 0) +
    DEDUCTED.reduce((sum, f) => sum + num(a.adjustments?.[f]), 0);
  const periodTo = typeof b.periodDates?.periodEndDate === 'string' ? b.periodDates.periodEndDate : undefined;
  return { businessId: summary.businessId, name, income: round2(income), expenses: round2(expenses), additions: round2(additions), deductions: round2(deductions), periodTo };
}

interface Band {
  name: string;
  rate: number;
  bandLimit: number;
  apportionedBandLimit: number;
  income: number;
  taxAmount: number;
}

function incomeTaxBands(taxable: number): Band[] {
  const bands: Array<[string, number, number]> = [
    ['basic-rate', 20, 37_700],
    ['higher-rate', 40, 125_140],
    ['additional-rate', 45, 99_999_999_999],
  ];
  let remaining = taxable;
  let lower = 0;
  const out: Band[] = [];
  for (const [name, rate, limit] of bands) {
    const width = limit - lower;
    const income = Math.max(0, Math.min(remaining, width));
    if (income > 0 || name === 'basic-rate') out.push({ name, rate, bandLimit: limit, apportionedBandLimit: limit, income, taxAmount: round2((income * rate) / 100) });
    remaining -= income;
    lower = limit;
  }
  return out;
}

/**
 * When the business's data was last received: its latest cumulative or annual submission, else (a business with
 * nothing submitted, which HMRC's schema still gives this required field) the time the calculation was requested.
 */
function latestReceived(calc: Calculation, businessId: string): number {
  const times = [
    ...calc.summaries.filter((s) => s.businessId === businessId).flatMap((s) => s.submissions.map((sub) => sub.submittedAt)),
    ...(calc.annuals ?? []).filter((a) => a.businessId === businessId).map((a) => a.submittedAt),
  ];
  return times.length ? Math.max(...times) : calc.requestedAt;
}

/**
 * Retrieve's metadata names a final declaration `declare-finalisation` (8.0 metadata schemas), where List says
 * `final-declaration`; the declaration's and confirmation's times are those of the request that made them.
 */
export function calculationDocument(calc: Calculation, nino: string): Record<string, unknown> {
  const typeOf = (businessId: string) => calc.businesses.find((b) => b.businessId === businessId);
  const figures = calc.summaries.map((s) => {
    const annual = calc.annuals?.find((a) => a.businessId === s.businessId);
    const own = isPropertyBusiness(typeOf(s.businessId)) ? propertyFigures(s, annual) : businessFigures(s, typeOf(s.businessId)?.tradingName, annual);
    return adjustFigures(own, calc.bsasAdjustments);
  });
  const sourceTypes = figures.map((f) => incomeSourceTypeOf(typeOf(f.businessId)));
  const profits = figures.map((f) => Math.max(0, Math.floor(f.income - f.expenses + f.additions - f.deductions)));
  const losses = figures.map((f) => Math.max(0, Math.floor(f.expenses - f.additions + f.deductions - f.income)));
  const relief = lossRelief(calc, figures.map((f) => f.businessId), profits, losses);
  const totalIncome = relief.totalIncome;
  // Class 4 NICs are due on self-employment profits only (after their losses); property profits bear income tax alone.
  const class4Income = relief.perBusiness.filter((_, i) => sourceTypes[i] === 'self-employment').reduce((a, b) => a + (b.taxableProfitAfterIncomeTaxLossesDeduction ?? 0), 0);
  const allowance = Math.max(0, 12_570 - Math.floor(Math.max(0, totalIncome - 100_000) / 2));
  const taxable = Math.max(0, totalIncome - allowance);
  const bands = incomeTaxBands(taxable);
  const incomeTax = round2(bands.reduce((a, b) => a + b.taxAmount, 0));
  const class4Main = Math.max(0, Math.min(class4Income, 50_270) - 12_570);
  const class4Upper = Math.max(0, class4Income - 50_270);
  const class4 = round2(class4Main * 0.06 + class4Upper * 0.02);
  const total = round2(incomeTax + class4);
  const periodTo = figures.map((f) => f.periodTo).filter((d): d is string => Boolean(d)).sort().pop() ?? taxYearEndDate(calc.taxYear);
  const iso = (ms: number): string => new Date(ms).toISOString();

  const metadata: Record<string, unknown> = {
    calculationId: calc.calculationId,
    taxYear: taxYearLabel(calc.taxYear),
    // HMRC: "Currently 'customer' will be returned even in the case of an agent submission."
    requestedBy: 'customer',
    requestedTimestamp: iso(calc.requestedAt),
    calculationReason: 'customer-request',
    calculationTimestamp: iso(calc.readyAt),
    calculationType: calc.calculationType === 'final-declaration' ? 'declare-finalisation' : calc.calculationType,
    ...(calc.calculationType === 'final-declaration' ? { finalisationTimestamp: iso(calc.requestedAt) } : {}),
    ...(calc.calculationType === 'confirm-amendment' ? { confirmationTimestamp: iso(calc.requestedAt) } : {}),
    periodFrom: taxYearStartDate(calc.taxYear),
    periodTo,
  };
  const inputs = {
    personalInformation: { identifier: nino, taxRegime: 'uk' },
    incomeSources: {
      businessIncomeSources: calc.businesses.map((b) => ({
        incomeSourceId: b.businessId,
        incomeSourceType: incomeSourceTypeOf(b),
        ...(b.tradingName ? { incomeSourceName: b.tradingName } : {}),
        accountingPeriodStartDate: taxYearStartDate(calc.taxYear),
        accountingPeriodEndDate: taxYearEndDate(calc.taxYear),
        source: 'MTD-SA',
        latestPeriodEndDate: figures.find((f) => f.businessId === b.businessId)?.periodTo ?? taxYearEndDate(calc.taxYear),
        latestReceivedDateTime: iso(latestReceived(calc, b.businessId)),
      })),
    },
  };
  const calculation = {
    allowancesAndDeductions: { personalAllowance: allowance, ...(relief.generalIncome ? { lossesAppliedToGeneralIncome: relief.generalIncome } : {}) },
    ...(figures.length
      ? {
          businessProfitAndLoss: figures.map((f, i) => ({
            incomeSourceId: f.businessId,
            incomeSourceType: sourceTypes[i],
            ...(f.name ? { incomeSourceName: f.name } : {}),
            totalIncome: f.income,
            totalExpenses: f.expenses,
            netProfit: Math.max(0, round2(f.income - f.expenses)),
            netLoss: Math.max(0, round2(f.expenses - f.income)),
            totalAdditions: f.additions,
            totalDeductions: f.deductions,
            taxableProfit: profits[i],
            adjustedIncomeTaxLoss: losses[i],
            ...relief.perBusiness[i],
          })),
        }
      : {}),
    ...incomeSummaryTotals(sourceTypes, profits),
    taxCalculation: {
      incomeTax: {
        totalIncomeReceivedFromAllSources: totalIncome,
        totalAllowancesAndDeductions: Math.min(allowance, totalIncome),
        totalTaxableIncome: taxable,
        payPensionsProfit: {
          incomeReceived: totalIncome,
          allowancesAllocated: Math.min(allowance, totalIncome),
          taxableIncome: taxable,
          incomeTaxAmount: incomeTax,
          taxBands: bands,
        },
        incomeTaxCharged: incomeTax,
        incomeTaxDueAfterReliefs: incomeTax,
        totalIncomeTaxDue: incomeTax,
      },
      nics: {
        class4Nics: {
          totalIncomeLiableToClass4Charge: class4Income,
          totalClass4LossesAvailable: 0,
          totalIncomeChargeableToClass4: class4Main + class4Upper,
          totalAmount: class4,
          nic4Bands: [
            { name: 'zero-rate', rate: 0, threshold: 12_570, apportionedThreshold: 12_570, income: Math.min(class4Income, 12_570), amount: 0 },
            { name: 'basic-rate', rate: 6, threshold: 50_270, apportionedThreshold: 50_270, income: class4Main, amount: round2(class4Main * 0.06) },
            ...(class4Upper ? [{ name: 'higher-rate', rate: 2, income: class4Upper, amount: round2(class4Upper * 0.02) }] : []),
          ],
        },
        totalNic: class4,
      },
      totalIncomeTaxNicsCharged: total,
      totalIncomeTaxAndNicsDue: total,
    },
  };
  const messages = figures.length
    ? undefined
    : { info: [{ id: 'C22201', text: 'No income has been submitted for this tax year, so no tax is due.' }] };
  return { metadata, inputs, calculation, ...(messages ? { messages } : {}) };
}

/** The list entry for a calculation (List Self Assessment Tax Calculations 8.0). */
export function calculationListEntry(calc: Calculation, nino: string): Record<string, unknown> {
  const doc = calculationDocument(calc, nino) as { calculation: { taxCalculation: { totalIncomeTaxAndNicsDue: number } }; metadata: { periodTo: string } };
  return {
    calculationId: calc.calculationId,
    calculationTimestamp: new Date(calc.readyAt).toISOString(),
    calculationType: calc.calculationType,
    calculationTrigger: 'attended',
    calculationOutcome: 'PROCESSED',
    liabilityAmount: doc.calculation.taxCalculation.totalIncomeTaxAndNicsDue,
    // fromDate and toDate are in the list schema from 2025-26 only.
    ...(calc.taxYear >= 2025 ? { fromDate: taxYearStartDate(calc.taxYear), toDate: doc.metadata.periodTo } : {}),
  };
}
