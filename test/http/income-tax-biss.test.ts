import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, NINO, taxpayer } from './income-tax-fixtures.js';

const path = (taxYear = '2025-26', type = 'self-employment', businessId = DEFAULT_BUSINESS_ID) => `/individuals/self-assessment/income-summary/${NINO}/${type}/${taxYear}/${businessId}`;
const se = (rest: string) => `/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/${rest}`;

describe('Business Income Source Summary API 3.0', () => {
  it("summarises the business's cumulative summary and annual submission for the year", async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const biss = client(e, token, '3.0');
    expect((await biss.get(path())).body.code).toBe('RULE_NO_INCOME_SUBMISSIONS_EXIST');
    await client(e, token, '5.0').put(se('cumulative/2025-26'), {
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-10-05' },
      periodIncome: { turnover: 30000, other: 500 },
      periodExpenses: { consolidatedExpenses: 4000.5 },
      periodDisallowableExpenses: { adminCostsDisallowable: 100 },
    });
    await client(e, token, '5.0').put(se('annual/2025-26'), { adjustments: { accountingAdjustment: 50, outstandingBusinessIncome: 25 }, allowances: { annualInvestmentAllowance: 2000 } });
    const res = await biss.get(path());
    expect(res.status).toBe(200);
    // income 30,500; expenses 4,000.50; additions 100 + 50 + 25; deductions 2,000
    expect(res.body).toEqual({
      total: { income: 30500, expenses: 4000.5, additions: 175, deductions: 2000, accountingAdjustments: 50 },
      profit: { net: 26499.5, taxable: 24674.5, adjusted: 26674.5 },
      loss: { net: 0, taxable: 0 },
      outstandingBusinessIncome: 25,
    });
  });

  it('reports a loss, and adds up period summaries before 2025-26', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '5.0');
    await api.post(se('period'), { periodDates: { periodStartDate: '2024-04-06', periodEndDate: '2024-07-05' }, periodIncome: { turnover: 1000 }, periodExpenses: { consolidatedExpenses: 3000 } });
    await api.post(se('period'), { periodDates: { periodStartDate: '2024-07-06', periodEndDate: '2024-10-05' }, periodIncome: { turnover: 500 }, periodExpenses: { consolidatedExpenses: 0 } });
    const res = await client(e, token, '3.0').get(path('2024-25'));
    expect(res.body).toEqual({ total: { income: 1500, expenses: 3000, additions: 0, deductions: 0 }, profit: { net: 0, taxable: 0 }, loss: { net: 1500, taxable: 1500 } });
  });

  it('finds only a business of the type asked for', async () => {
    const e = await emulator({ data: 'realistic' });
    const biss = client(e, await taxpayer(e), '3.0');
    expect((await biss.get(path('2025-26', 'uk-property'))).status).toBe(404);
    expect((await biss.get(path('2025-26', 'self-employment', 'XAIS12345699999'))).status).toBe(404);
  });

  it("answers HMRC's examples and scenarios in the sandbox profile", async () => {
    const e = await emulator({ data: 'sandbox' });
    const biss = client(e, await taxpayer(e), '3.0');
    expect((await biss.get(path())).body.profit).toEqual({ net: 20.2, taxable: 35.55, adjusted: 30 });
    expect((await biss.get(path('2024-25'))).body).not.toHaveProperty('outstandingBusinessIncome');
    expect((await biss.get(path(), 'NOT_FOUND')).status).toBe(404);
    expect((await biss.get(path(), 'NO_INCOME_SUBMISSIONS_EXIST')).body).toEqual({ code: 'RULE_NO_INCOME_SUBMISSIONS_EXIST', message: 'No income submissions exist' });
  });

  it.each([
    [path('2025-26', 'self-employment', 'XAIS1'), 'FORMAT_BUSINESS_ID'],
    [path('2025-26', 'uk-property-fhl'), 'FORMAT_TYPE_OF_BUSINESS'],
    [path('2025-26', 'property'), 'FORMAT_TYPE_OF_BUSINESS'],
    [path('2020-21'), 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    [path('2025-27'), 'RULE_TAX_YEAR_RANGE_INVALID'],
    [path('25-26'), 'FORMAT_TAX_YEAR'],
  ])('refuses %s with %s', async (url, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '3.0').get(url);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });
});
