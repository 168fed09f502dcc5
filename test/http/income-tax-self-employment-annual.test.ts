import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, NINO, taxpayer } from './income-tax-fixtures.js';

const path = (taxYear = '2025-26', businessId = DEFAULT_BUSINESS_ID) => `/individuals/business/self-employment/${NINO}/${businessId}/annual/${taxYear}`;
const annual = {
  adjustments: { includedNonTaxableProfits: 200.12, basisAdjustment: -100, goodsAndServicesOwnUse: 300, transitionProfitAmount: 10, transitionProfitAccelerationAmount: 5 },
  allowances: {
    annualInvestmentAllowance: 1000,
    structuredBuildingAllowance: [{ amount: 1.23, firstYear: { qualifyingDate: '2021-11-11', qualifyingAmountExpenditure: 1.23 }, building: { name: 'Plaza 2', postcode: 'TF3 4NT' } }],
  },
  nonFinancials: { businessDetailsChangedRecently: true, class4NicsExemptionReason: 'non-resident' },
};

describe('Self Employment Business API 5.0: annual submissions', () => {
  it('stores an annual submission, reads it back and deletes it', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    expect((await api.get(path())).status).toBe(404);
    expect((await api.put(path(), { ...annual, unknown: 1 })).status).toBe(204);
    expect((await api.get(path())).body).toEqual(annual);
    expect((await api.put(path(), { allowances: { tradingIncomeAllowance: 1000 } }, 'STATEFUL')).status).toBe(204);
    expect((await api.get(path())).body).toEqual({ allowances: { tradingIncomeAllowance: 1000 } });
    expect((await api.delete(path())).status).toBe(204);
    expect((await api.delete(path())).status).toBe(404);
  });

  it('takes allowances and adjustments into the next calculation', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    await client(e, token, '5.0').put(`/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/2025-26`, {
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-10-05' },
      periodIncome: { turnover: 30000 },
    });
    await client(e, token, '5.0').put(path(), { allowances: { annualInvestmentAllowance: 5000 }, adjustments: { goodsAndServicesOwnUse: 1000 } });
    const calc = client(e, token, '8.0');
    const id = (await calc.post(`/individuals/calculations/${NINO}/self-assessment/2025-26/trigger/in-year`)).body.calculationId as string;
    e.context.clock.advance(5000);
    const doc = (await calc.get(`/individuals/calculations/${NINO}/self-assessment/2025-26/${id}`)).body;
    expect(doc.calculation.businessProfitAndLoss[0]).toMatchObject({ totalIncome: 30000, totalAdditions: 1000, totalDeductions: 5000, taxableProfit: 26000 });
  });

  it.each([
    [{ allowances: { tradingIncomeAllowance: 1000.01 } }, 'FORMAT_VALUE'],
    [{ adjustments: { includedNonTaxableProfits: -1 } }, 'FORMAT_VALUE'],
    [{ adjustments: { includedNonTaxableProfits: 'x' } }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    [{ allowances: { tradingIncomeAllowance: 10, annualInvestmentAllowance: 10 } }, 'RULE_BOTH_ALLOWANCES_SUPPLIED'],
    [{ adjustments: { transitionProfitAccelerationAmount: 10 } }, 'RULE_WRONG_TPA_AMOUNT_SUBMITTED'],
    [{ adjustments: { overlapReliefUsed: 10 } }, 'RULE_OVERLAP_RELIEF_USED_NOT_ALLOWED'],
    [{ allowances: { structuredBuildingAllowance: [{ amount: 1, building: { postcode: 'TF3 4NT' } }] } }, 'RULE_BUILDING_NAME_NUMBER'],
    [{ allowances: { structuredBuildingAllowance: [{ amount: 1, firstYear: { qualifyingDate: '2021-13-11', qualifyingAmountExpenditure: 1 }, building: { number: '2', postcode: 'TF3 4NT' } }] } }, 'FORMAT_DATE'],
    [{ nonFinancials: { businessDetailsChangedRecently: true, class4NicsExemptionReason: 'bored' } }, 'FORMAT_CLASS_4_EXEMPTION_REASON'],
    [{ nonFinancials: { class4NicsExemptionReason: 'diver' } }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    [{ other: {} }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
  ])('refuses %j with %s', async (body, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '5.0').put(path(), body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it('accepts overlap relief before 2024-25, refuses years before 2017-18 and closes after the final declaration', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '5.0');
    expect((await api.put(path('2023-24'), { adjustments: { overlapReliefUsed: 10 } })).status).toBe(204);
    expect((await api.get(path('2016-17'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    const calc = client(e, token, '8.0');
    const id = (await calc.post(`/individuals/calculations/${NINO}/self-assessment/2024-25/trigger/intent-to-finalise`)).body.calculationId as string;
    e.context.clock.advance(5000);
    expect((await calc.post(`/individuals/calculations/${NINO}/self-assessment/2024-25/${id}/final-declaration`)).status).toBe(204);
    expect((await api.put(path('2024-25'), { allowances: { tradingIncomeAllowance: 1 } })).body.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
  });

  it.each([
    ['ALLOWANCE_NOT_SUPPORTED', 400, 'RULE_ALLOWANCE_NOT_SUPPORTED'],
    ['WRONG_TPA_AMOUNT_SUBMITTED', 400, 'RULE_WRONG_TPA_AMOUNT_SUBMITTED'],
    ['OUTSIDE_AMENDMENT_WINDOW', 400, 'RULE_OUTSIDE_AMENDMENT_WINDOW'],
    ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
    ['CUMULATIVE', 400, 'RULE_INCORRECT_GOV_TEST_SCENARIO'],
  ])('simulates Gov-Test-Scenario %s as %i %s', async (scenario, status, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '5.0').put(path(), annual, scenario);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('simulates TRADING_ALLOWANCE on retrieve, with transition profits from 2024-25 only', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '5.0');
    const current = await api.get(path(), 'TRADING_ALLOWANCE');
    expect(current.status).toBe(200);
    expect(current.body.allowances).toEqual({ tradingIncomeAllowance: 572.99 });
    expect(current.body.adjustments.transitionProfitAmount).toBe(435.9);
    expect((await api.get(path('2023-24'), 'TRADING_ALLOWANCE')).body.adjustments.transitionProfitAmount).toBeUndefined();
  });

  it('simulates delete scenarios: DELETE succeeds without touching stored data, OUTSIDE_AMENDMENT_WINDOW is refused', async () => {
    const e = await emulator();
    const api = client(e, await taxpayer(e), '5.0');
    expect((await api.put(path(), annual)).status).toBe(204);
    expect((await api.delete(path(), 'DELETE')).status).toBe(204);
    const outside = await api.delete(path(), 'OUTSIDE_AMENDMENT_WINDOW');
    expect([outside.status, outside.body.code]).toEqual([400, 'RULE_OUTSIDE_AMENDMENT_WINDOW']);
    expect((await api.get(path())).status).toBe(200);
  });
});
