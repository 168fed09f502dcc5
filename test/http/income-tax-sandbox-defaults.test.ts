import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, NINO, taxpayer } from './income-tax-fixtures.js';

/**
 * The Income Tax APIs with no Gov-Test-Scenario under `data: sandbox` (the default): HMRC's "N/A - DEFAULT" answers,
 * canned and stateless; `STATEFUL` selects the stateful behaviour for one request (the realistic profile's own tests
 * are the other income-tax-*.test.ts files). The virtual clock stands at 2026-01-15, in tax year 2025-26.
 */
const BD = `/individuals/business/details/${NINO}`;
const SE = `/individuals/business/self-employment/${NINO}`;
const CALC = `/individuals/calculations/${NINO}/self-assessment`;
const SANDBOX_BUSINESS = 'XBIS12345678901';
const summary = { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-10-05' }, periodIncome: { turnover: 20000.5, other: 100 }, periodExpenses: { consolidatedExpenses: 150 } };

async function apis() {
  const e = await emulator();
  const token = await taxpayer(e);
  return { bd: client(e, token, '2.0'), ob: client(e, token, '3.0'), calc: client(e, token, '8.0'), se: client(e, token, '5.0') };
}

describe("Income Tax APIs: HMRC's sandbox defaults", () => {
  it('Business Details lists and retrieves HMRC’s self-employment business; STATEFUL shows the taxpayer’s own', async () => {
    const { bd } = await apis();
    expect((await bd.get(`${BD}/list`)).body).toEqual({ listOfBusinesses: [{ typeOfBusiness: 'self-employment', businessId: SANDBOX_BUSINESS, tradingType: 'Plastering', tradingName: 'ABC Ltd.' }] });
    expect((await bd.get(`${BD}/${SANDBOX_BUSINESS}`)).body).toMatchObject({ businessId: SANDBOX_BUSINESS, typeOfBusiness: 'self-employment', businessAddressPostcode: 'M1 1AG' });
    expect((await bd.get(`${BD}/list`, 'STATEFUL')).body.listOfBusinesses).toEqual([expect.objectContaining({ businessId: DEFAULT_BUSINESS_ID })]);
    expect((await bd.get(`${BD}/${SANDBOX_BUSINESS}`, 'STATEFUL')).body.code).toBe('NO_BUSINESS_FOUND');
  });

  it('Business Details answers the year’s settings from HMRC’s examples and accepts changes without storing them', async () => {
    const { bd } = await apis();
    const year = `${BD}/${DEFAULT_BUSINESS_ID}/2025-26`;
    expect((await bd.put(`${year}/accounting-type`, { accountingType: 'ACCRUAL' })).status).toBe(204);
    expect((await bd.get(`${year}/accounting-type`)).body).toEqual({ accountingType: 'ACCRUAL' });
    expect((await bd.get(`${year}/accounting-type`, 'STATEFUL')).body).toEqual({ accountingType: 'CASH' });
    expect((await bd.put(`${year}/periods-of-account`, { periodsOfAccount: false })).status).toBe(204);
    expect((await bd.get(`${year}/periods-of-account`)).body).toEqual({
      submittedOn: '2026-04-05T14:15:22.802Z',
      periodsOfAccount: true,
      periodsOfAccountDates: [{ startDate: '2025-04-06', endDate: '2026-04-05' }],
    });
    expect((await bd.get(`${year}/periods-of-account`, 'STATEFUL')).status).toBe(404);
    expect((await bd.get(`${BD}/${DEFAULT_BUSINESS_ID}/2024-25/late-accounting-date-rule-election`)).body).toEqual({ disapply: true, eligible: true, taxYearOfElection: '2025-26', taxYearElectionExpires: '2029-30' });
    expect((await bd.post(`${BD}/${DEFAULT_BUSINESS_ID}/2024-25/late-accounting-date-rule-election/disapply`)).status).toBe(204);
    expect((await bd.put(`${BD}/${DEFAULT_BUSINESS_ID}/2024-25`, { quarterlyPeriodType: 'calendar' })).status).toBe(204);
  });

  it('Obligations answers HMRC’s example quarters, three of four fulfilled, and one open final declaration', async () => {
    const { ob } = await apis();
    const quarterly = await ob.get(`/obligations/details/${NINO}/income-and-expenditure`);
    expect(quarterly.status).toBe(200);
    const [business] = quarterly.body.obligations;
    expect(business).toMatchObject({ typeOfBusiness: 'self-employment', businessId: SANDBOX_BUSINESS });
    expect(business.obligationDetails.map((d: { periodEndDate: string; status: string }) => `${d.periodEndDate}:${d.status}`)).toEqual([
      '2025-07-05:fulfilled',
      '2025-10-05:fulfilled',
      '2026-01-05:fulfilled',
      '2026-04-05:open',
    ]);
    const open = await ob.get(`/obligations/details/${NINO}/income-and-expenditure?status=open`);
    expect(open.body.obligations[0].obligationDetails).toEqual([{ periodStartDate: '2025-04-06', periodEndDate: '2026-04-05', dueDate: '2026-05-05', status: 'open' }]);
    expect((await ob.get(`/obligations/details/${NINO}/crystallisation`)).body).toEqual({
      obligations: [{ periodStartDate: '2018-04-06', periodEndDate: '2019-04-05', dueDate: '2020-01-31', status: 'open' }],
    });
    expect((await ob.get(`/obligations/details/${NINO}/crystallisation?taxYear=2024-25`)).body.obligations[0]).toMatchObject({ periodStartDate: '2024-04-06', status: 'open' });
    const stateful = await ob.get(`/obligations/details/${NINO}/income-and-expenditure`, 'STATEFUL');
    expect(stateful.body.obligations[0].businessId).toBe(DEFAULT_BUSINESS_ID);
  });

  it('Individual Calculations triggers, lists, retrieves and declares HMRC’s example calculation at once, storing nothing', async () => {
    const { calc } = await apis();
    const trigger = await calc.post(`${CALC}/2025-26/trigger/intent-to-finalise`);
    expect(trigger.status).toBe(202);
    const id = trigger.body.calculationId as string;
    expect(id).toBe('f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c');
    expect((await calc.get(`${CALC}/2025-26`)).body.calculations).toEqual([expect.objectContaining({ calculationId: id, calculationType: 'in-year', fromDate: '2025-04-06', toDate: '2026-04-05' })]);
    const retrieved = await calc.get(`${CALC}/2025-26/${id}`);
    expect(retrieved.status).toBe(200);
    expect(retrieved.body.metadata).toMatchObject({ calculationId: id, taxYear: '2025-26' });
    expect(retrieved.body.calculation.taxCalculation.incomeTax.totalIncomeReceivedFromAllSources).toBe(30000);
    expect((await calc.post(`${CALC}/2025-26/${id}/final-declaration`)).status).toBe(204);
    expect((await calc.get(`${CALC}/2025-26`, 'STATEFUL')).body.code).toBe('MATCHING_RESOURCE_NOT_FOUND');
  });

  it('Self Employment accepts summaries without storing them and answers canned ones; STATEFUL stores and reads back', async () => {
    const { se } = await apis();
    const cumulative = `${SE}/${DEFAULT_BUSINESS_ID}/cumulative/2025-26`;
    expect((await se.put(cumulative, summary)).status).toBe(204);
    expect((await se.get(cumulative)).body).toEqual({
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' },
      periodIncome: { turnover: 200, other: 200 },
      periodExpenses: { consolidatedExpenses: 200 },
    });
    expect((await se.get(cumulative, 'STATEFUL')).status).toBe(404);
    expect((await se.put(cumulative, summary, 'STATEFUL')).status).toBe(204);
    expect((await se.get(cumulative, 'STATEFUL')).body).toEqual(summary);

    const annual = `${SE}/${DEFAULT_BUSINESS_ID}/annual/2025-26`;
    expect((await se.get(annual)).body.allowances).toEqual({ tradingIncomeAllowance: 1000 });
    expect((await se.delete(annual)).status).toBe(204);
    const period = await se.post(`${SE}/${DEFAULT_BUSINESS_ID}/period`, { periodDates: { periodStartDate: '2024-07-06', periodEndDate: '2024-10-05' }, periodIncome: { turnover: 10 } });
    expect(period.body).toEqual({ periodId: '2024-07-06_2024-10-05' });
    expect((await se.get(`${SE}/${DEFAULT_BUSINESS_ID}/period/2024-25`)).body.periods.map((p: { periodId: string }) => p.periodId)).toEqual(['2024-04-06_2024-07-05', '2024-07-06_2024-10-05']);
    expect((await se.get(`${SE}/${DEFAULT_BUSINESS_ID}/period/2024-25/2024-07-06_2024-10-05`)).body.periodDates).toEqual({ periodStartDate: '2024-07-06', periodEndDate: '2024-10-05' });
  });
});
