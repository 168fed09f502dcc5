import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, NINO, taxpayer } from './income-tax-fixtures.js';
import { PB, PROPERTY, propertyBusiness } from './income-tax-property-fixtures.js';

const uk = (businessId: string, taxYear = '2025-26') => `${PROPERTY}/uk/${NINO}/${businessId}/annual/${taxYear}`;
const foreign = (businessId: string, taxYear = '2025-26') => `${PROPERTY}/foreign/${NINO}/${businessId}/annual/${taxYear}`;
const remove = (businessId: string, taxYear = '2025-26') => `${PROPERTY}/${NINO}/${businessId}/annual/${taxYear}`;
const building = { amount: 100, building: { name: 'Oak House', postcode: 'GF49JH' } };
const ukAnnual = {
  ukProperty: {
    adjustments: { balancingCharge: 50, nonResidentLandlord: false, rentARoom: { jointlyLet: true } },
    allowances: { annualInvestmentAllowance: 1000, structuredBuildingAllowance: [building] },
  },
};

describe('Property Business API 6.0: annual submissions', () => {
  it('stores, reads back and deletes a UK property annual submission', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    expect((await api.get(uk(id))).status).toBe(404);
    expect((await api.put(uk(id), ukAnnual)).status).toBe(200);
    expect((await api.get(uk(id))).body).toEqual({ submittedOn: '2026-01-15T09:00:00.000Z', ...ukAnnual });
    expect((await api.delete(remove(id))).status).toBe(204);
    expect((await api.delete(remove(id))).status).toBe(404);
  });

  it('accepts FHL sections before 2025-26 only', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    const fhl = { ukFhlProperty: { adjustments: { periodOfGraceAdjustment: false, nonResidentLandlord: false }, allowances: { otherCapitalAllowance: 10 } } };
    expect((await api.put(uk(id, '2024-25'), fhl)).status).toBe(200);
    expect((await api.put(uk(id), fhl)).body.code).toBe('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED');
    expect((await api.get(uk(id, '2021-22'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
  });

  it('checks allowances and buildings with HMRC’s rules', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'uk-property');
    const api = client(e, await taxpayer(e), PB);
    const both = await api.put(uk(id), { ukProperty: { allowances: { propertyIncomeAllowance: 100, annualInvestmentAllowance: 1 } } });
    expect(both.body).toEqual({ code: 'RULE_BOTH_ALLOWANCES_SUPPLIED', message: 'Both allowances and property allowances must not be present at the same time', paths: ['/ukProperty/allowances'] });
    const privateUse = await api.put(uk(id), { ukProperty: { adjustments: { privateUseAdjustment: 1, nonResidentLandlord: false }, allowances: { propertyIncomeAllowance: 100 } } });
    expect(privateUse.body.code).toBe('RULE_PROPERTY_INCOME_ALLOWANCE');
    expect((await api.put(uk(id), { ukProperty: { allowances: { propertyIncomeAllowance: 1000.01 } } })).body).toEqual({
      code: 'FORMAT_VALUE',
      message: 'The value must be between 0 and 1000',
      paths: ['/ukProperty/allowances/propertyIncomeAllowance'],
    });
    const noName = await api.put(uk(id), { ukProperty: { allowances: { structuredBuildingAllowance: [{ amount: 1, building: { postcode: 'GF49JH' } }] } } });
    expect(noName.body).toEqual({ code: 'RULE_BUILDING_NAME_NUMBER', message: 'Postcode must be supplied along with at least one of name or number', paths: ['/ukProperty/allowances/structuredBuildingAllowance/0/building'] });
  });

  it('stores a foreign property annual submission per country', async () => {
    const e = await emulator({ data: 'realistic' });
    const id = await propertyBusiness(e, 'foreign-property');
    const api = client(e, await taxpayer(e), PB);
    const body = { foreignProperty: [{ countryCode: 'ESP', allowances: { propertyIncomeAllowance: 1000 } }] };
    expect((await api.put(foreign(id), body)).status).toBe(200);
    expect((await api.get(foreign(id))).body.foreignProperty).toEqual(body.foreignProperty);
    expect((await api.put(uk(id), ukAnnual)).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
    expect((await api.put(foreign(id), { foreignProperty: [] })).body).toEqual({ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: 'An empty or non-matching body was submitted', paths: ['/foreignProperty'] });
  });

  it('answers HMRC’s sandbox scenarios: no data by default, canned submissions by name', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), PB);
    const id = 'XPIS12345678901';
    expect((await api.get(uk(id))).status).toBe(404);
    expect((await api.get(uk(id, '2024-25'), 'UK_FHL_PROPERTY_ALLOWANCE')).body.ukFhlProperty.allowances).toEqual({ propertyIncomeAllowance: 1000 });
    expect((await api.get(foreign(id), 'UK_PROPERTY')).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
    expect((await api.put(uk(id), ukAnnual)).status).toBe(200);
    expect((await api.delete(remove(id), 'OUTSIDE_AMENDMENT_WINDOW')).body.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
  });
});
