import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, NINO, taxpayer } from './income-tax-fixtures.js';
import { foreignCumulative, PB, PROPERTY, propertyBusiness, ukCumulative } from './income-tax-property-fixtures.js';

const uk = (businessId: string, taxYear = '2025-26', nino = NINO) => `${PROPERTY}/uk/${nino}/${businessId}/cumulative/${taxYear}`;
const foreign = (businessId: string, taxYear = '2025-26') => `${PROPERTY}/foreign/${NINO}/${businessId}/cumulative/${taxYear}`;

describe('Property Business API 6.0: cumulative period summaries', () => {
  it('stores a UK property cumulative summary and reads it back with submittedOn', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    expect((await api.put(uk(id), ukCumulative())).status).toBe(204);
    const get = await api.get(uk(id));
    expect(get.status).toBe(200);
    expect(get.body).toEqual({ submittedOn: '2026-01-15T09:00:00.000Z', ...ukCumulative() });
    expect((await api.put(uk(id), ukCumulative('2025-07-05'))).body.code).toBe('RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS');
    expect((await api.put(uk(id), ukCumulative('2026-04-05'))).body.code).toBe('RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED');
    expect((await api.put(uk(id), { ...ukCumulative(), fromDate: '2025-05-01' })).body.code).toBe('RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE');
  });

  it('fulfils the UK property business’s quarterly obligations as summaries arrive', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    await api.put(uk(id), ukCumulative());
    const obligations = client(e, await taxpayer(e), '3.0');
    const res = await obligations.get(`/obligations/details/${NINO}/income-and-expenditure?typeOfBusiness=uk-property&businessId=${id}&fromDate=2025-04-06&toDate=2026-04-05`);
    expect(res.status).toBe(200);
    const details = res.body.obligations[0].obligationDetails as Array<{ periodEndDate: string; status: string }>;
    expect(details.map((d) => [d.periodEndDate, d.status])).toEqual([
      ['2025-07-05', 'fulfilled'],
      ['2025-10-05', 'fulfilled'],
      ['2026-01-05', 'open'],
      ['2026-04-05', 'open'],
    ]);
  });

  it('brings property profit into the calculation: income − expenses − allowances, taxed without Class 4 NICs', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const token = await taxpayer(e);
    const api = client(e, token, PB);
    const body = ukCumulative();
    body.ukProperty.income.periodAmount = 30000;
    expect((await api.put(uk(id), body)).status).toBe(204);
    const annual = { ukProperty: { allowances: { annualInvestmentAllowance: 499 } } };
    expect((await api.put(`${PROPERTY}/uk/${NINO}/${id}/annual/2025-26`, annual)).status).toBe(200);
    const calcs = client(e, token, '8.0');
    const base = `/individuals/calculations/${NINO}/self-assessment/2025-26`;
    const calculationId = (await calcs.post(`${base}/trigger/in-year`)).body.calculationId as string;
    e.context.clock.advance(5000);
    const doc = (await calcs.get(`${base}/${calculationId}`)).body;
    // Income 30000 + 1000 premiums + 500 rent-a-room = 31500 (tax deducted is not income); expenses 2000 + 1500.50 +
    // 500 rent-a-room = 4000.50 (residential finance costs are not deducted); allowances 499: profit 27000.50, rounded down to 27000.
    expect(doc.calculation.businessProfitAndLoss).toEqual([
      expect.objectContaining({ incomeSourceId: id, incomeSourceType: 'uk-property', totalIncome: 31500, totalExpenses: 4000.5, totalDeductions: 499, taxableProfit: 27000 }),
    ]);
    expect(doc.calculation.incomeSummaryTotals).toEqual({ totalSelfEmploymentProfit: 0, totalPropertyProfit: 27000, totalUKOtherPropertyProfit: 27000, totalForeignPropertyProfit: 0 });
    // 27000 − 12570 personal allowance = 14430 at 20% = 2886; no Class 4 on property profit.
    expect(doc.calculation.taxCalculation.incomeTax.totalIncomeTaxDue).toBe(2886);
    expect(doc.calculation.taxCalculation.nics.class4Nics.totalAmount).toBe(0);
    expect(doc.calculation.taxCalculation.totalIncomeTaxAndNicsDue).toBe(2886);
  });

  it('refuses businesses that are not the taxpayer’s UK property business', async () => {
    const e = await emulator({ data: 'realistic' });
    const foreignId = await propertyBusiness(e, 'foreign-property');
    const api = client(e, await taxpayer(e), PB);
    expect((await api.put(uk(foreignId), ukCumulative())).body).toEqual({ code: 'RULE_TYPE_OF_BUSINESS_INCORRECT', message: 'The businessId is for a different type of business' });
    expect((await api.put(uk('XPIS99999999999'), ukCumulative())).status).toBe(404);
    expect((await api.get(uk(foreignId))).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
  });

  it('keeps property summaries out of Self Employment’s reads, though they share a store', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const token = await taxpayer(e);
    expect((await client(e, token, PB).put(uk(id), ukCumulative())).status).toBe(204);
    expect((await client(e, token, '5.0').get(`/individuals/business/self-employment/${NINO}/${id}/cumulative/2025-26`)).status).toBe(404);
  });

  it('validates path parameters and the body with HMRC’s codes and paths', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    expect((await api.get(uk(id, '2025-26', 'AA12'))).body).toEqual({ code: 'FORMAT_NINO', message: 'The provided NINO is invalid' });
    expect((await api.get(uk(id, '2024-25'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.get(uk('BAD', '2025'))).body.errors.map((x: { code: string }) => x.code)).toEqual(['FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR']);
    expect((await api.put(uk(id), { fromDate: '2025-04-06' })).body.code).toBe('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED');
    const bad = await api.put(uk(id), { fromDate: '2025-04-06', toDate: '2025-10-05', ukProperty: { income: { periodAmount: -1, otherIncome: 'x' }, expenses: { other: 0.001 } } });
    expect(bad.body).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Invalid request',
      errors: [
        { code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted', paths: ['/ukProperty/income/otherIncome'] },
        { code: 'FORMAT_VALUE', message: 'The value must be between 0 and 99999999999.99', paths: ['/ukProperty/income/periodAmount'] },
        { code: 'FORMAT_VALUE', message: 'The value must be between -99999999999.99 and 99999999999.99', paths: ['/ukProperty/expenses/other'] },
      ],
    });
    const both = await api.put(uk(id), { ...ukCumulative(), ukProperty: { expenses: { consolidatedExpenses: 10, travelCosts: 1 } } });
    expect(both.body).toEqual({ code: 'RULE_BOTH_EXPENSES_SUPPLIED', message: 'Both expenses and consolidatedExpenses can not be present at the same time', paths: ['/ukProperty/expenses'] });
    expect((await api.put(uk(id), { ...ukCumulative(), fromDate: '2025-11-01' })).body.code).toBe('RULE_TO_DATE_BEFORE_FROM_DATE');
  });

  it('stores a foreign property summary per country, checking ISO country codes', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'foreign-property');
    const api = client(e, await taxpayer(e), PB);
    expect((await api.put(foreign(id), foreignCumulative())).status).toBe(204);
    expect((await api.get(foreign(id))).body.foreignProperty).toEqual(foreignCumulative().foreignProperty);
    const item = foreignCumulative().foreignProperty[0]!;
    expect((await api.put(foreign(id), { ...foreignCumulative(), foreignProperty: [{ ...item, countryCode: 'XYZ' }] })).body.code).toBe('RULE_COUNTRY_CODE');
    expect((await api.put(foreign(id), { ...foreignCumulative(), foreignProperty: [{ ...item, countryCode: 'fr' }] })).body).toEqual({
      code: 'FORMAT_COUNTRY_CODE',
      message: 'The provided Country code is invalid',
      paths: ['/foreignProperty/0/countryCode'],
    });
    expect((await api.put(foreign(id), { ...foreignCumulative(), foreignProperty: [item, item] })).body.code).toBe('RULE_DUPLICATE_COUNTRY_CODE');
  });

  it('answers HMRC’s sandbox defaults and documented scenarios without storing', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), PB);
    expect((await api.put(uk('XPIS12345678901'), ukCumulative())).status).toBe(204);
    const canned = await api.get(uk('XPIS12345678901'), 'UK_PROPERTY_CONSOLIDATED');
    expect(canned.body.ukProperty.expenses.consolidatedExpenses).toBeDefined();
    expect((await api.get(uk('XPIS12345678901'), 'FOREIGN_PROPERTY')).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
    expect((await api.put(uk('XPIS12345678901'), ukCumulative(), 'OUTSIDE_AMENDMENT_WINDOW')).body.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
    expect((await api.get(uk('XPIS12345678901'), 'NO_SUCH')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
  });
});
