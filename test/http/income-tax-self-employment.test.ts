import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { emulator, userToken } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, IT_SCOPES, NINO, taxpayer } from './income-tax-fixtures.js';

const path = (taxYear = '2025-26', businessId = DEFAULT_BUSINESS_ID, nino = NINO) => `/individuals/business/self-employment/${nino}/${businessId}/cumulative/${taxYear}`;
const summary = (periodEndDate = '2025-10-05') => ({
  periodDates: { periodStartDate: '2025-04-06', periodEndDate },
  periodIncome: { turnover: 20000.5, other: 100 },
  periodExpenses: { costOfGoods: 2000, adminCosts: 150.25 },
  periodDisallowableExpenses: { adminCostsDisallowable: 50 },
});

describe('Self Employment Business API 5.0: cumulative period summaries', () => {
  it('stores a cumulative summary and reads it back', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    const put = await api.put(path(), summary());
    expect(put.status).toBe(204);
    const get = await api.get(path());
    expect(get.status).toBe(200);
    expect(get.body).toEqual(summary());
    expect((await api.put(path(), summary('2026-01-05'), 'STATEFUL')).status).toBe(204);
    expect((await api.get(path(), 'STATEFUL')).body.periodDates.periodEndDate).toBe('2026-01-05');
  });

  it('answers 404 before anything is submitted, and for a business the taxpayer does not have', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    expect((await api.get(path())).body).toEqual({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' });
    expect((await api.put(path('2025-26', 'XAIS99999999999'), summary())).status).toBe(404);
  });

  it('validates path parameters with this API’s wording and its minimum tax year', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    expect((await api.get(path('2025-26', DEFAULT_BUSINESS_ID, 'AA12'))).body).toEqual({ code: 'FORMAT_NINO', message: 'The NINO format is invalid' });
    expect((await api.get(path('2025-27'))).body.code).toBe('RULE_TAX_YEAR_RANGE_INVALID');
    expect((await api.get(path('2024-25'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.get(path('25-26', 'BAD'))).body).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Invalid request',
      errors: [
        { code: 'FORMAT_BUSINESS_ID', message: 'The Business ID format is invalid' },
        { code: 'FORMAT_TAX_YEAR', message: 'The taxYear format is invalid' },
      ],
    });
  });

  it('rejects bodies that are not JSON, empty, or of the wrong shape', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '5.0');
    const text = await request(e.app).put(path()).set('Accept', 'application/vnd.hmrc.5.0+json').set('Authorization', `Bearer ${token}`).type('text/plain').send('hello');
    expect(text.status).toBe(415);
    expect(text.body).toEqual({ code: 'INVALID_BODY_TYPE', message: 'Expecting text/json or application/json body' });
    expect((await api.put(path(), {})).body).toEqual({ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted' });
    const wrongType = await api.put(path(), { ...summary(), periodIncome: { turnover: 'lots' } });
    expect(wrongType.body).toEqual({ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted', paths: ['/periodIncome/turnover'] });
  });

  it('reports value, date and expense errors with their paths', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    const res = await api.put(path(), {
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-13-05' },
      periodIncome: { turnover: -1, other: 10.001 },
      periodExpenses: { costOfGoods: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Invalid request',
      errors: [
        { code: 'FORMAT_END_DATE', message: 'The provided End date is invalid', paths: ['/periodDates/periodEndDate'] },
        { code: 'FORMAT_VALUE', message: 'The value must be between 0 and 99999999999.99', paths: ['/periodIncome/turnover', '/periodIncome/other'] },
      ],
    });
    const both = await api.put(path(), { ...summary(), periodExpenses: { consolidatedExpenses: 10, costOfGoods: 1 } });
    expect(both.body).toEqual({ code: 'RULE_BOTH_EXPENSES_SUPPLIED', message: 'Both expenses and consolidatedExpenses can not be present at the same time', paths: ['/periodExpenses'] });
    const backwards = await api.put(path(), { ...summary(), periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-04-05' } });
    expect(backwards.body.code).toBe('RULE_END_DATE_BEFORE_START_DATE');
  });

  it('checks the period against standard quarters and the virtual clock', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    expect((await api.put(path(), { periodIncome: { turnover: 1 } })).body.code).toBe('RULE_MISSING_SUBMISSION_DATES');
    expect((await api.put(path(), { ...summary(), periodDates: { periodStartDate: '2025-05-01', periodEndDate: '2025-07-05' } })).body.code).toBe(
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    );
    expect((await api.put(path(), summary('2025-08-31'))).body.code).toBe('RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE');
    const early = await api.put(path(), summary('2026-04-05'));
    expect(early.body).toEqual({ code: 'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED', message: 'Cannot submit data more than 10 days before end of Period' });
    e.context.clock.advance(71 * 86_400_000); // 2026-03-27: within 10 days of 5 April (the old token has expired)
    const later = client(e, await userToken(e, 'it-taxpayer', IT_SCOPES), '5.0');
    expect((await later.put(path(), summary('2026-04-05'))).status).toBe(204);
    expect((await later.put(path(), summary('2026-01-05'))).body.code).toBe('RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS');
  });

  it.each([
    ['TAX_YEAR_NOT_SUPPORTED', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['BOTH_EXPENSES_SUPPLIED', 'RULE_BOTH_EXPENSES_SUPPLIED'],
    ['START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE', 'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE'],
    ['END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE', 'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE'],
    ['MISSING_SUBMISSION_DATES', 'RULE_MISSING_SUBMISSION_DATES'],
    ['START_AND_END_DATE_NOT_ALLOWED', 'RULE_START_AND_END_DATE_NOT_ALLOWED'],
    ['EARLY_DATA_SUBMISSION_NOT_ACCEPTED', 'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED'],
    ['OUTSIDE_AMENDMENT_WINDOW', 'RULE_OUTSIDE_AMENDMENT_WINDOW'],
    ['ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE', 'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE'],
    ['SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS', 'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS'],
    ['START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE', 'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE'],
  ])('simulates Gov-Test-Scenario %s as 400 %s', async (scenario, code) => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    const res = await api.put(path(), summary(), scenario);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
    expect((await api.get(path())).status).toBe(404);
  });

  it('simulates NOT_FOUND and rejects unknown scenarios', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    expect((await api.put(path(), summary(), 'NOT_FOUND')).status).toBe(404);
    expect((await api.get(path(), 'NOT_FOUND')).status).toBe(404);
    expect((await api.get(path(), 'DYNAMIC')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
  });

  it('simulates the retrieve scenarios CONSOLIDATED_EXPENSES (a first-quarter summary) and TAX_YEAR_NOT_SUPPORTED', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '5.0');
    const consolidated = await api.get(path(), 'CONSOLIDATED_EXPENSES');
    expect(consolidated.status).toBe(200);
    expect(consolidated.body).toMatchObject({ periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' }, periodExpenses: { consolidatedExpenses: 200 } });
    const unsupported = await api.get(path(), 'TAX_YEAR_NOT_SUPPORTED');
    expect([unsupported.status, unsupported.body.code]).toEqual([400, 'RULE_TAX_YEAR_NOT_SUPPORTED']);
  });
});
