import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, NINO, taxpayer } from './income-tax-fixtures.js';
import { PB, PROPERTY, propertyBusiness } from './income-tax-property-fixtures.js';

const FHL = 'furnished-holiday-lettings';
const NON_FHL = 'non-furnished-holiday-lettings';
const annual = (kind: string, taxYear = '2020-21') => `${PROPERTY}/uk/annual/${kind}/${NINO}/${taxYear}`;
const periods = (kind: string, rest = '') => `${PROPERTY}/uk/period/${kind}/${NINO}${rest}`;

describe('Property Business API 6.0: historic FHL and non-FHL submissions (2017-18 to 2021-22)', () => {
  it('stores, reads back and deletes a historic annual submission', async () => {
    const e = await emulator({ data: 'realistic' });
    await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    const body = { annualAdjustments: { lossBroughtForward: 100, periodOfGraceAdjustment: false, nonResidentLandlord: false }, annualAllowances: { propertyIncomeAllowance: 200 } };
    expect((await api.put(annual(FHL), body)).status).toBe(200);
    expect((await api.get(annual(FHL))).body).toEqual(body);
    expect((await api.get(annual(NON_FHL))).status).toBe(404);
    expect((await api.delete(annual(FHL))).status).toBe(204);
    expect((await api.get(annual(FHL))).status).toBe(404);
    expect((await api.get(annual(FHL, '2022-23'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
  });

  it('creates contiguous historic periods (FHL answers 201, non-FHL 200), lists, retrieves and amends them', async () => {
    const e = await emulator({ data: 'realistic' });
    await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    const period = { fromDate: '2019-04-06', toDate: '2019-07-05', income: { periodAmount: 1000 }, expenses: { consolidatedExpenses: 100 } };
    expect((await api.post(periods(FHL), period)).body).toEqual({ periodId: '2019-04-06_2019-07-05' });
    expect((await api.post(periods(FHL), period)).body.code).toBe('RULE_DUPLICATE_SUBMISSION');
    expect((await api.post(periods(NON_FHL), period)).status).toBe(200);
    expect((await api.post(periods(FHL), { ...period, fromDate: '2022-04-06', toDate: '2022-07-05' })).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.get(periods(FHL))).body).toEqual({ submissions: [{ periodId: '2019-04-06_2019-07-05', fromDate: '2019-04-06', toDate: '2019-07-05' }] });
    expect((await api.put(periods(FHL, '/2019-04-06_2019-07-05'), { income: { periodAmount: 1200 } })).status).toBe(200);
    expect((await api.get(periods(FHL, '/2019-04-06_2019-07-05'))).body).toEqual({ fromDate: '2019-04-06', toDate: '2019-07-05', income: { periodAmount: 1200 } });
    expect((await api.get(periods(FHL, '/2019-04-06'))).body).toEqual({ code: 'FORMAT_PERIOD_ID', message: 'The provided period id is invalid' });
  });

  it('needs a UK property business for stateful submissions', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), PB);
    expect((await api.post(periods(FHL), { fromDate: '2019-04-06', toDate: '2019-07-05', income: { periodAmount: 1 } })).status).toBe(404);
  });

  it('answers HMRC’s sandbox scenarios', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), PB);
    expect((await api.get(periods(NON_FHL))).body.submissions).toHaveLength(2);
    expect((await api.get(periods(NON_FHL), 'EMPTY')).body).toEqual({ submissions: [] });
    expect((await api.get(periods(FHL, '/2019-04-06_2019-07-05'), 'CONSOLIDATED')).body.expenses).toEqual({ consolidatedExpenses: 300 });
    expect((await api.delete(annual(NON_FHL), 'DELETE')).status).toBe(204);
    expect((await api.delete(annual(NON_FHL), 'NOT_FOUND')).status).toBe(404);
  });
});
