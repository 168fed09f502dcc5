import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { emulator } from '../support.js';
import { agent, client, DEFAULT_BUSINESS_ID, NINO, taxpayer } from './income-tax-fixtures.js';

const path = (taxYear = '2026-27', businessId = DEFAULT_BUSINESS_ID) => `/individuals/losses/${NINO}/businesses/${businessId}/loss-claims/${taxYear}`;
const calcs = `/individuals/calculations/${NINO}/self-assessment/2026-27`;
const claims = { carryBack: { previousYearGeneralIncome: 100, earlyYearLosses: 50.5 }, carrySideways: { currentYearGeneralIncome: 200 }, preferenceOrder: { applyFirst: 'carry-sideways' } };

/** Moves the frozen test clock (15 January 2026) to 10 April 2027, after the 2026-27 tax year. */
const afterTheYear = (e: Emulator) => e.context.clock.advance(Date.parse('2027-04-10T09:00:00Z') - Date.parse('2026-01-15T09:00:00Z'));

async function calculation(e: Emulator, token: string): Promise<{ calculation: { businessProfitAndLoss: Array<Record<string, unknown>>; taxCalculation: { totalIncomeTaxAndNicsDue: number } } }> {
  const api = client(e, token, '8.0');
  const id = (await api.post(`${calcs}/trigger/in-year`)).body.calculationId as string;
  e.context.clock.advance(5000);
  return (await api.get(`${calcs}/${id}`)).body;
}

describe('Individual Losses API 7.0: losses and claims', () => {
  it('stores losses and claims, reads them back with the time they were submitted and deletes them', async () => {
    const e = await emulator({ data: 'realistic' });
    afterTheYear(e);
    const api = client(e, await taxpayer(e), '7.0');
    expect((await api.get(path())).status).toBe(404);
    expect((await api.put(path(), { claims, losses: { broughtForwardLosses: 1000 } })).status).toBe(204);
    expect((await api.get(path())).body).toEqual({ submittedOn: '2027-04-10T09:00:00.000Z', claims, losses: { broughtForwardLosses: 1000 } });
    expect((await api.delete(path())).status).toBe(204);
    expect((await api.delete(path())).status).toBe(404);
  });

  it('sets a brought-forward loss against the profit in the next calculation', async () => {
    const e = await emulator({ data: 'realistic' });
    afterTheYear(e);
    const token = await taxpayer(e);
    await client(e, token, '5.0').put(`/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/2026-27`, {
      periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2027-04-05' },
      periodIncome: { turnover: 30000 },
      periodExpenses: { consolidatedExpenses: 5000 },
    });
    // £25,000 profit: 20% of £12,430 = £2,486 income tax, 6% of £12,430 = £745.80 Class 4.
    expect((await calculation(e, token)).calculation.taxCalculation.totalIncomeTaxAndNicsDue).toBe(3231.8);
    expect((await client(e, token, '7.0').put(path(), { losses: { broughtForwardLosses: 4000 } })).status).toBe(204);
    const after = (await calculation(e, token)).calculation;
    expect(after.businessProfitAndLoss[0]).toMatchObject({ taxableProfit: 25000, totalBroughtForwardIncomeTaxLosses: 4000, broughtForwardIncomeTaxLossesUsed: 4000, taxableProfitAfterIncomeTaxLossesDeduction: 21000 });
    // £21,000 after the loss: 20% of £8,430 = £1,686 income tax, 6% of £8,430 = £505.80 Class 4.
    expect(after.taxCalculation.totalIncomeTaxAndNicsDue).toBe(2191.8);
  });

  it('takes brought-forward losses in the year, but claims only once it has ended', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '7.0');
    expect((await api.put(path(), { losses: { broughtForwardLosses: 10 } })).status).toBe(204);
    expect((await api.put(path(), { claims })).body).toEqual({ code: 'RULE_TAX_YEAR_NOT_ENDED', message: 'The specified tax year has not yet ended' });
  });

  it.each([
    [{ losses: { broughtForwardLosses: -1 } }, 'FORMAT_VALUE'],
    [{ losses: { broughtForwardLosses: 1.001 } }, 'FORMAT_VALUE'],
    [{ losses: { broughtForwardLosses: '1' } }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    [{ other: 1 }, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    [{ claims: { preferenceOrder: { applyFirst: 'sideways' } } }, 'FORMAT_PREFERENCE_ORDER'],
    [{ claims: { carryBack: { previousYearGeneralIncome: 1 }, carrySideways: { currentYearGeneralIncome: 1 } } }, 'RULE_MISSING_PREFERENCE_ORDER'],
    [{ claims: { carrySideways: { currentYearGeneralIncome: 1 }, preferenceOrder: { applyFirst: 'carry-back' } } }, 'RULE_PREFERENCE_ORDER_NOT_ALLOWED'],
    [{ claims: { carryBack: { terminalLosses: 1 }, carryForward: { currentYearLosses: 1 } } }, 'RULE_CARRY_FORWARD_AND_TERMINAL_LOSS_NOT_ALLOWED'],
  ])('refuses %j with %s', async (body, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '7.0').put(path(), body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it.each([
    [path('2025-26'), 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    [path('2026-28'), 'RULE_TAX_YEAR_RANGE_INVALID'],
    [path('2026-27', 'XAIS1'), 'FORMAT_BUSINESS_ID'],
    [`/individuals/losses/AA1/businesses/${DEFAULT_BUSINESS_ID}/loss-claims/2026-27`, 'FORMAT_NINO'],
  ])('refuses %s with %s', async (url, code) => {
    const e = await emulator({ data: 'realistic' });
    expect((await client(e, await taxpayer(e), '7.0').get(url)).body.code).toBe(code);
  });

  it('refuses an unknown business, and writes by a supporting agent', async () => {
    const e = await emulator({ data: 'realistic' });
    expect((await client(e, await taxpayer(e), '7.0').put(path('2026-27', 'XAIS12345699999'), { losses: { broughtForwardLosses: 1 } })).status).toBe(404);
    const supporting = client(e, await agent(e, { agentType: 'supporting' }), '7.0');
    expect((await supporting.put(path(), { losses: { broughtForwardLosses: 1 } })).status).toBe(403);
    expect((await supporting.get(path())).status).toBe(404);
  });

  it("answers HMRC's examples and scenarios in the sandbox profile", async () => {
    const e = await emulator({ data: 'sandbox' });
    const api = client(e, await taxpayer(e), '7.0');
    expect((await api.get(path())).body.losses).toEqual({ broughtForwardLosses: 5000.99 });
    expect((await api.get(path(), 'TERMINAL_LOSS_CLAIM')).body.claims.carryBack.terminalLosses).toBe(5000.99);
    expect((await api.put(path(), { claims }, 'CARRY_BACK_CLAIM')).body.code).toBe('RULE_CARRY_BACK_CLAIM');
    expect((await api.put(path(), { claims }, 'OUTSIDE_AMENDMENT_WINDOW')).body.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
    expect((await api.put(path(), { claims })).status).toBe(204);
    expect((await api.delete(path(), 'NOT_FOUND')).status).toBe(404);
    expect((await api.delete(path())).status).toBe(204);
  });
});
