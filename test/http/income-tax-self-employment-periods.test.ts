import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, NINO, taxpayer } from './income-tax-fixtures.js';

const base = `/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/period`;
const period = (periodStartDate: string, periodEndDate: string, turnover = 5000) => ({
  periodDates: { periodStartDate, periodEndDate },
  periodIncome: { turnover, other: 0 },
  periodExpenses: { consolidatedExpenses: 1000 },
});

describe('Self Employment Business API 5.0: period summaries before 2025-26', () => {
  it('creates contiguous periods, lists, retrieves and amends them', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    const first = await api.post(base, period('2024-04-06', '2024-07-05'));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ periodId: '2024-04-06_2024-07-05' });
    expect((await api.post(base, period('2024-07-06', '2024-10-05'))).status).toBe(200);
    expect((await api.get(`${base}/2024-25`)).body).toEqual({
      periods: [
        { periodId: '2024-04-06_2024-07-05', periodStartDate: '2024-04-06', periodEndDate: '2024-07-05' },
        { periodId: '2024-07-06_2024-10-05', periodStartDate: '2024-07-06', periodEndDate: '2024-10-05' },
      ],
    });
    expect((await api.get(`${base}/2024-25/2024-04-06_2024-07-05`)).body).toEqual(period('2024-04-06', '2024-07-05'));
    expect((await api.put(`${base}/2024-25/2024-04-06_2024-07-05`, { periodIncome: { turnover: 7000 } })).status).toBe(204);
    expect((await api.get(`${base}/2024-25/2024-04-06_2024-07-05`)).body).toEqual({ periodDates: { periodStartDate: '2024-04-06', periodEndDate: '2024-07-05' }, periodIncome: { turnover: 7000 } });
  });

  it('fulfils the quarters the periods cover and feeds the year’s calculation', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '5.0');
    await api.post(base, period('2024-04-06', '2024-07-05', 20000));
    await api.post(base, period('2024-07-06', '2024-10-05', 20000));
    const obligations = (await client(e, token, '3.0').get(`/obligations/details/${NINO}/income-and-expenditure?fromDate=2024-04-06&toDate=2025-04-05`)).body.obligations[0].obligationDetails;
    expect(obligations.map((o: { status: string }) => o.status)).toEqual(['fulfilled', 'fulfilled', 'open', 'open']);
    const calc = client(e, token, '8.0');
    const id = (await calc.post(`/individuals/calculations/${NINO}/self-assessment/2024-25/trigger/in-year`)).body.calculationId as string;
    e.context.clock.advance(5000);
    const doc = (await calc.get(`/individuals/calculations/${NINO}/self-assessment/2024-25/${id}`)).body;
    expect(doc.calculation.businessProfitAndLoss[0]).toMatchObject({ totalIncome: 40000, totalExpenses: 2000, taxableProfit: 38000 });
    expect(doc.metadata.periodTo).toBe('2024-10-05');
  });

  it('refuses duplicate, overlapping, gapped, cross-year and 2025-26 periods', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    await api.post(base, period('2024-04-06', '2024-07-05'));
    expect((await api.post(base, period('2024-04-06', '2024-07-05'))).body.code).toBe('RULE_DUPLICATE_SUBMISSION');
    expect((await api.post(base, period('2024-07-01', '2024-09-30'))).body.code).toBe('RULE_OVERLAPPING_PERIOD');
    expect((await api.post(base, period('2024-08-01', '2024-10-05'))).body.code).toBe('RULE_NOT_CONTIGUOUS_PERIOD');
    expect((await api.post(base, period('2025-01-06', '2025-05-05'))).body.code).toBe('RULE_MISALIGNED_PERIOD');
    expect((await api.post(base, period('2025-04-06', '2025-07-05'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.get(`${base}/2025-26`)).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.post(base, { periodIncome: { turnover: 1 } })).body).toEqual({ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted', paths: ['/periodDates'] });
    expect((await api.get(`${base}/2024-25/not-a-period`)).body).toEqual({ code: 'FORMAT_PERIOD_ID', message: 'The provided Period ID is invalid' });
    expect((await api.get(`${base}/2023-24`)).status).toBe(404);
  });

  it.each([
    ['OVERLAPPING_PERIOD', 'RULE_OVERLAPPING_PERIOD'],
    ['MISALIGNED_PERIOD', 'RULE_MISALIGNED_PERIOD'],
    ['NOT_CONTIGUOUS_PERIOD', 'RULE_NOT_CONTIGUOUS_PERIOD'],
    ['NOT_ALLOWED_CONSOLIDATED_EXPENSES', 'RULE_NOT_ALLOWED_CONSOLIDATED_EXPENSES'],
    ['DUPLICATE_SUBMISSION', 'RULE_DUPLICATE_SUBMISSION'],
    ['TAX_YEAR_NOT_SUPPORTED', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['BOTH_EXPENSES_SUPPLIED', 'RULE_BOTH_EXPENSES_SUPPLIED'],
    ['BUSINESS_INCOME_PERIOD_RESTRICTION', 'RULE_BUSINESS_INCOME_PERIOD_RESTRICTION'],
    ['NOT_FOUND', 'MATCHING_RESOURCE_NOT_FOUND'],
  ])('simulates Gov-Test-Scenario %s as %s', async (scenario, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '5.0').post(base, period('2024-04-06', '2024-07-05'), scenario);
    expect(res.body.code).toBe(code);
  });

  it('simulates the list, retrieve and amend scenarios HMRC documents for period summaries', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '5.0');
    const one = `${base}/2023-24/2023-07-06_2023-10-05`;
    expect((await api.get(`${base}/2023-24`, 'TAX_YEAR_NOT_SUPPORTED')).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.get(one, 'TAX_YEAR_NOT_SUPPORTED')).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    const consolidated = await api.get(one, 'CONSOLIDATED_EXPENSES');
    expect(consolidated.body).toMatchObject({ periodDates: { periodStartDate: '2023-04-06', periodEndDate: '2023-07-05' }, periodExpenses: { consolidatedExpenses: 200 } });
    const dynamic = await api.get(one, 'DYNAMIC');
    expect(dynamic.status).toBe(200);
    expect(dynamic.body.periodDates).toEqual({ periodStartDate: '2023-07-06', periodEndDate: '2023-10-05' });
    for (const scenario of ['NOT_ALLOWED_CONSOLIDATED_EXPENSES', 'TAX_YEAR_NOT_SUPPORTED', 'BOTH_EXPENSES_SUPPLIED']) {
      const res = await api.put(one, { periodIncome: { turnover: 1 } }, scenario);
      expect([res.status, res.body.code]).toEqual([400, `RULE_${scenario}`]);
    }
  });
});
