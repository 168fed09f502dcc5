import { describe, expect, it } from 'vitest';
import { propertyFigures, propertyPeriodTotals } from './property-figures.js';
import type { TaxpayerState } from './model.js';

const summary = (body: Record<string, unknown>) => ({ businessId: 'XFIS00000000001', taxYear: 2025, body, submissions: [] });

describe('property figures for the calculation', () => {
  it('counts income and expenses in every section and country, leaving out tax paid and residential finance costs', () => {
    const body = {
      fromDate: '2025-04-06',
      toDate: '2025-07-05',
      foreignProperty: [
        { countryCode: 'FRA', income: { rentIncome: { rentAmount: 1000 }, foreignTaxPaidOrDeducted: 50, foreignTaxCreditRelief: true }, expenses: { other: 100, residentialFinancialCost: 70 } },
        { countryCode: 'ESP', income: { premiumsOfLeaseGrant: 200.5 }, expenses: { consolidatedExpenses: 20 } },
      ],
    };
    const annual = { businessId: 'XFIS00000000001', taxYear: 2025, submittedAt: 0, body: { foreignProperty: [{ adjustments: { privateUseAdjustment: 10 }, allowances: { otherCapitalAllowance: 30, structuredBuildingAllowance: [{ amount: 5, firstYear: { qualifyingDate: '2020-01-01', qualifyingAmountExpenditure: 999 } }] } }] } };
    expect(propertyFigures(summary(body), annual)).toEqual({ businessId: 'XFIS00000000001', name: undefined, income: 1200.5, expenses: 120, additions: 10, deductions: 35, periodTo: '2025-07-05' });
  });

  it('adds a year’s period summaries together per business, before 2025-26', () => {
    const period = (fromDate: string, toDate: string, amount: number) => ({ businessId: 'XPIS00000000001', taxYear: 2024, submissionId: fromDate, submittedAt: 1, body: { fromDate, toDate, ukNonFhlProperty: { income: { periodAmount: amount } } } });
    const state = { property: { periods: [period('2024-07-06', '2024-10-05', 20), period('2024-04-06', '2024-07-05', 10)], historicPeriods: [], historicAnnual: [], foreignDetails: [] } } as unknown as TaxpayerState;
    const [total] = propertyPeriodTotals(state, 2024);
    expect(total?.body).toEqual({ fromDate: '2024-04-06', toDate: '2024-10-05', ukNonFhlProperty: { income: { periodAmount: 30 } } });
    expect(total?.submissions.map((s) => s.periodEndDate)).toEqual(['2024-07-05', '2024-10-05']);
  });
});
