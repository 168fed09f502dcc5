import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { createClock } from '../../emulator/clock/clock.js';
import { emulator, userToken } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, IT_SCOPES, NINO, taxpayer } from './income-tax-fixtures.js';

const base = (taxYear: string) => `/individuals/calculations/${NINO}/self-assessment/${taxYear}`;
const SECONDS = 1000;

async function submitQuarter(e: Emulator, token: string, taxYear: string, start: string, end: string, turnover: number): Promise<void> {
  const res = await client(e, token, '5.0').put(`/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/${taxYear}`, {
    periodDates: { periodStartDate: start, periodEndDate: end },
    periodIncome: { turnover },
    periodExpenses: { consolidatedExpenses: 5000 },
  });
  if (res.status !== 204) throw new Error(`submit failed: ${res.status} ${res.text}`);
}

describe('Individual Calculations API 8.0', () => {
  it('triggers a calculation that is ready only after 5 seconds of virtual time', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '8.0');
    await submitQuarter(e, token, '2025-26', '2025-04-06', '2025-10-05', 45_000);
    const trigger = await api.post(`${base('2025-26')}/trigger/in-year`);
    expect(trigger.status).toBe(202);
    const { calculationId } = trigger.body as { calculationId: string };
    expect(calculationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const early = await api.get(`${base('2025-26')}/${calculationId}`);
    expect(early.status).toBe(404);
    expect(early.body).toEqual({ code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' });
    expect((await api.get(base('2025-26'))).status).toBe(404);

    e.context.clock.advance(5 * SECONDS);
    const ready = await api.get(`${base('2025-26')}/${calculationId}`);
    expect(ready.status).toBe(200);
    expect(ready.body.metadata).toMatchObject({ calculationId, taxYear: '2025-26', requestedBy: 'customer', calculationType: 'in-year', periodFrom: '2025-04-06', periodTo: '2025-10-05' });
    // £40,000 profit: £27,430 taxable at 20% = £5,486; Class 4 6% of £27,430 = £1,645.80.
    expect(ready.body.calculation.taxCalculation).toMatchObject({ totalIncomeTaxAndNicsDue: 7131.8, incomeTax: { totalIncomeReceivedFromAllSources: 40000, totalTaxableIncome: 27430, incomeTaxCharged: 5486 } });

    const list = await api.get(base('2025-26'));
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      calculations: [
        {
          calculationId,
          calculationTimestamp: '2026-01-15T09:00:05.000Z',
          calculationType: 'in-year',
          calculationTrigger: 'attended',
          calculationOutcome: 'PROCESSED',
          liabilityAmount: 7131.8,
          fromDate: '2025-04-06',
          toDate: '2025-10-05',
        },
      ],
    });
    expect((await api.get(`${base('2025-26')}?calculationType=intent-to-finalise`)).status).toBe(404);
  });

  it('declares a finished tax year: intent to finalise, then final declaration, fulfilling the obligation', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '8.0');
    const trigger = await api.post(`${base('2024-25')}/trigger/intent-to-finalise`);
    expect(trigger.status).toBe(202);
    const id = trigger.body.calculationId as string;
    expect((await api.post(`${base('2024-25')}/${id}/final-declaration`)).body.code).toBe('RULE_FINAL_DECLARATION_IN_PROGRESS');
    e.context.clock.advance(5 * SECONDS);
    const declare = await api.post(`${base('2024-25')}/${id}/final-declaration`);
    expect(declare.status).toBe(204);
    expect((await api.post(`${base('2024-25')}/${id}/final-declaration`)).body.code).toBe('RULE_FINAL_DECLARATION_RECEIVED');
    expect((await api.post(`${base('2024-25')}/trigger/in-year`)).body.code).toBe('RULE_FINAL_DECLARATION_RECEIVED');
    const obligation = await client(e, token, '3.0').get(`/obligations/details/${NINO}/crystallisation?taxYear=2024-25`);
    expect(obligation.body.obligations[0]).toMatchObject({ status: 'fulfilled', receivedDate: '2026-01-15' });
    e.context.clock.advance(5 * SECONDS);
    const calculations = (await api.get(base('2024-25'))).body.calculations as Array<{ calculationId: string; calculationType: string }>;
    expect(calculations.map((c) => c.calculationType)).toEqual(['intent-to-finalise', 'final-declaration']);
    const declared = await api.get(`${base('2024-25')}/${calculations[1]!.calculationId}`);
    expect(declared.body.metadata).toMatchObject({ calculationType: 'declare-finalisation', finalisationTimestamp: '2026-01-15T09:00:05.000Z' });
  });

  it('amends a declared year from 2025-26 (here 2026-27): intent to amend, then confirm the amendment', async () => {
    const e = await emulator({ data: 'realistic' });
    await taxpayer(e);
    e.context.clock.advance(450 * 86_400_000); // 2027-04-10: 2026-27 has ended
    const api = client(e, await userToken(e, 'it-taxpayer', IT_SCOPES), '8.0');
    const finalise = (await api.post(`${base('2026-27')}/trigger/intent-to-finalise`)).body.calculationId as string;
    expect((await api.post(`${base('2026-27')}/trigger/intent-to-amend`)).body.code).toBe('RULE_DECLARATION_NOT_RECEIVED');
    e.context.clock.advance(5 * SECONDS);
    expect((await api.post(`${base('2026-27')}/${finalise}/final-declaration`)).status).toBe(204);
    const amend = (await api.post(`${base('2026-27')}/trigger/intent-to-amend`)).body.calculationId as string;
    e.context.clock.advance(5 * SECONDS);
    expect((await api.post(`${base('2026-27')}/${amend}/confirm-amendment`)).status).toBe(204);
    e.context.clock.advance(5 * SECONDS);
    const confirmed = (await api.get(`${base('2026-27')}?calculationType=confirm-amendment`)).body.calculations[0].calculationId as string;
    expect((await api.get(`${base('2026-27')}/${confirmed}`)).body.metadata).toMatchObject({ calculationType: 'confirm-amendment', confirmationTimestamp: '2027-04-10T09:00:10.000Z' });
  });

  it('refuses to finalise a year that has not ended, or with a stale calculation', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '8.0');
    expect((await api.post(`${base('2025-26')}/trigger/intent-to-finalise`)).body).toEqual({
      code: 'RULE_PREMATURE_FINALISATION',
      message: 'Finalisation cannot occur until after the end of the tax year',
    });
    const first = (await api.post(`${base('2024-25')}/trigger/intent-to-finalise`)).body.calculationId as string;
    const second = (await api.post(`${base('2024-25')}/trigger/intent-to-finalise`)).body.calculationId as string;
    e.context.clock.advance(5 * SECONDS);
    expect((await api.post(`${base('2024-25')}/${first}/final-declaration`)).status).toBe(404);
    expect((await api.post(`${base('2024-25')}/00000000-0000-4000-8000-000000000000/final-declaration`)).status).toBe(404);
    expect((await api.post(`${base('2024-25')}/${second}/confirm-amendment`)).body.code).toBe('RULE_SUBMISSION_FAILED');
    expect((await api.post(`${base('2024-25')}/trigger/intent-to-amend`)).body.code).toBe('RULE_CALCULATION_TYPE_NOT_ALLOWED');
  });

  it('says RULE_TAX_YEAR_NOT_ENDED when finalising 2024-25 or earlier before the year ends', async () => {
    const e = await emulator({ data: 'realistic' }, { clock: createClock({ frozen: true, start: Date.parse('2025-01-15T09:00:00Z') }) });
    const res = await client(e, await taxpayer(e), '8.0').post(`${base('2024-25')}/trigger/intent-to-finalise`);
    expect(res.body).toEqual({ code: 'RULE_TAX_YEAR_NOT_ENDED', message: 'The specified tax year has not yet ended' });
  });

  it('needs a new calculation when income was submitted after the intent to finalise', async () => {
    const e = await emulator({ data: 'realistic' });
    await taxpayer(e);
    e.context.clock.advance(90 * 86_400_000); // 2026-04-15: 2025-26 has ended
    const later = await userToken(e, 'it-taxpayer', IT_SCOPES);
    const calc = client(e, later, '8.0');
    const id = (await calc.post(`${base('2025-26')}/trigger/intent-to-finalise`)).body.calculationId as string;
    e.context.clock.advance(5 * SECONDS);
    await submitQuarter(e, later, '2025-26', '2025-04-06', '2026-04-05', 60_000);
    expect((await calc.post(`${base('2025-26')}/${id}/final-declaration`)).body.code).toBe('RULE_RECENT_SUBMISSIONS_EXIST');
  });

  it('validates the NINO, tax year, calculation type and calculation ID', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '8.0');
    expect((await api.post(`${base('2025-26')}/trigger/sometime`)).body).toEqual({ code: 'FORMAT_CALCULATION_TYPE', message: 'The provided calculation type is not valid' });
    expect((await api.post(`${base('2025-27')}/trigger/in-year`)).body).toEqual({
      code: 'RULE_TAX_YEAR_RANGE_INVALID',
      message: 'Tax year range invalid. A tax year range of one year is required',
    });
    expect((await api.get(base('2016-17'))).body.code).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect((await api.post(`${base('2017-18')}/trigger/in-year`)).status).toBe(202);
    expect((await api.get(`${base('2025-26')}/not-an-id`)).body).toEqual({ code: 'FORMAT_CALCULATION_ID', message: 'The provided calculationId is invalid' });
    expect((await api.get(`${base('2025-26')}?calculationType=whatever`)).body.code).toBe('FORMAT_CALCULATION_TYPE');
    expect((await api.get(`/individuals/calculations/XX/self-assessment/2025-26`)).body.code).toBe('FORMAT_NINO');
    const both = await api.post(`${base('202526')}/trigger/later`);
    expect(both.body.errors.map((x: { code: string }) => x.code)).toEqual(['FORMAT_TAX_YEAR', 'FORMAT_CALCULATION_TYPE']);
  });

  it.each([
    ['NO_INCOME_SUBMISSIONS_EXIST', 'RULE_NO_INCOME_SUBMISSIONS_EXIST'],
    ['FINAL_DECLARATION_RECEIVED', 'RULE_FINAL_DECLARATION_RECEIVED'],
    ['INCOME_SOURCES_CHANGED', 'RULE_INCOME_SOURCES_CHANGED'],
    ['RECENT_SUBMISSIONS_EXIST', 'RULE_RECENT_SUBMISSIONS_EXIST'],
    ['RESIDENCY_CHANGED', 'RULE_RESIDENCY_CHANGED'],
    ['CALCULATION_IN_PROGRESS', 'RULE_CALCULATION_IN_PROGRESS'],
    ['BUSINESS_VALIDATION_FAILURE', 'RULE_BUSINESS_VALIDATION_FAILURE'],
    ['TAX_YEAR_NOT_ENDED', 'RULE_TAX_YEAR_NOT_ENDED'],
  ])('simulates trigger scenario %s as 400 %s', async (scenario, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '8.0').post(`${base('2025-26')}/trigger/in-year`, undefined, scenario);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it.each([
    ['OUTSIDE_AMENDMENT_WINDOW', 400, 'RULE_OUTSIDE_AMENDMENT_WINDOW'],
    ['FINAL_DECLARATION_IN_PROGRESS', 400, 'RULE_FINAL_DECLARATION_IN_PROGRESS'],
    ['FINAL_DECLARATION_RECEIVED', 400, 'RULE_FINAL_DECLARATION_RECEIVED'],
    ['FINAL_DECLARATION_TAX_YEAR', 400, 'RULE_FINAL_DECLARATION_TAX_YEAR'],
    ['INCOME_SOURCES_CHANGED', 400, 'RULE_INCOME_SOURCES_CHANGED'],
    ['INCOME_SOURCES_INVALID', 400, 'RULE_INCOME_SOURCES_INVALID'],
    ['NO_INCOME_SUBMISSIONS_EXIST', 400, 'RULE_NO_INCOME_SUBMISSIONS_EXIST'],
    ['RECENT_SUBMISSIONS_EXIST', 400, 'RULE_RECENT_SUBMISSIONS_EXIST'],
    ['RESIDENCY_CHANGED', 400, 'RULE_RESIDENCY_CHANGED'],
    ['SUBMISSION_FAILED', 400, 'RULE_SUBMISSION_FAILED'],
    ['TAX_YEAR_NOT_SUPPORTED', 400, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
  ])('simulates final declaration scenario %s as %i %s', async (scenario, status, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '8.0').post(`${base('2024-25')}/f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c/final-declaration`, undefined, scenario);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('answers the retrieve and list scenarios', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '8.0');
    const id = 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c';
    expect((await api.get(`${base('2025-26')}/${id}`, 'NOT_FOUND')).status).toBe(404);
    const dynamic = await api.get(`${base('2024-25')}/${id}`, 'DYNAMIC');
    expect(dynamic.body.metadata).toMatchObject({ calculationId: id, taxYear: '2024-25', periodFrom: '2024-04-06' });
    expect((await api.get(`${base('2022-23')}/${id}`, 'DYNAMIC')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
    const errors = await api.get(`${base('2025-26')}/${id}`, 'ERROR_MESSAGES_EXIST');
    expect(errors.body.messages.errors).toHaveLength(1);
    expect(errors.body.calculation).toBeUndefined();
    expect((await api.get(`${base('2025-26')}/${id}`, 'UK_SE_SAVINGS_EXAMPLE')).body.calculation.taxCalculation.incomeTax.totalIncomeReceivedFromAllSources).toBe(41000);
    expect((await api.get(base('2025-26'), 'DYNAMIC')).body.calculations[0].calculationTimestamp).toBe('2026-04-20T09:35:15.094Z');
    expect((await api.get(base('2025-26'), 'NOT_FOUND')).status).toBe(404);
    expect((await api.get(base('2025-26'), 'NO_SUCH_SCENARIO')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
    // STATEFUL (the emulator's extension here) is the stateful list: nothing triggered, nothing listed.
    expect((await api.get(base('2025-26'), 'STATEFUL')).body.code).toBe('MATCHING_RESOURCE_NOT_FOUND');
  });
});
