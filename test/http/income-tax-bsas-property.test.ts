import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { emulator, userToken } from '../support.js';
import { agent, client, IT_SCOPES, NINO, taxpayer, testSupportToken } from './income-tax-fixtures.js';
import { foreignCumulative, PB, PROPERTY, propertyBusiness, ukCumulative } from './income-tax-property-fixtures.js';

const BSAS = `/individuals/self-assessment/adjustable-summary/${NINO}`;
const retrieve = (kind: string, id: string, taxYear = '2025-26') => `${BSAS}/${kind}/${id}/${taxYear}`;
const adjust = (kind: string, id: string, taxYear = '2025-26') => `${BSAS}/${kind}/${id}/adjust/${taxYear}`;
const calcBase = `/individuals/calculations/${NINO}/self-assessment/2025-26`;
const DAY = 86_400_000;
const A_CALCULATION = '717f3a7a-db8e-11e9-8a34-2a2ae2dbcce4';

/** After 2025-26 has ended (the default clock starts 2026-01-15): a fresh token and the BSAS (7.0) client. */
async function afterYearEnd(e: Emulator) {
  e.context.clock.advance(90 * DAY);
  const token = await userToken(e, 'it-taxpayer', IT_SCOPES);
  return { token, bsas: client(e, token, '7.0') };
}

async function trigger(bsas: ReturnType<typeof client>, typeOfBusiness: string, businessId: string, startDate = '2025-04-06', endDate = '2026-04-05'): Promise<string> {
  const res = await bsas.post(`${BSAS}/trigger`, { accountingPeriod: { startDate, endDate }, typeOfBusiness, businessId });
  if (res.status !== 200) throw new Error(`trigger: ${res.status} ${res.text}`);
  return res.body.calculationId as string;
}

/** Triggers an in-year calculation for 2025-26 and answers its total income once ready. */
async function calculatedIncome(e: Emulator, token: string): Promise<number> {
  const calc = client(e, token, '8.0');
  const id = (await calc.post(`${calcBase}/trigger/in-year`)).body.calculationId as string;
  e.context.clock.advance(5000);
  const res = await calc.get(`${calcBase}/${id}`);
  return res.body.calculation.taxCalculation.incomeTax.totalIncomeReceivedFromAllSources as number;
}

describe('Business Source Adjustable Summary 7.0: UK and foreign property', () => {
  it('summarises a UK property business, takes one adjustment and lets it reach the calculation', async () => {
    const e = await emulator({ data: 'realistic' });
    const businessId = await propertyBusiness(e, 'uk-property');
    expect((await client(e, await taxpayer(e), PB).put(`${PROPERTY}/uk/${NINO}/${businessId}/cumulative/2025-26`, ukCumulative('2026-01-05'))).status).toBe(204);
    const { token, bsas } = await afterYearEnd(e);
    // rents 12,000 + premiums 1,000 + rent-a-room 500; expenses 2,000 + 1,500.50 + rent-a-room 500 (residential finance costs are not expenses)
    expect(await calculatedIncome(e, token)).toBe(9499);
    const id = await trigger(bsas, 'uk-property', businessId);

    const before = await bsas.get(retrieve('uk-property', id));
    expect(before.status).toBe(200);
    expect(before.body.metadata).toMatchObject({ calculationId: id, nino: NINO, taxYear: '2025-26', summaryStatus: 'valid' });
    expect(before.body.inputs).toMatchObject({ businessId, source: 'MTD-SA', submissionPeriod: { startDate: '2025-04-06', endDate: '2026-01-05' } });
    expect(before.body.inputs).not.toHaveProperty('typeOfBusiness');
    expect(before.body.adjustableSummaryCalculation).toMatchObject({
      totalIncome: 13500,
      income: { totalRentsReceived: 12000, premiumsOfLeaseGrant: 1000, rarRentReceived: 500 },
      totalExpenses: 4000.5,
      expenses: { premisesRunningCosts: 2000, repairsAndMaintenance: 1500.5, residentialFinancialCost: 800 },
      netProfit: 9499.5,
      taxableProfit: 9499,
    });
    expect(before.body).not.toHaveProperty('adjustments');

    const body = { ukProperty: { income: { totalRentsReceived: -2000 }, expenses: { premisesRunningCosts: 500 } } };
    expect((await bsas.post(adjust('uk-property', id), body)).status).toBe(200);
    expect((await bsas.post(adjust('uk-property', id), body)).body).toEqual({ code: 'RULE_ALREADY_ADJUSTED', message: 'A summary may only be adjusted once. Request a new summary' });
    const after = await bsas.get(retrieve('uk-property', id));
    expect(after.body.adjustments).toEqual(body.ukProperty);
    expect(after.body.metadata.adjustedDateTime).toBeDefined();
    expect(after.body.adjustedSummaryCalculation).toMatchObject({ totalIncome: 11500, income: { totalRentsReceived: 10000 }, totalExpenses: 4500.5, netProfit: 6999.5, taxableProfit: 6999 });
    expect(await calculatedIncome(e, token)).toBe(6999);

    expect((await bsas.get(retrieve('foreign-property', id))).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
    expect((await bsas.post(adjust('self-employment', id), { income: { turnover: 10 } })).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
    const list = await bsas.get(`${BSAS}/2025-26?typeOfBusiness=uk-property`);
    expect(list.body.businessSources[0]).toMatchObject({ businessId, typeOfBusiness: 'uk-property', summaries: [{ calculationId: id, adjustedSummary: true }] });
  });

  it('refuses an adjustment to a superseded summary, one making income negative, and expenses where the allowance was claimed', async () => {
    const e = await emulator({ data: 'realistic' });
    const businessId = await propertyBusiness(e, 'uk-property');
    const pb = client(e, await taxpayer(e), PB);
    await pb.put(`${PROPERTY}/uk/${NINO}/${businessId}/cumulative/2025-26`, ukCumulative('2026-01-05'));
    await pb.put(`${PROPERTY}/uk/${NINO}/${businessId}/annual/2025-26`, { ukProperty: { allowances: { propertyIncomeAllowance: 1000 } } });
    const { bsas } = await afterYearEnd(e);
    const first = await trigger(bsas, 'uk-property', businessId);
    e.context.clock.advance(1000);
    const second = await trigger(bsas, 'uk-property', businessId);
    expect((await bsas.post(adjust('uk-property', first), { ukProperty: { income: { otherPropertyIncome: 10 } } })).body.code).toBe('RULE_SUMMARY_STATUS_SUPERSEDED');
    expect((await bsas.get(retrieve('uk-property', first))).body.metadata.summaryStatus).toBe('superseded');
    expect((await bsas.post(adjust('uk-property', second), { ukProperty: { income: { totalRentsReceived: -12000.01 } } })).body.code).toBe('RULE_RESULTING_VALUE_NOT_PERMITTED');
    expect((await bsas.post(adjust('uk-property', second), { ukProperty: { expenses: { other: 10 } } })).body).toEqual({
      code: 'RULE_PROPERTY_INCOME_ALLOWANCE_CLAIMED',
      message: 'A claim for property income allowance was made. Cannot also have expenses',
    });
    expect((await bsas.post(adjust('uk-property', second), { ukProperty: { zeroAdjustments: true } })).status).toBe(200);
    expect((await bsas.get(retrieve('uk-property', second))).body.adjustments).toEqual({ zeroAdjustments: true });
  });

  it('summarises a foreign property business per country and lets its adjustment reach the calculation', async () => {
    const e = await emulator({ data: 'realistic' });
    const businessId = await propertyBusiness(e, 'foreign-property');
    await client(e, await taxpayer(e), PB).put(`${PROPERTY}/foreign/${NINO}/${businessId}/cumulative/2025-26`, foreignCumulative('2026-01-05'));
    const { token, bsas } = await afterYearEnd(e);
    const id = await trigger(bsas, 'foreign-property', businessId);
    const before = await bsas.get(retrieve('foreign-property', id));
    expect(before.status).toBe(200);
    expect(before.body.adjustableSummaryCalculation).toMatchObject({
      totalIncome: 6000,
      totalExpenses: 1000,
      netProfit: 5000,
      countryLevelDetail: [{ countryCode: 'FRA', totalIncome: 6000, income: { totalRentsReceived: 6000 }, expenses: { consolidatedExpenses: 1000 } }],
    });
    expect(before.body).not.toHaveProperty('adjustedSummaryCalculation');
    const body = { foreignProperty: { countryLevelDetail: [{ countryCode: 'FRA', income: { totalRentsReceived: 500 }, expenses: { consolidatedExpenses: 100 } }] } };
    expect((await bsas.post(adjust('foreign-property', id), body)).status).toBe(200);
    const after = await bsas.get(retrieve('foreign-property', id));
    expect(after.body.adjustments).toEqual(body.foreignProperty);
    expect(after.body.adjustedSummaryCalculation).toMatchObject({ totalIncome: 6500, totalExpenses: 1100, countryLevelDetail: [{ countryCode: 'FRA', totalIncome: 6500 }] });
    expect(await calculatedIncome(e, token)).toBe(5400);
    expect((await bsas.get(retrieve('uk-property', id))).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
  });

  it('keeps a 2024-25 UK property business’s FHL part in its own summary', async () => {
    const e = await emulator({ data: 'realistic' });
    const businessId = await propertyBusiness(e, 'uk-property');
    const token = await taxpayer(e);
    const period = {
      fromDate: '2024-04-06',
      toDate: '2024-07-05',
      ukFhlProperty: { income: { periodAmount: 4000 }, expenses: { consolidatedExpenses: 1000 } },
      ukNonFhlProperty: { income: { periodAmount: 3000 }, expenses: { consolidatedExpenses: 500 } },
    };
    expect((await client(e, token, PB).post(`${PROPERTY}/uk/${NINO}/${businessId}/period/2024-25`, period)).status).toBe(201);
    const bsas = client(e, token, '7.0');
    const fhl = await trigger(bsas, 'uk-property-fhl', businessId, '2024-04-06', '2025-04-05');
    const res = await bsas.get(retrieve('uk-property', fhl, '2024-25'));
    expect(res.body.inputs).toMatchObject({ typeOfBusiness: 'uk-property-fhl', submissionPeriods: [{ startDate: '2024-04-06', endDate: '2024-07-05' }] });
    expect(res.body.adjustableSummaryCalculation).toMatchObject({ totalIncome: 4000, totalExpenses: 1000, netProfit: 3000 });
    expect((await bsas.post(adjust('uk-property', fhl, '2024-25'), { ukProperty: { income: { totalRentsReceived: 10 } } })).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
    const both = await bsas.post(adjust('uk-property', fhl, '2024-25'), { ukProperty: { income: { totalRentsReceived: 10 } }, furnishedHolidayLet: { income: { totalRentsReceived: 10 } } });
    expect(both.body).toEqual({ code: 'RULE_BOTH_PROPERTIES_SUPPLIED', message: 'Both FHL and Non-FHL properties cannot be present at the same time', paths: ['/ukProperty', '/furnishedHolidayLet'] });
    expect((await bsas.post(adjust('uk-property', fhl, '2024-25'), { furnishedHolidayLet: { income: { totalRentsReceived: 10 } } })).status).toBe(200);
    const nonFhl = await trigger(bsas, 'uk-property', businessId, '2024-04-06', '2025-04-05');
    expect((await bsas.get(retrieve('uk-property', nonFhl, '2024-25'))).body.adjustableSummaryCalculation).toMatchObject({ totalIncome: 3000, totalExpenses: 500 });
    // The non-FHL summary does not supersede the FHL one: they are listed as two sources.
    expect((await bsas.get(retrieve('uk-property', fhl, '2024-25'))).body.metadata.summaryStatus).toBe('valid');
    const sources = (await bsas.get(`${BSAS}/2024-25`)).body.businessSources as Array<{ typeOfBusiness: string }>;
    expect(sources.map((s) => s.typeOfBusiness).sort()).toEqual(['uk-property', 'uk-property-fhl']);
    const trig = await bsas.post(`${BSAS}/trigger`, { accountingPeriod: { startDate: '2025-04-06', endDate: '2026-04-05' }, typeOfBusiness: 'uk-property-fhl', businessId });
    expect(trig.body.code).toBe('FORMAT_TYPE_OF_BUSINESS');
  });

  it('still adjusts a self-employment summary once, alongside property ones, and the calculation takes both', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const created = await support.post(`/individuals/self-assessment-test-support/business/${NINO}`, { typeOfBusiness: 'self-employment', tradingName: 'Test Trading', businessAddressLineOne: '1 High Street', businessAddressPostcode: 'TF3 4NT', businessAddressCountryCode: 'GB' });
    const seBusiness = created.body.businessId as string;
    const propertyId = await propertyBusiness(e, 'uk-property');
    await client(e, await taxpayer(e), PB).put(`${PROPERTY}/uk/${NINO}/${propertyId}/cumulative/2025-26`, ukCumulative('2026-01-05'));
    const { token, bsas } = await afterYearEnd(e);
    const se = await client(e, token, '5.0').put(`/individuals/business/self-employment/${NINO}/${seBusiness}/cumulative/2025-26`, {
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
      periodIncome: { turnover: 20000 },
      periodExpenses: { consolidatedExpenses: 5000 },
    });
    expect(se.status).toBe(204);
    // property 9,499 + self-employment 15,000
    expect(await calculatedIncome(e, token)).toBe(24499);
    const seId = await trigger(bsas, 'self-employment', seBusiness);
    const ukId = await trigger(bsas, 'uk-property', propertyId);
    expect((await bsas.get(retrieve('self-employment', seId))).body.adjustableSummaryCalculation).toMatchObject({ totalIncome: 20000, totalExpenses: 5000, netProfit: 15000 });
    expect((await bsas.get(retrieve('self-employment', ukId))).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
    expect((await bsas.post(adjust('self-employment', seId), { income: { turnover: -1000 } })).status).toBe(200);
    expect((await bsas.post(adjust('self-employment', seId), { income: { turnover: -1000 } })).body.code).toBe('RULE_ALREADY_ADJUSTED');
    expect((await bsas.post(adjust('uk-property', ukId), { ukProperty: { expenses: { other: 499 } } })).status).toBe(200);
    expect(await calculatedIncome(e, token)).toBe(23000);
  });

  it.each([
    ['uk-property', 'not-an-id', {}, 'FORMAT_CALCULATION_ID'],
    ['uk-property', A_CALCULATION, {}, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    ['uk-property', A_CALCULATION, { ukProperty: { income: { totalRentsReceived: 0 } } }, 'FORMAT_VALUE'],
    ['uk-property', A_CALCULATION, { ukProperty: { income: { totalRentsReceived: 1.234 } } }, 'FORMAT_VALUE'],
    ['uk-property', A_CALCULATION, { ukProperty: { expenses: { consolidatedExpenses: 10, other: 5 } } }, 'RULE_BOTH_EXPENSES_SUPPLIED'],
    ['uk-property', A_CALCULATION, { ukProperty: { zeroAdjustments: false } }, 'RULE_ZERO_ADJUSTMENTS_INVALID'],
    ['uk-property', A_CALCULATION, { ukProperty: { zeroAdjustments: true, income: { totalRentsReceived: 5 } } }, 'RULE_BOTH_ADJUSTMENTS_SUPPLIED'],
    ['uk-property', A_CALCULATION, { furnishedHolidayLet: { income: { totalRentsReceived: 5 } } }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    ['foreign-property', A_CALCULATION, { foreignProperty: { countryLevelDetail: [{ countryCode: 'France', income: { totalRentsReceived: 5 } }] } }, 'FORMAT_COUNTRY_CODE'],
    ['foreign-property', A_CALCULATION, { foreignProperty: { countryLevelDetail: [{ countryCode: 'ZZZ', income: { totalRentsReceived: 5 } }] } }, 'RULE_COUNTRY_CODE'],
    ['foreign-property', A_CALCULATION, { foreignProperty: { countryLevelDetail: [{ countryCode: 'FRA', income: { totalRentsReceived: 5 } }, { countryCode: 'FRA', income: { totalRentsReceived: 5 } }] } }, 'RULE_DUPLICATE_COUNTRY_CODE'],
  ])('refuses a %s adjustment to %s with %j: %s', async (kind, id, body, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '7.0').post(adjust(kind, id), body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it.each([
    ['uk-property', '2025-26', { ukProperty: null }],
    ['uk-property', '2025-26', { ukProperty: [] }],
    ['uk-property', '2025-26', { ukProperty: { income: 'lots' } }],
    ['uk-property', '2024-25', { furnishedHolidayLet: { income: { totalRentsReceived: '5' } } }],
    ['foreign-property', '2023-24', { foreignProperty: { countryCode: 'FRA' } }],
    ['foreign-property', '2023-24', { foreignProperty: [null, 5] }],
    ['foreign-property', '2024-25', { foreignProperty: { countryLevelDetail: [{ countryCode: 7 }] } }],
    ['foreign-property', '2025-26', { foreignProperty: { countryLevelDetail: {} } }],
    ['foreign-property', '2025-26', { foreignFhlEea: { income: { totalRentsReceived: 5 } } }],
    ['foreign-property', '2026-27', { foreignProperty: { propertyLevelDetail: [{ propertyId: null, income: {} }] } }],
  ])('answers a malformed %s adjustment for %s (%j) with a 400, never a 500', async (kind, year, body) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '7.0').post(adjust(kind, A_CALCULATION, year), body);
    expect(res.status).toBe(400);
    expect(res.body.code).toMatch(/^(RULE_|FORMAT_|INVALID_REQUEST)/);
  });

  it('checks 2026-27 foreign property IDs against Foreign Property Details', async () => {
    const e = await emulator({ data: 'realistic' });
    const bsas = client(e, await taxpayer(e), '7.0');
    const bad = await bsas.post(adjust('foreign-property', A_CALCULATION, '2026-27'), { foreignProperty: { propertyLevelDetail: [{ propertyId: 'villa', income: { totalRentsReceived: 5 } }] } });
    expect(bad.body.code).toBe('FORMAT_PROPERTY_ID');
    const twice = { propertyId: A_CALCULATION, income: { totalRentsReceived: 5 } };
    expect((await bsas.post(adjust('foreign-property', A_CALCULATION, '2026-27'), { foreignProperty: { propertyLevelDetail: [twice, twice] } })).body.code).toBe('RULE_DUPLICATE_PROPERTY_ID');
    expect((await bsas.post(adjust('foreign-property', A_CALCULATION, '2026-27'), { foreignProperty: { propertyLevelDetail: [twice] } }, 'PROPERTY_ID_MISMATCH')).body.code).toBe('RULE_PROPERTY_ID_MISMATCH');
  });

  it("answers HMRC's Gov-Test-Scenarios in the sandbox profile", async () => {
    const e = await emulator({ data: 'sandbox' });
    const bsas = client(e, await taxpayer(e), '7.0');
    expect((await bsas.get(retrieve('uk-property', A_CALCULATION))).status).toBe(404);
    const profit = await bsas.get(retrieve('uk-property', A_CALCULATION), 'DYNAMIC_UK_PROPERTY_PROFIT');
    expect(profit.status).toBe(200);
    expect(profit.body.metadata).toMatchObject({ calculationId: A_CALCULATION, nino: NINO, taxYear: '2025-26', summaryStatus: 'valid' });
    expect(profit.body.adjustments).toBeDefined();
    expect((await bsas.get(retrieve('uk-property', A_CALCULATION), 'UK_PROPERTY_STATUS_SUPERSEDED')).body.metadata.summaryStatus).toBe('superseded');
    expect((await bsas.get(retrieve('uk-property', A_CALCULATION, '2024-25'), 'UK_PROPERTY_FHL_LOSS')).body.adjustableSummaryCalculation).toHaveProperty('netLoss');
    expect((await bsas.get(retrieve('uk-property', A_CALCULATION), 'UK_PROPERTY_FHL_LOSS')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
    expect((await bsas.get(retrieve('uk-property', A_CALCULATION), 'NOT_UK_PROPERTY')).body.code).toBe('RULE_TYPE_OF_BUSINESS_INCORRECT');
    expect((await bsas.get(retrieve('foreign-property', A_CALCULATION), 'FOREIGN_PROPERTY_ALLOWANCE')).body.adjustableSummaryCalculation.deductions).toEqual({ propertyAllowance: 1000 });
    const ok = { ukProperty: { income: { totalRentsReceived: 5 } } };
    expect((await bsas.post(adjust('uk-property', A_CALCULATION), ok)).status).toBe(200);
    expect((await bsas.post(adjust('uk-property', A_CALCULATION), ok, 'UK_PROPERTY_INCOME_ALLOWANCE_CLAIMED')).body.code).toBe('RULE_PROPERTY_INCOME_ALLOWANCE_CLAIMED');
    expect((await bsas.post(adjust('uk-property', A_CALCULATION), ok, 'UK_PROPERTY_OVER_CONSOLIDATED_EXPENSES_THRESHOLD')).body.code).toBe('RULE_OVER_CONSOLIDATED_EXPENSES_THRESHOLD');
    expect((await bsas.post(adjust('uk-property', A_CALCULATION), ok, 'ALREADY_ADJUSTED')).body.code).toBe('RULE_ALREADY_ADJUSTED');
    expect((await bsas.post(adjust('uk-property', A_CALCULATION), ok, 'REQUEST_CANNOT_BE_FULFILLED')).status).toBe(422);
  });

  it('needs credentials, and refuses supporting agents', async () => {
    const e = await emulator({ data: 'realistic' });
    const anonymous = await request(e.app).get(retrieve('uk-property', A_CALCULATION)).set('Accept', 'application/vnd.hmrc.7.0+json');
    expect(anonymous.status).toBe(401);
    const supporting = client(e, await agent(e, { agentType: 'supporting' }), '7.0');
    expect((await supporting.get(retrieve('foreign-property', A_CALCULATION))).body).toEqual({ code: 'CLIENT_OR_AGENT_NOT_AUTHORISED', message: 'The client or agent is not authorised' });
  });
});
