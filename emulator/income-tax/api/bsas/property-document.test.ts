import { describe, expect, it } from 'vitest';
import type { BsasSummary } from '../../model.js';
import { calculations, propertyDocument } from './property-document.js';

const summary = (typeOfBusiness: BsasSummary['typeOfBusiness'], taxYear: number, body: Record<string, unknown>, annual?: Record<string, unknown>): BsasSummary => ({
  calculationId: '717f3a7a-db8e-11e9-8a34-2a2ae2dbcce4',
  businessId: 'XPIS12345678901',
  typeOfBusiness,
  taxYear,
  accountingPeriod: { startDate: `${taxYear}-04-06`, endDate: `${taxYear + 1}-04-05` },
  requestedAt: Date.parse('2027-05-01T00:00:00Z'),
  summary: { businessId: 'XPIS12345678901', taxYear, body, submissions: [] },
  ...(annual ? { annual: { businessId: 'XPIS12345678901', taxYear, body: annual, submittedAt: 0 } } : {}),
});
const noCountry = (): string => 'ZZZ';

describe('property BSAS figures', () => {
  it('takes only the FHL part of a 2024-25 UK period total for an FHL summary, and only the rest otherwise', () => {
    const body = {
      fromDate: '2024-04-06',
      toDate: '2024-07-05',
      ukFhlProperty: { income: { periodAmount: 4000 }, expenses: { consolidatedExpenses: 1000 } },
      ukNonFhlProperty: { income: { periodAmount: 3000, taxDeducted: 100 }, expenses: { other: 500, residentialFinancialCost: 200 } },
    };
    expect(calculations(summary('uk-property-fhl', 2024, body), undefined, noCountry).adjustable).toMatchObject({ totalIncome: 4000, totalExpenses: 1000, netProfit: 3000 });
    const nonFhl = calculations(summary('uk-property', 2024, body), undefined, noCountry).adjustable;
    expect(nonFhl).toMatchObject({ totalIncome: 3000, income: { totalRentsReceived: 3000 }, totalExpenses: 500, expenses: { other: 500, residentialFinancialCost: 200 }, netProfit: 2500 });
  });

  it('groups 2026-27 foreign properties by the country their details give, and adjusts them there', () => {
    const one = '11111111-1111-4111-8111-111111111111';
    const two = '22222222-2222-4222-8222-222222222222';
    const body = {
      foreignProperty: [
        { propertyId: one, income: { rentIncome: { rentAmount: 1000 } } },
        { propertyId: two, income: { rentIncome: { rentAmount: 500 } }, expenses: { consolidatedExpenses: 100 } },
      ],
    };
    const annual = { foreignProperty: [{ propertyId: two, allowances: { propertyIncomeAllowance: 200 } }] };
    const countryOf = (id: string): string => (id === one ? 'FRA' : 'ESP');
    const adjustment = { propertyLevelDetail: [{ propertyId: one, income: { totalRentsReceived: -100 } }] };
    const { adjustable, adjusted } = calculations(summary('foreign-property', 2026, body, annual), adjustment, countryOf);
    expect(adjustable).toMatchObject({ totalIncome: 1500, totalExpenses: 100, totalDeductions: 200, taxableProfit: 1200 });
    expect(adjustable.countryLevelDetail).toEqual([
      expect.objectContaining({ countryCode: 'FRA', totalIncome: 1000 }),
      expect.objectContaining({ countryCode: 'ESP', totalIncome: 500, totalDeductions: 200, deductions: { propertyAllowance: 200 } }),
    ]);
    expect(adjusted).toMatchObject({ totalIncome: 1400, countryLevelDetail: [expect.objectContaining({ countryCode: 'FRA', totalIncome: 900 }), expect.objectContaining({ countryCode: 'ESP' })] });
  });

  it("shapes inputs as HMRC does for the tax year, with the UK schema's required adjusted calculation", () => {
    const early = propertyDocument(summary('uk-property', 2024, { fromDate: '2024-04-06', toDate: '2024-07-05' }), 'AA123456A', 'valid', undefined, noCountry);
    expect(early.inputs).toMatchObject({ typeOfBusiness: 'uk-property', submissionPeriods: [{ startDate: '2024-04-06', endDate: '2024-07-05' }] });
    expect(early.adjustedSummaryCalculation).toEqual(early.adjustableSummaryCalculation);
    const late = propertyDocument(summary('foreign-property', 2025, {}), 'AA123456A', 'valid', undefined, noCountry);
    expect(late.inputs).toMatchObject({ submissionPeriod: { startDate: '2025-04-06', endDate: '2026-04-05' } });
    expect(late.inputs).not.toHaveProperty('typeOfBusiness');
    expect(late).not.toHaveProperty('adjustedSummaryCalculation');
  });
});
