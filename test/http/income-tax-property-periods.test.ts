import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, NINO, taxpayer, testSupportToken } from './income-tax-fixtures.js';
import { PB, PROPERTY, propertyBusiness } from './income-tax-property-fixtures.js';

const uk = (businessId: string, taxYear = '2024-25', rest = '') => `${PROPERTY}/uk/${NINO}/${businessId}/period/${taxYear}${rest}`;
const foreign = (businessId: string, taxYear = '2024-25', rest = '') => `${PROPERTY}/foreign/${NINO}/${businessId}/period/${taxYear}${rest}`;
const list = (businessId: string, taxYear = '2024-25') => `${PROPERTY}/${NINO}/${businessId}/period/${taxYear}`;
const quarter = (fromDate: string, toDate: string) => ({ fromDate, toDate, ukNonFhlProperty: { income: { periodAmount: 3000 }, expenses: { consolidatedExpenses: 500 } } });

describe('Property Business API 6.0: period summaries (2022-23 to 2024-25)', () => {
  it('creates contiguous UK periods, lists, retrieves and amends them, and fulfils the obligations they cover', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const token = await taxpayer(e);
    const api = client(e, token, PB);
    const first = await api.post(uk(id), quarter('2024-04-06', '2024-07-05'));
    expect(first.status).toBe(201);
    const submissionId = first.body.submissionId as string;
    expect(submissionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await api.post(uk(id), quarter('2024-04-06', '2024-07-05'))).body.code).toBe('RULE_DUPLICATE_SUBMISSION');
    expect((await api.post(uk(id), quarter('2024-06-01', '2024-09-05'))).body.code).toBe('RULE_OVERLAPPING_PERIOD');
    expect((await api.post(uk(id), quarter('2024-08-01', '2024-10-05'))).body.code).toBe('RULE_NOT_CONTIGUOUS_PERIOD');
    expect((await api.post(uk(id), quarter('2024-07-06', '2025-05-05'))).body.code).toBe('RULE_MISALIGNED_PERIOD');
    expect((await api.get(list(id))).body).toEqual({ submissions: [{ submissionId, fromDate: '2024-04-06', toDate: '2024-07-05' }] });
    const amended = { ukNonFhlProperty: { income: { periodAmount: 3500 }, expenses: { consolidatedExpenses: 400 } } };
    expect((await api.put(uk(id, '2024-25', `/${submissionId}`), amended)).status).toBe(200);
    expect((await api.get(uk(id, '2024-25', `/${submissionId}`))).body).toEqual({ submittedOn: '2026-01-15T09:00:00.000Z', fromDate: '2024-04-06', toDate: '2024-07-05', ...amended });
    const obligations = client(e, token, '3.0');
    const res = await obligations.get(`/obligations/details/${NINO}/income-and-expenditure?typeOfBusiness=uk-property&businessId=${id}&fromDate=2024-04-06&toDate=2025-04-05`);
    expect(res.body.obligations[0].obligationDetails[0]).toEqual(expect.objectContaining({ periodEndDate: '2024-07-05', status: 'fulfilled' }));
    expect(res.body.obligations[0].obligationDetails[1]).toEqual(expect.objectContaining({ periodEndDate: '2024-10-05', status: 'open' }));
  });

  it('is covered by SA Test Support checkpoints and vendor-state reset', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    const support = client(e, await testSupportToken(e), '1.0');
    await api.post(uk(id), quarter('2024-04-06', '2024-07-05'));
    const checkpoint = (await support.post(`/individuals/self-assessment-test-support/vendor-state/checkpoints?nino=${NINO}`)).body.checkpointId as string;
    await api.post(uk(id), quarter('2024-07-06', '2024-10-05'));
    expect((await api.get(list(id))).body.submissions).toHaveLength(2);
    expect((await support.post(`/individuals/self-assessment-test-support/vendor-state/checkpoints/${checkpoint}/restore`)).status).toBe(201);
    expect((await api.get(list(id))).body.submissions).toHaveLength(1);
    expect((await support.delete(`/individuals/self-assessment-test-support/vendor-state?nino=${NINO}`)).status).toBe(204);
    expect((await api.get(list(id))).status).toBe(404);
  });

  it('refuses tax years outside 2022-23 to 2024-25 and malformed submission IDs', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    expect((await api.post(uk(id, '2025-26'), quarter('2025-04-06', '2025-07-05'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.get(uk(id, '2021-22', '/4557ecb5-fd32-48cc-81f5-e6acd1099f3c'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.get(uk(id, '2024-25', '/not-an-id'))).body).toEqual({ code: 'FORMAT_SUBMISSION_ID', message: 'The provided Submission ID is invalid' });
    expect((await api.post(uk(id), { fromDate: '2024-04-06' })).body).toEqual({ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted', paths: ['/toDate'] });
  });

  it('creates a foreign period with FHL EEA and per-country sections', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'foreign-property');
    const api = client(e, await taxpayer(e), PB);
    const body = {
      fromDate: '2024-04-06',
      toDate: '2024-07-05',
      foreignFhlEea: { income: { rentAmount: 500 }, expenses: { consolidatedExpenses: 50 } },
      foreignNonFhlProperty: [{ countryCode: 'DEU', income: { rentIncome: { rentAmount: 900 }, foreignTaxCreditRelief: true } }],
    };
    const created = await api.post(foreign(id), body);
    expect(created.status).toBe(201);
    expect((await api.get(foreign(id, '2024-25', `/${created.body.submissionId}`))).body).toEqual({ submittedOn: '2026-01-15T09:00:00.000Z', ...body });
    const missing = await api.post(foreign(id), { ...body, fromDate: '2024-07-06', toDate: '2024-10-05', foreignNonFhlProperty: [{ countryCode: 'DEU' }] });
    expect(missing.body).toEqual({ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted', paths: ['/foreignNonFhlProperty/0/income'] });
  });

  it('answers HMRC’s sandbox scenarios', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), PB);
    const id = 'XPIS12345678901';
    const submission = '/4557ecb5-fd32-48cc-81f5-e6acd1099f3c';
    expect((await api.post(uk(id), quarter('2024-04-06', '2024-07-05'))).status).toBe(201);
    expect((await api.get(uk(id, '2024-25', submission))).status).toBe(404);
    expect(Object.keys((await api.get(uk(id, '2024-25', submission), 'UK_PROPERTY')).body)).toEqual(['submittedOn', 'fromDate', 'toDate', 'ukFhlProperty', 'ukNonFhlProperty']);
    expect((await api.get(foreign(id, '2024-25', submission), 'FOREIGN_NON_FHL_CONSOLIDATED')).body.foreignNonFhlProperty[0].expenses).toEqual({ consolidatedExpenses: 300 });
    expect((await api.post(uk(id), quarter('2024-04-06', '2024-07-05'), 'OVERLAPPING')).body.code).toBe('RULE_OVERLAPPING_PERIOD');
    expect((await api.get(list(id))).body.submissions).toHaveLength(2);
  });
});
