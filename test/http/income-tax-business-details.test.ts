import { describe, expect, it } from 'vitest';
import { emulator, userToken } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, IT_SCOPES, NINO, taxpayer, testSupportToken } from './income-tax-fixtures.js';

const list = `/individuals/business/details/${NINO}/list`;

describe('Business Details API 2.0', () => {
  it('lists the default self-employment business of a signed-up taxpayer', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    const res = await api.get(list);
    expect(res.status).toBe(200);
    expect(res.headers['x-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toEqual({ listOfBusinesses: [{ typeOfBusiness: 'self-employment', businessId: DEFAULT_BUSINESS_ID, tradingType: 'Plastering', tradingName: 'RCDTS' }] });
  });

  it('retrieves a business by ID and answers 404 NO_BUSINESS_FOUND for an unknown one', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    const res = await api.get(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ businessId: DEFAULT_BUSINESS_ID, typeOfBusiness: 'self-employment', businessAddressPostcode: 'M1 1AG' });
    const missing = await api.get(`/individuals/business/details/${NINO}/XAIS99999999999`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'NO_BUSINESS_FOUND', message: 'No business found for given NINO and Business ID' });
  });

  it('shows businesses created through the test-support API, statefully', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    const support = client(e, await testSupportToken(e), '1.0');
    const created = await support.post(`/individuals/self-assessment-test-support/business/${NINO}`, { typeOfBusiness: 'uk-property', commencementDate: '2020-04-06' });
    expect(created.status).toBe(201);
    const { businessId } = created.body as { businessId: string };
    expect(businessId).toMatch(/^XPIS\d{11}$/);
    const res = await api.get(list, 'STATEFUL');
    expect(res.body.listOfBusinesses).toContainEqual({ typeOfBusiness: 'uk-property', businessId });
    expect((await api.get(`/individuals/business/details/${NINO}/${businessId}`)).body).toEqual({ businessId, typeOfBusiness: 'uk-property', commencementDate: '2020-04-06' });
  });

  it.each([
    ['PROPERTY', ['uk-property']],
    ['FOREIGN_PROPERTY', ['foreign-property']],
    ['BUSINESS_AND_PROPERTY', ['self-employment', 'uk-property', 'foreign-property']],
    ['UNSPECIFIED', ['property-unspecified']],
  ])('lists canned businesses for Gov-Test-Scenario %s', async (scenario, types) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '2.0').get(list, scenario);
    expect(res.status).toBe(200);
    expect(res.body.listOfBusinesses.map((b: { typeOfBusiness: string }) => b.typeOfBusiness)).toEqual(types);
  });

  it('answers the DYNAMIC retrieve scenario by magic business ID', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get(`/individuals/business/details/${NINO}/XFIS12345678901`, 'DYNAMIC')).body.typeOfBusiness).toBe('foreign-property');
    expect((await api.get(`/individuals/business/details/${NINO}/XPIS12345678901`, 'PROPERTY')).body.typeOfBusiness).toBe('uk-property');
    expect((await api.get(`/individuals/business/details/${NINO}/XAIS12345678902`, 'DYNAMIC')).status).toBe(404);
  });

  it('answers NOT_FOUND and rejects unknown scenarios', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get(list, 'NOT_FOUND')).body).toEqual({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' });
    const bad = await api.get(list, 'NOPE');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: 'RULE_INCORRECT_GOV_TEST_SCENARIO', message: 'The supplied Gov-Test-Scenario is not valid' });
  });

  it('validates the NINO and business ID formats', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get('/individuals/business/details/NOTANINO/list')).body).toEqual({ code: 'FORMAT_NINO', message: 'The provided NINO is invalid' });
    const res = await api.get(`/individuals/business/details/${NINO}/BAD-ID`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'FORMAT_BUSINESS_ID', message: 'The provided Business ID is invalid' });
  });

  it('reports several format errors at once as INVALID_REQUEST', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    const res = await api.get('/individuals/business/details/NOTANINO/BAD-ID');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Invalid request',
      errors: [
        { code: 'FORMAT_NINO', message: 'The provided NINO is invalid' },
        { code: 'FORMAT_BUSINESS_ID', message: 'The provided Business ID is invalid' },
      ],
    });
  });

  it('needs version 2.0 and the read:self-assessment scope', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    expect((await client(e, token, '1.0').get(list)).status).toBe(404);
    const support = await testSupportToken(e);
    expect((await client(e, support, '2.0').get(list)).body.code).toBe('INCORRECT_ACCESS_TOKEN_TYPE');
  });

  it('sets calendar quarters for the current year, which obligations and cumulative summaries then follow', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '2.0');
    const put = await api.put(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2025-26`, { quarterlyPeriodType: 'calendar' });
    expect(put.status).toBe(204);
    expect((await api.get(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}`)).body.quarterlyTypeChoice).toEqual({ quarterlyPeriodType: 'calendar', taxYearOfChoice: '2025-26' });
    const obligations = (await client(e, token, '3.0').get(`/obligations/details/${NINO}/income-and-expenditure?fromDate=2025-04-06&toDate=2026-04-05`)).body.obligations[0]
      .obligationDetails;
    expect(obligations.map((o: { periodStartDate: string; periodEndDate: string; dueDate: string }) => [o.periodStartDate, o.periodEndDate, o.dueDate])).toEqual([
      ['2025-04-01', '2025-06-30', '2025-08-05'],
      ['2025-04-01', '2025-09-30', '2025-11-05'],
      ['2025-04-01', '2025-12-31', '2026-02-05'],
      ['2025-04-01', '2026-03-31', '2026-05-05'],
    ]);
    const se = client(e, token, '5.0');
    const path = `/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/2025-26`;
    expect((await se.put(path, { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-10-05' }, periodIncome: { turnover: 1 } })).body.code).toBe(
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    );
    expect((await se.put(path, { periodDates: { periodStartDate: '2025-04-01', periodEndDate: '2025-12-31' }, periodIncome: { turnover: 1 } })).status).toBe(204);
    const again = await api.put(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2025-26`, { quarterlyPeriodType: 'standard' });
    expect(again.body).toEqual({ code: 'RULE_BUSINESS_ID_STATE_CONFLICT', message: 'The request conflicts with the current state of the business ID' });
  });

  it('refuses a quarterly period type for another year, an unknown business or a bad body', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    const other = await api.put(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2024-25`, { quarterlyPeriodType: 'calendar' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('RULE_REQUEST_CANNOT_BE_FULFILLED');
    const unknown = await api.put(`/individuals/business/details/${NINO}/XAIS99999999999/2025-26`, { quarterlyPeriodType: 'calendar' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'RULE_BUSINESS_ID_NOT_FOUND', message: 'The business ID provided is not found' });
    expect((await api.put(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2025-26`, { quarterlyPeriodType: 'monthly' })).body).toEqual({
      code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      message: 'An empty or non-matching body was submitted',
      paths: ['/quarterlyPeriodType'],
    });
    expect((await api.put(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2025-26`, { quarterlyPeriodType: 'standard' }, 'QUARTERLY_PERIOD_UPDATING')).body.code).toBe(
      'RULE_QUARTERLY_PERIOD_UPDATING',
    );
  });

  it('reads and updates the accounting type per tax year, until the final declaration', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '2.0');
    const url = (taxYear: string) => `/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/${taxYear}/accounting-type`;
    expect((await api.get(url('2024-25'))).body).toEqual({ accountingType: 'CASH' });
    expect((await api.put(url('2024-25'), { accountingType: 'ACCRUAL' })).status).toBe(204);
    expect((await api.get(url('2024-25'))).body).toEqual({ accountingType: 'ACCRUAL' });
    expect((await api.get(url('2025-26'))).body).toEqual({ accountingType: 'CASH' });
    expect((await api.put(url('2023-24'), { accountingType: 'CASH' })).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.put(url('2024-25'), { accountingType: 'ACCRUALS' })).body.code).toBe('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED');
    expect((await api.put(url('2024-25'), { accountingType: 'CASH' }, 'OUTSIDE_AMENDMENT_WINDOW')).body.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
    expect((await api.get(url('2024-25'), 'NOT_FOUND')).status).toBe(404);

    const calc = client(e, token, '8.0');
    const id = (await calc.post(`/individuals/calculations/${NINO}/self-assessment/2024-25/trigger/intent-to-finalise`)).body.calculationId as string;
    e.context.clock.advance(5000);
    const later = client(e, await userToken(e, 'it-taxpayer', IT_SCOPES), '8.0');
    expect((await later.post(`/individuals/calculations/${NINO}/self-assessment/2024-25/${id}/final-declaration`)).status).toBe(204);
    expect((await api.put(url('2024-25'), { accountingType: 'CASH' })).body).toEqual({ code: 'RULE_OUTSIDE_AMENDMENT_WINDOW', message: 'You are outside the amendment window' });
  });

  it('reads ACCRUALS given to the test-support API as ACCRUAL', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const { businessId } = (await support.post(`/individuals/self-assessment-test-support/business/${NINO}`, { typeOfBusiness: 'uk-property', accountingType: 'ACCRUALS' })).body as { businessId: string };
    const res = await client(e, await taxpayer(e), '2.0').get(`/individuals/business/details/${NINO}/${businessId}/2025-26/accounting-type`);
    expect(res.body).toEqual({ accountingType: 'ACCRUAL' });
  });

  it('stores periods of account for a self-employment business and reads them back', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    const url = `/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2025-26/periods-of-account`;
    expect((await api.get(url)).status).toBe(404);
    const dates = [
      { startDate: '2025-04-06', endDate: '2025-09-30' },
      { startDate: '2025-10-01', endDate: '2026-04-05' },
    ];
    expect((await api.put(url, { periodsOfAccount: true, periodsOfAccountDates: dates })).status).toBe(204);
    expect((await api.get(url)).body).toEqual({ submittedOn: '2026-01-15T09:00:00.000Z', periodsOfAccount: true, periodsOfAccountDates: dates });
    expect((await api.put(url, { periodsOfAccount: false })).status).toBe(204);
    expect((await api.get(url)).body).toEqual({ submittedOn: '2026-01-15T09:00:00.000Z', periodsOfAccount: false });
    expect((await api.get(url, 'NO_PERIODS_OF_ACCOUNT')).body.periodsOfAccount).toBe(false);
  });

  it.each([
    [{ periodsOfAccount: 'yes' }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    [{ periodsOfAccount: true }, 'RULE_PERIODS_OF_ACCOUNT'],
    [{ periodsOfAccount: false, periodsOfAccountDates: [{ startDate: '2025-04-06', endDate: '2026-04-05' }] }, 'RULE_PERIODS_OF_ACCOUNT'],
    [{ periodsOfAccount: true, periodsOfAccountDates: [{ startDate: '2025-4-6', endDate: '2026-04-05' }] }, 'FORMAT_START_DATE'],
    [{ periodsOfAccount: true, periodsOfAccountDates: [{ startDate: '2025-10-01', endDate: '2025-09-30' }] }, 'RULE_END_DATE_BEFORE_START_DATE'],
    [{ periodsOfAccount: true, periodsOfAccountDates: [{ startDate: '2026-04-06', endDate: '2026-05-01' }] }, 'INVALID_REQUEST'],
    [{ periodsOfAccount: true, periodsOfAccountDates: [{ startDate: '2025-04-06', endDate: '2026-06-01' }] }, 'RULE_END_DATE'],
    [
      { periodsOfAccount: true, periodsOfAccountDates: [{ startDate: '2025-04-06', endDate: '2025-10-01' }, { startDate: '2025-09-30', endDate: '2026-04-05' }] },
      'RULE_PERIODS_OVERLAP',
    ],
  ])('refuses periods of account %j with %s', async (body, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '2.0').put(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2025-26/periods-of-account`, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it('answers 404 for periods of account of a property business, and the documented scenarios', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const { businessId } = (await support.post(`/individuals/self-assessment-test-support/business/${NINO}`, { typeOfBusiness: 'uk-property' })).body as { businessId: string };
    const api = client(e, await taxpayer(e), '2.0');
    const body = { periodsOfAccount: false };
    expect((await api.put(`/individuals/business/details/${NINO}/${businessId}/2025-26/periods-of-account`, body)).status).toBe(404);
    const url = `/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2025-26/periods-of-account`;
    expect((await api.put(url, body, 'CESSATION_DATE')).body.code).toBe('RULE_CESSATION_DATE');
    expect((await api.put(url, body, 'OUTSIDE_AMENDMENT_WINDOW')).body.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
    expect((await api.put(url, body, 'NOT_FOUND')).status).toBe(404);
    expect((await api.put(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2023-24/periods-of-account`, body)).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
  });

  it('disapplies the late accounting date rule for five years when the accounting date is 31 March to 4 April, and withdraws it', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    const base = (taxYear: string) => `/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/${taxYear}/late-accounting-date-rule-election`;
    expect((await api.get(base('2024-25'))).body).toEqual({ disapply: false, eligible: false });
    expect((await api.post(`${base('2024-25')}/disapply`)).body).toEqual({
      code: 'RULE_NO_ACCOUNTING_DATE_FOUND',
      message: 'Cannot disapply LADR. No Accounting Date found between 31 March and 4 April inclusive',
    });
    const periods = { periodsOfAccount: true, periodsOfAccountDates: [{ startDate: '2024-04-01', endDate: '2025-03-31' }] };
    expect((await api.put(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2024-25/periods-of-account`, periods)).status).toBe(204);
    expect((await api.post(`${base('2024-25')}/disapply`)).status).toBe(204);
    expect((await api.get(base('2024-25'))).body).toEqual({ disapply: true, eligible: true, taxYearOfElection: '2024-25', taxYearElectionExpires: '2028-29' });
    expect((await api.get(base('2026-27'))).body.disapply).toBe(true);
    expect((await api.post(`${base('2024-25')}/disapply`)).body.code).toBe('RULE_ELECTION_PERIOD_NOT_EXPIRED');
    expect((await api.post(`${base('2025-26')}/disapply`)).body.code).toBe('RULE_TAX_YEAR_NOT_ENDED');
    expect((await api.delete(`${base('2025-26')}/withdraw`)).body.code).toBe('RULE_TAX_YEAR_NOT_ENDED');
    expect((await api.delete(`${base('2024-25')}/withdraw`)).status).toBe(204);
    expect((await api.get(base('2024-25'))).body.disapply).toBe(false);
    expect((await api.delete(`${base('2024-25')}/withdraw`)).status).toBe(404);
  });

  it.each([
    ['NO_ACCOUNTING_DATE_FOUND', 422, 'RULE_NO_ACCOUNTING_DATE_FOUND'],
    ['ELECTION_PERIOD_NOT_EXPIRED', 422, 'RULE_ELECTION_PERIOD_NOT_EXPIRED'],
    ['OUTSIDE_AMENDMENT_WINDOW', 400, 'RULE_OUTSIDE_AMENDMENT_WINDOW'],
    ['TYPE_OF_BUSINESS_INCORRECT', 422, 'RULE_TYPE_OF_BUSINESS_INCORRECT'],
    ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
  ])('simulates the disapply scenario %s as %i %s', async (scenario, status, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '2.0').post(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}/2024-25/late-accounting-date-rule-election/disapply`, undefined, scenario);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });
});

describe('Business Details API 1.0 (retired)', () => {
  it('answers 410 Gone with no body on the one path HMRC keeps for it, and serves none of 2.0 under 1.0', async () => {
    const e = await emulator();
    const token = await taxpayer(e);
    const retired = await client(e, token, '1.0').get('/individuals/business/details/retired');
    expect(retired.status).toBe(410);
    expect(retired.text).toBe('');
    expect((await client(e, token, '1.0').get(list)).body.code).toBe('MATCHING_RESOURCE_NOT_FOUND');
    expect((await client(e, token, '2.0').get('/individuals/business/details/retired')).status).toBe(404);
    expect((await client(e, token, '2.0').get(list)).status).toBe(200);
  });
});
