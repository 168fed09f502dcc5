import { describe, expect, it } from 'vitest';
import { emulator, userToken } from '../support.js';
import { client, IT_SCOPES, NINO, taxpayer } from './income-tax-fixtures.js';
import { PB, PROPERTY, propertyBusiness } from './income-tax-property-fixtures.js';

const details = (businessId: string, taxYear = '2026-27') => `${PROPERTY}/foreign/${NINO}/${businessId}/details/${taxYear}`;
const update = (propertyId: string, taxYear = '2026-27') => `${PROPERTY}/foreign/${NINO}/details/${propertyId}/${taxYear}`;

describe('Property Business API 6.0: foreign property details (2026-27 on)', () => {
  it('creates, lists and updates a foreign property, whose ID then names it in cumulative summaries', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'foreign-property');
    const api = client(e, await taxpayer(e), PB);
    const created = await api.post(details(id), { propertyName: 'Villa Rosa', countryCode: 'ITA' });
    expect(created.status).toBe(200);
    const propertyId = created.body.propertyId as string;
    expect((await api.post(details(id), { propertyName: 'villa rosa ', countryCode: 'ITA' })).body.code).toBe('RULE_DUPLICATE_PROPERTY_NAME');
    expect((await api.get(details(id))).body).toEqual({ foreignPropertyDetails: [{ submittedOn: '2026-01-15T09:00:00.000Z', propertyId, propertyName: 'Villa Rosa', countryCode: 'ITA' }] });
    expect((await api.put(update(propertyId), { propertyName: 'Villa Bianca', endDate: '2026-12-31', endReason: 'disposal' })).status).toBe(204);
    expect((await api.get(`${details(id)}?propertyId=${propertyId}`)).body.foreignPropertyDetails[0]).toEqual(expect.objectContaining({ propertyName: 'Villa Bianca', endDate: '2026-12-31', endReason: 'disposal' }));
    expect((await api.get(details(id, '2027-28'))).status).toBe(404);

    const cumulative = (pid: string) => ({ fromDate: '2026-04-06', toDate: '2026-07-05', foreignProperty: [{ propertyId: pid, income: { rentIncome: { rentAmount: 100 } } }] });
    e.context.clock.advance(200 * 86_400_000); // 2026-08-03: the first quarter of 2026-27 has ended
    const path = `${PROPERTY}/foreign/${NINO}/${id}/cumulative/2026-27`;
    const later = client(e, await userToken(e, 'it-taxpayer', IT_SCOPES), PB); // the first token has expired
    expect((await later.put(path, cumulative('00000000-0000-4000-8000-000000000000'))).body.code).toBe('RULE_PROPERTY_ID_MISMATCH');
    expect((await later.put(path, cumulative(propertyId))).status).toBe(204);
  });

  it('checks end details, the tax year and the body', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'foreign-property');
    const api = client(e, await taxpayer(e), PB);
    expect((await api.post(details(id), { propertyName: 'A', countryCode: 'ITA', endDate: '2026-05-01' })).body.code).toBe('RULE_MISSING_END_DETAILS');
    expect((await api.post(details(id), { propertyName: 'A', countryCode: 'ITA', endDate: '2027-05-01', endReason: 'disposal' })).body.code).toBe('RULE_END_DATE_AFTER_TAX_YEAR_END');
    expect((await api.post(details(id), { propertyName: '', countryCode: 'ITA' })).body).toEqual({ code: 'FORMAT_PROPERTY_NAME', message: 'The provided property name is invalid', paths: ['/propertyName'] });
    expect((await api.post(details(id, '2025-26'), { propertyName: 'A', countryCode: 'ITA' })).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.put(update('nope'), { propertyName: 'A' })).body).toEqual({ code: 'FORMAT_PROPERTY_ID', message: 'The provided property ID is invalid' });
  });

  it('answers HMRC’s sandbox scenarios', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), PB);
    expect((await api.get(details('XFIS12345678901'))).body.foreignPropertyDetails).toHaveLength(1);
    expect((await api.post(details('XFIS12345678901'), { propertyName: 'A', countryCode: 'ITA' }, 'PROPERTY_BUSINESS_CEASED')).body.code).toBe('RULE_PROPERTY_BUSINESS_CEASED');
  });
});
