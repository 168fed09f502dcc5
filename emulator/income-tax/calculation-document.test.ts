import { describe, expect, it } from 'vitest';
import { calculationDocument, calculationListEntry } from './calculation-document.js';
import type { Calculation } from './model.js';

const calc = (turnover: number, expenses = 0): Calculation => ({
  calculationId: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c',
  taxYear: 2025,
  calculationType: 'in-year',
  requestedBy: 'customer',
  requestedAt: Date.parse('2026-01-15T09:00:00Z'),
  readyAt: Date.parse('2026-01-15T09:00:05Z'),
  businesses: [{ businessId: 'XAIS12345600001', typeOfBusiness: 'self-employment', tradingName: 'RCDTS' }],
  summaries: [
    {
      businessId: 'XAIS12345600001',
      taxYear: 2025,
      submissions: [],
      body: { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-01-05' }, periodIncome: { turnover }, periodExpenses: { consolidatedExpenses: expenses } },
    },
  ],
});
type Doc = { calculation: { allowancesAndDeductions: { personalAllowance: number }; taxCalculation: { incomeTax: { incomeTaxCharged: number }; nics: { totalNic: number }; totalIncomeTaxAndNicsDue: number } } };
const figures = (c: Calculation) => (calculationDocument(c, 'AA123456A') as Doc).calculation;

describe('calculation document', () => {
  it('charges nothing on profits within the personal allowance', () => {
    expect(figures(calc(12_000)).taxCalculation.totalIncomeTaxAndNicsDue).toBe(0);
  });

  it('charges basic and higher rate income tax and Class 4 at 6% and 2%', () => {
    const c = figures(calc(70_000, 10_000)); // £60,000 profit
    // 20% of £37,700 + 40% of £9,730 = £7,540 + £3,892; Class 4 6% of £37,700 + 2% of £9,730 = £2,262 + £194.60
    expect(c.taxCalculation.incomeTax.incomeTaxCharged).toBe(11_432);
    expect(c.taxCalculation.nics.totalNic).toBe(2_456.6);
    expect(c.taxCalculation.totalIncomeTaxAndNicsDue).toBe(13_888.6);
  });

  it('tapers the personal allowance by £1 for every £2 over £100,000', () => {
    expect(figures(calc(110_000)).allowancesAndDeductions.personalAllowance).toBe(7_570);
    expect(figures(calc(200_000)).allowancesAndDeductions.personalAllowance).toBe(0);
  });

  it('lists a 2025-26 calculation with its liability and period', () => {
    expect(calculationListEntry(calc(20_000), 'AA123456A')).toEqual({
      calculationId: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c',
      calculationTimestamp: '2026-01-15T09:00:05.000Z',
      calculationType: 'in-year',
      calculationTrigger: 'attended',
      calculationOutcome: 'PROCESSED',
      liabilityAmount: 1_931.8, // 20% and 6% of £7,430
      fromDate: '2025-04-06',
      toDate: '2026-01-05',
    });
  });

  it('names the tax regime, income tax bands and Class 4 bands as HMRC’s 8.0 schemas do', () => {
    const doc = calculationDocument(calc(200_000), 'AA123456A') as {
      inputs: { personalInformation: { taxRegime: string } };
      calculation: { taxCalculation: { incomeTax: { payPensionsProfit: { taxBands: Array<{ name: string }> } }; nics: { class4Nics: { nic4Bands: Array<{ name: string }> } } } };
    };
    expect(doc.inputs.personalInformation.taxRegime).toBe('uk');
    expect(doc.calculation.taxCalculation.incomeTax.payPensionsProfit.taxBands.map((b) => b.name)).toEqual(['basic-rate', 'higher-rate', 'additional-rate']);
    expect(doc.calculation.taxCalculation.nics.class4Nics.nic4Bands.map((b) => b.name)).toEqual(['zero-rate', 'basic-rate', 'higher-rate']);
  });

  it('gives every business income source its latest period end and the time its data was last received', () => {
    const withSubmission = calc(20_000);
    withSubmission.summaries[0]!.submissions.push({ periodEndDate: '2026-01-05', submittedAt: Date.parse('2026-01-10T12:00:00Z') });
    const sources = (c: Calculation) => (calculationDocument(c, 'AA123456A') as { inputs: { incomeSources: { businessIncomeSources: Array<Record<string, unknown>> } } }).inputs.incomeSources.businessIncomeSources;
    expect(sources(withSubmission)[0]).toMatchObject({ latestPeriodEndDate: '2026-01-05', latestReceivedDateTime: '2026-01-10T12:00:00.000Z' });
    // Nothing submitted: the end of the tax year, and the time the calculation was requested.
    expect(sources({ ...calc(0), summaries: [] })[0]).toMatchObject({ latestPeriodEndDate: '2026-04-05', latestReceivedDateTime: '2026-01-15T09:00:00.000Z' });
  });
});
