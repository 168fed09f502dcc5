import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, NINO, taxpayer, testSupportToken } from './income-tax-fixtures.js';

const list = `/individuals/business/details/${NINO}/list`;

describe('Business Details API 2.0', () => {
  it('lists the default self-employment business of a signed-up taxpayer', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '2.0');
    const res = await api.get(list);
    expect(res.status).toBe(200);
    expect(res.headers['x-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toEqual({ listOfBusinesses: [{ typeOfBusiness: 'self-employment', businessId: DEFAULT_BUSINESS_ID, tradingType: 'Plastering', tradingName: 'RCDTS' }] });
  });

  it('retrieves a business by ID and answers 404 for an unknown one', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '2.0');
    const res = await api.get(`/individuals/business/details/${NINO}/${DEFAULT_BUSINESS_ID}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ businessId: DEFAULT_BUSINESS_ID, typeOfBusiness: 'self-employment', businessAddressPostcode: 'M1 1AG' });
    const missing = await api.get(`/individuals/business/details/${NINO}/XAIS99999999999`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' });
  });

  it('shows businesses created through the test-support API, statefully', async () => {
    const e = await emulator();
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
    const e = await emulator();
    const res = await client(e, await taxpayer(e), '2.0').get(list, scenario);
    expect(res.status).toBe(200);
    expect(res.body.listOfBusinesses.map((b: { typeOfBusiness: string }) => b.typeOfBusiness)).toEqual(types);
  });

  it('answers the DYNAMIC retrieve scenario by magic business ID', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get(`/individuals/business/details/${NINO}/XFIS12345678901`, 'DYNAMIC')).body.typeOfBusiness).toBe('foreign-property');
    expect((await api.get(`/individuals/business/details/${NINO}/XPIS12345678901`, 'PROPERTY')).body.typeOfBusiness).toBe('uk-property');
    expect((await api.get(`/individuals/business/details/${NINO}/XAIS12345678902`, 'DYNAMIC')).status).toBe(404);
  });

  it('answers NOT_FOUND and rejects unknown scenarios', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get(list, 'NOT_FOUND')).body).toEqual({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' });
    const bad = await api.get(list, 'NOPE');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: 'RULE_INCORRECT_GOV_TEST_SCENARIO', message: 'The supplied Gov-Test-Scenario is not valid' });
  });

  it('validates the NINO and business ID formats', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get('/individuals/business/details/NOTANINO/list')).body).toEqual({ code: 'FORMAT_NINO', message: 'The provided NINO is invalid' });
    const res = await api.get(`/individuals/business/details/${NINO}/BAD-ID`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'FORMAT_BUSINESS_ID', message: 'The provided Business ID is invalid' });
  });

  it('reports several format errors at once as INVALID_REQUEST', async () => {
    const e = await emulator();
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
    const e = await emulator();
    const token = await taxpayer(e);
    expect((await client(e, token, '1.0').get(list)).status).toBe(404);
    const support = await testSupportToken(e);
    expect((await client(e, support, '2.0').get(list)).body.code).toBe('INCORRECT_ACCESS_TOKEN_TYPE');
  });
});
