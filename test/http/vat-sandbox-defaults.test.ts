import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import type { ConfigOverrides } from '../../emulator/config/load-config.js';
import { addAccount, emulator, JSON_V1, userToken } from '../support.js';
import { validHeaders } from './fraud-header-sets.js';
import { vatBoxes, vatReturn } from '../vat-return.js';

/**
 * VAT (MTD) with no Gov-Test-Scenario: HMRC's sandbox default ("Default (No header value)") under `data: sandbox`,
 * the clock-derived data under `data: realistic` or `STATEFUL`. The virtual clock stands at 2026-01-15.
 */
const VRN = '123456789';
const FRAUD = validHeaders('DESKTOP_APP_DIRECT');
const HMRC_DEFAULT_OBLIGATIONS = [
  { start: '2017-01-01', end: '2017-03-31', due: '2017-05-07', status: 'F', periodKey: '18A1', received: '2017-05-06' },
  { start: '2017-04-01', end: '2017-06-30', due: '2017-08-07', status: 'O', periodKey: '18A2' },
  { start: '2017-07-01', end: '2017-09-30', due: '2017-11-07', status: 'O', periodKey: '18A3' },
  { start: '2017-10-01', end: '2017-12-31', due: '2018-02-07', status: 'O', periodKey: '18A4' },
];

async function vat(config: ConfigOverrides = {}) {
  const e: Emulator = await emulator(config);
  await addAccount(e, {
    userId: '100000000001',
    affinityGroup: 'Organisation',
    identifiers: { vrn: VRN, vatRegistrationDate: '2017-01-01' },
    enrolments: [{ key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: VRN }] }],
  });
  const token = await userToken(e, '100000000001', 'read:vat write:vat');
  const headers = (scenario?: string) => ({ Accept: JSON_V1, Authorization: `Bearer ${token}`, ...FRAUD, ...(scenario ? { 'Gov-Test-Scenario': scenario } : {}) });
  return {
    get: (path: string, scenario?: string) => request(e.app).get(`/organisations/vat/${VRN}${path}`).set(headers(scenario)),
    submit: (periodKey: string, scenario?: string) => request(e.app).post(`/organisations/vat/${VRN}/returns`).set(headers(scenario)).send(vatReturn(periodKey)),
  };
}

describe("VAT (MTD) API: HMRC's sandbox defaults", () => {
  it('lists quarterly obligations on the dates of HMRC’s example, one fulfilled, whatever the dates asked for', async () => {
    const api = await vat();
    const res = await api.get('/obligations?from=2025-01-01&to=2025-12-31');
    expect(res.status).toBe(200);
    expect(res.body.obligations).toEqual(HMRC_DEFAULT_OBLIGATIONS);
    expect((await api.get('/obligations?status=O')).body.obligations.map((o: { periodKey: string }) => o.periodKey)).toEqual(['18A2', '18A3', '18A4']);
    expect((await api.get('/obligations?from=2025-01-01&to=2025-12-31&status=F')).body.obligations).toEqual([HMRC_DEFAULT_OBLIGATIONS[0]]);
  });

  it('accepts a return for an open default period, stores it, and refuses it a second time', async () => {
    const api = await vat();
    const first = await api.submit('18A2');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ processingDate: '2026-01-15T09:00:00.000+0000', paymentIndicator: 'DD', formBundleNumber: expect.stringMatching(/^\d{12}$/) });
    const view = await api.get('/returns/18A2');
    expect(view.status).toBe(200);
    expect(view.body).toEqual(vatBoxes('18A2'));
    const again = await api.submit('18A2');
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('DUPLICATE_SUBMISSION');
    // HMRC's default obligations are fixed data: submitting does not change them, nor raise a liability.
    expect((await api.get('/obligations?status=O')).body.obligations).toHaveLength(3);
    expect((await api.get('/liabilities?from=2017-01-01&to=2017-12-31')).status).toBe(404);
  });

  it('takes any period key, even the current quarter’s (“no requirement to use the periodKeys in the obligation response”)', async () => {
    const api = await vat();
    expect((await api.submit('26A1')).status).toBe(201);
    expect((await api.submit('A001')).status).toBe(201);
    expect((await api.submit('26A2', 'TAX_PERIOD_NOT_ENDED')).body.code).toBe('TAX_PERIOD_NOT_ENDED');
  });

  it('finds no liabilities or payments, and gives HMRC’s example customer information and the DEFAULT penalties', async () => {
    const api = await vat();
    expect((await api.get('/liabilities?from=2025-01-01&to=2025-12-31')).body.code).toBe('NOT_FOUND');
    expect((await api.get('/payments?from=2025-01-01&to=2025-12-31')).body.code).toBe('NOT_FOUND');
    expect((await api.get('/information')).body).toEqual({ customerDetails: { effectiveRegistrationDate: '2001-01-01' }, flatRateScheme: { frsCategory: '001', startDate: '2001-01-01' } });
    expect((await api.get('/information', 'NO_FLATRATESCHEME')).body).toEqual({ customerDetails: { effectiveRegistrationDate: '2017-01-01' } });
    const penalties = await api.get('/penalties');
    expect(penalties.status).toBe(200);
    expect(penalties.body).toEqual((await api.get('/penalties', 'DEFAULT')).body);
    expect(penalties.body.latePaymentPenalty.details).toHaveLength(2);
  });

  it('gives the realistic, clock-derived data for one request with Gov-Test-Scenario: STATEFUL', async () => {
    const api = await vat();
    const res = await api.get('/obligations?from=2025-01-01&to=2025-12-31', 'STATEFUL');
    expect(res.body.obligations.map((o: { periodKey: string; status: string }) => `${o.periodKey}:${o.status}`)).toEqual(['25A1:F', '25A2:O', '25A3:O', '25A4:O']);
    expect((await api.submit('26A1', 'STATEFUL')).body.code).toBe('TAX_PERIOD_NOT_ENDED');
  });
});

describe('VAT (MTD) API: realistic data (the production journey’s default, see load-config.test.ts)', () => {
  it('derives obligations from the virtual clock, refuses an unfinished period and fulfils a submitted one', async () => {
    const api = await vat({ data: 'realistic' });
    const open = await api.get('/obligations?status=O');
    expect(open.body.obligations.map((o: { periodKey: string }) => o.periodKey)).toEqual(['25A2', '25A3', '25A4', '26A1']);
    expect((await api.submit('26A1')).body.code).toBe('TAX_PERIOD_NOT_ENDED');
    expect((await api.submit('25A4')).status).toBe(201);
    expect((await api.get('/obligations?from=2025-10-01&to=2025-12-31')).body.obligations[0]).toMatchObject({ periodKey: '25A4', status: 'F', received: '2026-01-15' });
  });
});
