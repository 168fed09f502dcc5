import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { applicationToken, emulator } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, NINO, taxpayer, testSupportToken } from './income-tax-fixtures.js';

const SUPPORT = '/individuals/self-assessment-test-support';
const selfEmployment = {
  typeOfBusiness: 'self-employment',
  tradingName: 'MyBusiness Pvt Ltd',
  firstAccountingPeriodStartDate: '2020-04-06',
  firstAccountingPeriodEndDate: '2021-04-05',
  latencyDetails: { latencyEndDate: '2022-04-06', taxYear1: '2020-21', latencyIndicator1: 'A', taxYear2: '2021-22', latencyIndicator2: 'Q' },
  quarterlyTypeChoice: { quarterlyPeriodType: 'standard', taxYearOfChoice: '2023-24' },
  accountingType: 'CASH',
  commencementDate: '2020-04-06',
  businessAddressLineOne: '221b Baker Street',
  businessAddressPostcode: 'NW1 6XE',
  businessAddressCountryCode: 'GB',
};

describe('Self Assessment Test Support API 1.0', () => {
  it('creates a test business that the taxpayer’s software then sees, and deletes it', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const created = await support.post(`${SUPPORT}/business/${NINO}`, selfEmployment);
    expect(created.status).toBe(201);
    const businessId = created.body.businessId as string;
    expect(businessId).toMatch(/^XBIS\d{11}$/);
    const details = client(e, await taxpayer(e), '2.0');
    const retrieved = await details.get(`/individuals/business/details/${NINO}/${businessId}`);
    expect(retrieved.body).toMatchObject({ businessId, typeOfBusiness: 'self-employment', tradingName: 'MyBusiness Pvt Ltd', accountingPeriods: [{ start: '2020-04-06', end: '2021-04-05' }] });
    expect(retrieved.body.accountingType).toBeUndefined();

    expect((await support.delete(`${SUPPORT}/business/${NINO}/${businessId}`)).status).toBe(204);
    expect((await details.get(`/individuals/business/details/${NINO}/${businessId}`)).status).toBe(404);
    expect((await support.delete(`${SUPPORT}/business/${NINO}/${businessId}`)).body).toEqual({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' });
  });

  it('allows one property business of each type', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    expect((await support.post(`${SUPPORT}/business/${NINO}`, { typeOfBusiness: 'foreign-property' })).status).toBe(201);
    const again = await support.post(`${SUPPORT}/business/${NINO}`, { typeOfBusiness: 'foreign-property' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ code: 'RULE_PROPERTY_BUSINESS_ADDED', message: 'The provided property business is already added' });
  });

  it.each([
    [{ typeOfBusiness: 'partnership' }, 'FORMAT_TYPE_OF_BUSINESS'],
    [{ typeOfBusiness: 'uk-property', commencementDate: '2020-02-30' }, 'FORMAT_DATE'],
    [{ typeOfBusiness: 'uk-property', accountingType: 'BARTER' }, 'FORMAT_ACCOUNTING_TYPE'],
    [{ ...selfEmployment, businessAddressPostcode: 'nowhere' }, 'FORMAT_POSTCODE'],
    [{ ...selfEmployment, businessAddressCountryCode: 'GBR' }, 'FORMAT_COUNTRY_CODE'],
    [{ ...selfEmployment, latencyDetails: { ...selfEmployment.latencyDetails, latencyIndicator1: 'M' } }, 'FORMAT_LATENCY_INDICATOR'],
    [{ ...selfEmployment, latencyDetails: { ...selfEmployment.latencyDetails, taxYear2: '2021-23' } }, 'RULE_TAX_YEAR_RANGE_INVALID'],
    [{ ...selfEmployment, businessAddressPostcode: undefined }, 'MISSING_POSTCODE'],
    [{ typeOfBusiness: 'uk-property', commencementDate: '2026-06-01' }, 'RULE_COMMENCEMENT_DATE_NOT_SUPPORTED'],
    [{ typeOfBusiness: 'uk-property', firstAccountingPeriodEndDate: '2021-04-05' }, 'MISSING_FIRST_ACCOUNTING_PERIOD_START_DATE'],
    [{ typeOfBusiness: 'uk-property', firstAccountingPeriodStartDate: '2020-04-06' }, 'MISSING_FIRST_ACCOUNTING_PERIOD_END_DATE'],
    [{ typeOfBusiness: 'uk-property', firstAccountingPeriodStartDate: '2020-01-01', firstAccountingPeriodEndDate: '2020-12-31' }, 'RULE_FIRST_ACCOUNTING_DATE_RANGE_INVALID'],
    [{ typeOfBusiness: 'uk-property', businessAddressLineOne: '1 Road' }, 'RULE_UNEXPECTED_BUSINESS_ADDRESS'],
    [{ typeOfBusiness: 'uk-property', tradingName: 'Lettings' }, 'RULE_UNEXPECTED_TRADING_NAME'],
    [{ typeOfBusiness: 'self-employment', tradingName: 'Shop' }, 'RULE_MISSING_BUSINESS_ADDRESS'],
    [{ ...selfEmployment, tradingName: undefined }, 'RULE_MISSING_TRADING_NAME'],
    [{}, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    [{ ...selfEmployment, tradingName: 'x'.repeat(106) }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    [{ ...selfEmployment, businessAddressLineOne: 42 }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
  ])('refuses to create %j with %s', async (body, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await testSupportToken(e), '1.0').post(`${SUPPORT}/business/${NINO}`, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it('validates the NINO, business ID and body type', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await testSupportToken(e);
    const support = client(e, token, '1.0');
    expect((await support.post(`${SUPPORT}/business/QQ12`, selfEmployment)).body).toEqual({ code: 'FORMAT_NINO', message: 'The provided NINO is invalid' });
    expect((await support.delete(`${SUPPORT}/business/${NINO}/nope`)).body.code).toBe('FORMAT_BUSINESS_ID');
    const xml = await request(e.app).post(`${SUPPORT}/business/${NINO}`).set('Accept', 'application/vnd.hmrc.1.0+json').set('Authorization', `Bearer ${token}`).type('application/xml').send('<a/>');
    expect(xml.status).toBe(415);
    expect(xml.body.code).toBe('INVALID_BODY_TYPE');
  });

  it('deletes the vendor’s stateful data, for one NINO or all, and answers 404 when there is none', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    expect((await support.delete(`${SUPPORT}/vendor-state`)).status).toBe(404);
    await support.post(`${SUPPORT}/business/${NINO}`, { typeOfBusiness: 'uk-property' });
    await support.post(`${SUPPORT}/business/AB123456C`, { typeOfBusiness: 'uk-property' });
    expect((await support.delete(`${SUPPORT}/vendor-state?nino=${NINO}`)).status).toBe(204);
    expect(await e.context.incomeTax.hasStoredState('LocalSandboxDefaultClientId0', NINO)).toBe(false);
    expect(await e.context.incomeTax.hasStoredState('LocalSandboxDefaultClientId0', 'AB123456C')).toBe(true);
    expect((await support.delete(`${SUPPORT}/vendor-state`)).status).toBe(204);
    expect((await support.delete(`${SUPPORT}/vendor-state?nino=bad`)).body.code).toBe('FORMAT_NINO');
  });

  it('creates, lists, restores and deletes checkpoints', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const details = client(e, await taxpayer(e), '2.0');
    expect((await support.post(`${SUPPORT}/vendor-state/checkpoints?nino=${NINO}`)).status).toBe(404);
    const property = (await support.post(`${SUPPORT}/business/${NINO}`, { typeOfBusiness: 'uk-property' })).body.businessId as string;
    const checkpoint = await support.post(`${SUPPORT}/vendor-state/checkpoints?nino=${NINO}`);
    expect(checkpoint.status).toBe(201);
    const checkpointId = checkpoint.body.checkpointId as string;
    expect(checkpointId).toMatch(/^[A-Za-z0-9-]{36}$/);

    await support.delete(`${SUPPORT}/business/${NINO}/${property}`);
    expect((await details.get(`/individuals/business/details/${NINO}/list`)).status).toBe(404);

    const listed = await support.get(`${SUPPORT}/vendor-state/checkpoints?nino=${NINO}`);
    expect(listed.body).toEqual({ checkpoints: [{ checkpointId, nino: NINO, checkpointCreationTimestamp: '2026-01-15T09:00:00.000Z' }] });
    expect((await support.get(`${SUPPORT}/vendor-state/checkpoints?nino=AB123456C`)).body).toEqual({ checkpoints: [] });

    const restored = await support.post(`${SUPPORT}/vendor-state/checkpoints/${checkpointId}/restore`);
    expect(restored.status).toBe(201);
    const after = (await details.get(`/individuals/business/details/${NINO}/list`)).body.listOfBusinesses.map((b: { businessId: string }) => b.businessId);
    expect(after).toEqual([property]);

    expect((await support.delete(`${SUPPORT}/vendor-state/checkpoints/${checkpointId}`)).status).toBe(204);
    expect((await support.post(`${SUPPORT}/vendor-state/checkpoints/${checkpointId}/restore`)).status).toBe(404);
    expect((await support.delete(`${SUPPORT}/vendor-state/checkpoints/short`)).body).toEqual({ code: 'FORMAT_CHECKPOINT_ID', message: 'The provided checkpoint ID is invalid' });
    expect((await support.post(`${SUPPORT}/vendor-state/checkpoints`)).body.code).toBe('FORMAT_NINO');
  });

  it('takes an application token or a signed-up taxpayer’s token, with the self-assessment scopes', async () => {
    const e = await emulator({ data: 'realistic' });
    const unscoped = client(e, await applicationToken(e), '1.0');
    expect((await unscoped.post(`${SUPPORT}/business/${NINO}`, { typeOfBusiness: 'uk-property' })).body.code).toBe('INVALID_SCOPE');
    const anonymous = await request(e.app).delete(`${SUPPORT}/vendor-state`).set('Accept', 'application/vnd.hmrc.1.0+json');
    expect(anonymous.body.code).toBe('MISSING_CREDENTIALS');
    const userToken = client(e, await taxpayer(e), '1.0');
    expect((await userToken.post(`${SUPPORT}/business/${NINO}`, { typeOfBusiness: 'uk-property' })).status).toBe(201);
    const notSignedUp = client(e, await taxpayer(e, { userId: 'not-signed-up', enrolled: false }), '1.0');
    expect((await notSignedUp.post(`${SUPPORT}/business/${NINO}`, { typeOfBusiness: 'foreign-property' })).body).toEqual({
      code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
      message: 'The client and/or agent is not authorised',
    });
  });

  it('sets a test ITSA status that decides how cumulative summaries are checked', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const status = (value: string, submittedOn = '2025-03-23T16:02:34.039Z') => ({ itsaStatusDetails: [{ submittedOn, status: value, statusReason: 'Sign up - no return available', businessIncome2YearsPrior: 4500.23 }] });
    expect((await support.post(`${SUPPORT}/itsa-status/${NINO}/2025-26`, status('Annual'))).status).toBe(204);
    const se = client(e, await taxpayer(e), '5.0');
    const path = `/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/2025-26`;
    const withDates = await se.put(path, { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' }, periodIncome: { turnover: 10 } });
    expect(withDates.body).toEqual({ code: 'RULE_START_AND_END_DATE_NOT_ALLOWED', message: 'Start/end date not accepted for annual/latent submission' });
    expect((await se.put(path, { periodIncome: { turnover: 10 } })).status).toBe(204);
    expect((await support.post(`${SUPPORT}/itsa-status/${NINO}/2025-26`, status('MTD Voluntary', '2025-05-01T00:00:00.000Z'))).status).toBe(204);
    expect((await se.put(path, { periodIncome: { turnover: 10 } })).body.code).toBe('RULE_MISSING_SUBMISSION_DATES');
  });

  it('validates the ITSA status body with paths', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const url = `${SUPPORT}/itsa-status/${NINO}/2025-26`;
    const res = await support.post(url, { itsaStatusDetails: [{ submittedOn: '2025-03-23', status: 'Mandated', statusReason: 'Because', businessIncome2YearsPrior: -1 }] });
    expect(res.body.errors.map((x: { code: string; paths: string[] }) => [x.code, x.paths[0]])).toEqual([
      ['FORMAT_SUBMITTED_ON', '/itsaStatusDetails/0/submittedOn'],
      ['FORMAT_STATUS', '/itsaStatusDetails/0/status'],
      ['FORMAT_STATUS_REASON', '/itsaStatusDetails/0/statusReason'],
      ['FORMAT_BUSINESS_INCOME_2_YEARS_PRIOR', '/itsaStatusDetails/0/businessIncome2YearsPrior'],
    ]);
    const entry = { submittedOn: '2025-03-23T16:02:34.039Z', status: 'Annual', statusReason: 'Complex' };
    expect((await support.post(url, { itsaStatusDetails: [entry, entry] })).body.code).toBe('DUPLICATE_SUBMITTED_ON');
    expect((await support.post(url, { itsaStatusDetails: [] })).body.code).toBe('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED');
    expect((await support.post(`${SUPPORT}/itsa-status/${NINO}/2025-27`, { itsaStatusDetails: [entry] })).body).toEqual({ code: 'RULE_TAX_YEAR_RANGE_INVALID', message: 'The tax year range is invalid' });
  });

  it('replaces the unused default business with the first one created, but keeps it once used', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const details = client(e, await taxpayer(e), '2.0');
    const ids = async () => (await details.get(`/individuals/business/details/${NINO}/list`)).body.listOfBusinesses.map((b: { businessId: string }) => b.businessId);
    const first = (await support.post(`${SUPPORT}/business/${NINO}`, { typeOfBusiness: 'uk-property' })).body.businessId as string;
    expect(await ids()).toEqual([first]);

    const other = 'AB123456C';
    const se = client(e, await taxpayer(e, { userId: 'other', nino: other }), '5.0');
    await se.put(`/individuals/business/self-employment/${other}/XAIS12345600001/cumulative/2025-26`, { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' }, periodIncome: { turnover: 1 } });
    const second = (await support.post(`${SUPPORT}/business/${other}`, { typeOfBusiness: 'uk-property' })).body.businessId as string;
    const list = await client(e, await taxpayer(e, { userId: 'other-2', nino: other }), '2.0').get(`/individuals/business/details/${other}/list`);
    expect(list.body.listOfBusinesses.map((b: { businessId: string }) => b.businessId)).toEqual(['XAIS12345600001', second]);
  });
});
