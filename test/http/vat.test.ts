import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, emulator, JSON_V1, userToken } from '../support.js';
import { validHeaders } from './fraud-header-sets.js';
import { vatReturn } from '../vat-return.js';

const VRN = '123456789';
const OTHER_VRN = '987654321';
const FRAUD = validHeaders('DESKTOP_APP_DIRECT');

/** A valid nine-box return for a period (the VAT OAS example, VAT owed). */
const RETURN = vatReturn('25A2');

async function vatOrganisation(e: Emulator, userId: string, vrn: string): Promise<void> {
  await addAccount(e, {
    userId,
    affinityGroup: 'Organisation',
    identifiers: { vrn, vatRegistrationDate: '2017-01-01' },
    enrolments: [{ key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: vrn }] }],
  });
}

describe('VAT (MTD) API', () => {
  let e: Emulator;
  let token: string;
  const get = (path: string, headers: Record<string, string> = {}, bearer = token) =>
    request(e.app).get(path).set('Accept', JSON_V1).set('Authorization', `Bearer ${bearer}`).set(FRAUD).set(headers);
  const submit = (body: unknown, headers: Record<string, string> = {}, vrn = VRN) =>
    request(e.app).post(`/organisations/vat/${vrn}/returns`).set('Accept', JSON_V1).set('Authorization', `Bearer ${token}`).set(FRAUD).set(headers).send(body as object);

  beforeAll(async () => {
    e = await emulator({ data: 'realistic' }); // virtual clock frozen at 2026-01-15T09:00:00Z; sandbox defaults: vat-sandbox-defaults.test.ts
    await vatOrganisation(e, '100000000001', VRN);
    await vatOrganisation(e, '100000000002', OTHER_VRN);
    token = await userToken(e, '100000000001', 'read:vat write:vat');
  });

  describe('obligations', () => {
    it('lists five quarters up to the current one on the virtual clock, the oldest fulfilled', async () => {
      const res = await get(`/organisations/vat/${VRN}/obligations?from=2025-01-01&to=2025-12-31`);
      expect(res.status).toBe(200);
      expect(res.headers['x-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.obligations).toEqual([
        { start: '2025-01-01', end: '2025-03-31', due: '2025-05-07', status: 'F', periodKey: '25A1', received: '2025-05-06' },
        { start: '2025-04-01', end: '2025-06-30', due: '2025-08-07', status: 'O', periodKey: '25A2' },
        { start: '2025-07-01', end: '2025-09-30', due: '2025-11-07', status: 'O', periodKey: '25A3' },
        { start: '2025-10-01', end: '2025-12-31', due: '2026-02-07', status: 'O', periodKey: '25A4' },
      ]);
    });

    it('returns open obligations without dates when status is O', async () => {
      const res = await get(`/organisations/vat/${VRN}/obligations?status=O`, { 'Gov-Test-Scenario': 'QUARTERLY_NONE_MET' });
      expect(res.status).toBe(200);
      expect(res.body.obligations.map((o: { periodKey: string }) => o.periodKey)).toEqual(['25A1', '25A2', '25A3', '25A4', '26A1']);
    });

    it('keeps only fulfilled obligations when status is F', async () => {
      const res = await get(`/organisations/vat/${VRN}/obligations?from=2025-01-01&to=2025-12-31&status=F`, { 'Gov-Test-Scenario': 'QUARTERLY_THREE_MET' });
      expect(res.body.obligations.map((o: { status: string }) => o.status)).toEqual(['F', 'F', 'F']);
    });

    it.each([
      ['QUARTERLY_NONE_MET', 5, 0],
      ['QUARTERLY_ONE_MET', 5, 1],
      ['QUARTERLY_TWO_MET', 5, 2],
      ['QUARTERLY_THREE_MET', 5, 3],
      ['QUARTERLY_FOUR_MET', 5, 4],
      ['MONTHLY_NONE_MET', 4, 0],
      ['MONTHLY_ONE_MET', 4, 1],
      ['MONTHLY_TWO_MET', 4, 2],
      ['MONTHLY_THREE_MET', 4, 3],
      ['MONTHLY_OBS_03_OPEN', 3, 2],
      ['MONTHLY_OBS_12_FULFILLED', 12, 12],
      ['QUARTERLY_OBS_02_OPEN', 2, 1],
      ['QUARTERLY_OBS_04_FULFILLED', 4, 4],
      ['MULTIPLE_OPEN_MONTHLY', 3, 1],
      ['MULTIPLE_OPEN_QUARTERLY', 3, 1],
      ['OBS_SPANS_MULTIPLE_YEARS', 1, 0],
      ['NO_SUCH_SCENARIO', 5, 1],
    ])('answers Gov-Test-Scenario %s with %i obligations, %i fulfilled', async (scenario, count, fulfilled) => {
      const res = await get(`/organisations/vat/${VRN}/obligations?from=2025-01-15&to=2026-01-14`, { 'Gov-Test-Scenario': scenario });
      expect(res.status).toBe(200);
      expect(res.body.obligations).toHaveLength(count);
      expect(res.body.obligations.filter((o: { status: string }) => o.status === 'F')).toHaveLength(fulfilled);
    });

    it('has a spanning obligation across 2018 and 2019 for OBS_SPANS_MULTIPLE_YEARS', async () => {
      const res = await get(`/organisations/vat/${VRN}/obligations?status=O`, { 'Gov-Test-Scenario': 'OBS_SPANS_MULTIPLE_YEARS' });
      expect(res.body.obligations[0]).toMatchObject({ start: '2018-10-01', end: '2019-09-30', status: 'O' });
    });

    it.each([
      ['INSOLVENT_TRADER', 403, 'RULE_INSOLVENT_TRADER'],
      ['NOT_FOUND', 404, 'NOT_FOUND'],
    ])('answers Gov-Test-Scenario %s with %i %s', async (scenario, status, code) => {
      const res = await get(`/organisations/vat/${VRN}/obligations?status=O`, { 'Gov-Test-Scenario': scenario });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
    });

    it('answers 404 NOT_FOUND when no obligation falls in the dates', async () => {
      const res = await get(`/organisations/vat/${VRN}/obligations?from=2020-01-01&to=2020-12-31`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'The requested resource could not be found' });
    });

    it.each([
      ['a VRN that is not nine digits', 'VRN_INVALID', '12345678X/obligations?status=O', 'The provided VRN is invalid'],
      ['an invalid from date', 'INVALID_DATE_FROM', `${VRN}/obligations?from=2025-13-01&to=2025-12-31`, 'The provided from date is invalid'],
      ['a missing from date without status O', 'INVALID_DATE_FROM', `${VRN}/obligations?to=2025-12-31`, 'The provided from date is invalid'],
      ['a missing to date without status O', 'INVALID_DATE_TO', `${VRN}/obligations?from=2025-01-01&status=F`, 'The provided to date is invalid'],
      ['an impossible to date', 'INVALID_DATE_TO', `${VRN}/obligations?from=2025-01-01&to=2025-02-30`, 'The provided to date is invalid'],
      ['a range over 366 days', 'INVALID_DATE_RANGE', `${VRN}/obligations?from=2024-01-01&to=2025-01-02`, 'Invalid date range, must be 366 days or less'],
      ['from after to', 'INVALID_DATE_RANGE', `${VRN}/obligations?from=2025-06-01&to=2025-01-01`, 'Invalid date range, must be 366 days or less'],
      ['an unknown status', 'INVALID_STATUS', `${VRN}/obligations?from=2025-01-01&to=2025-12-31&status=X`, 'The provided data is failed validation, invalid status'],
      ['a repeated status', 'INVALID_STATUS', `${VRN}/obligations?from=2025-01-01&to=2025-12-31&status=O&status=F`, 'The provided data is failed validation, invalid status'],
    ])('answers %s with 400 %s', async (_why, code, path, message) => {
      const res = await get(`/organisations/vat/${path}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code, message });
    });
  });

  describe('submit and view a return', () => {
    it('stores a return, answers 201 with a receipt, and shows it back', async () => {
      const res = await submit(RETURN);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        processingDate: '2026-01-15T09:00:00.000+0000',
        paymentIndicator: 'DD',
        formBundleNumber: expect.stringMatching(/^\d{12}$/),
        chargeRefNumber: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
      });
      expect(res.headers['receipt-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['receipt-timestamp']).toBe('2026-01-15T09:00:00Z');
      expect(res.headers['receipt-signature']).toBeTruthy();

      const view = await get(`/organisations/vat/${VRN}/returns/25A2`);
      expect(view.status).toBe(200);
      const { finalised: _f, ...boxes } = RETURN;
      expect(view.body).toEqual(boxes);
    });

    it('fulfils the matching obligation with the submission date', async () => {
      const res = await get(`/organisations/vat/${VRN}/obligations?from=2025-04-01&to=2025-06-30`);
      expect(res.body.obligations).toEqual([{ start: '2025-04-01', end: '2025-06-30', due: '2025-08-07', status: 'F', periodKey: '25A2', received: '2026-01-15' }]);
    });

    it('raises a liability for the VAT owed', async () => {
      const res = await get(`/organisations/vat/${VRN}/liabilities?from=2025-04-01&to=2025-12-31`);
      expect(res.status).toBe(200);
      expect(res.body.liabilities).toEqual([
        { taxPeriod: { from: '2025-04-01', to: '2025-06-30' }, type: 'VAT Return Debit Charge', originalAmount: 3.9, outstandingAmount: 3.9, due: '2025-08-07' },
      ]);
    });

    it('refuses a second return for the same period with 403 DUPLICATE_SUBMISSION', async () => {
      const res = await submit(RETURN);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ code: 'DUPLICATE_SUBMISSION', message: 'The VAT return was already submitted for the given period' });
    });

    it('refuses a return for the current, unfinished quarter with 403 TAX_PERIOD_NOT_ENDED', async () => {
      const res = await submit({ ...RETURN, periodKey: '26A1' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('TAX_PERIOD_NOT_ENDED');
    });

    it('accepts a period key with a hash, which must be URL-encoded to view', async () => {
      expect((await submit({ ...RETURN, periodKey: '#001', vatReclaimedCurrPeriod: 10, netVatDue: 4.95 })).status).toBe(201);
      const view = await get(`/organisations/vat/${VRN}/returns/%23001`);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ periodKey: '#001', netVatDue: 4.95 });
    });

    it('answers BANK and no charge reference when VAT is to be reclaimed', async () => {
      const res = await submit({ ...RETURN, periodKey: '25A3', vatReclaimedCurrPeriod: 10, netVatDue: 4.95 });
      expect(res.status).toBe(201);
      expect(res.body.paymentIndicator).toBe('BANK');
      expect(res.body.chargeRefNumber).toBeUndefined();
    });

    it('answers 404 NOT_FOUND for a period with no return', async () => {
      const res = await get(`/organisations/vat/${VRN}/returns/24A1`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'The requested resource could not be found' });
    });

    it('answers a malformed period key with 400 INVALID_REQUEST wrapping PERIOD_KEY_INVALID', async () => {
      const res = await get(`/organisations/vat/${VRN}/returns/A0011`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'INVALID_REQUEST', message: 'Invalid request', errors: [{ code: 'PERIOD_KEY_INVALID', message: 'Invalid period key' }] });
    });

    it.each([
      ['DATE_RANGE_TOO_LARGE', 'DATE_RANGE_TOO_LARGE'],
      ['INSOLVENT_TRADER', 'RULE_INSOLVENT_TRADER'],
    ])('answers view return with Gov-Test-Scenario %s with 403 %s', async (scenario, code) => {
      const res = await get(`/organisations/vat/${VRN}/returns/25A2`, { 'Gov-Test-Scenario': scenario });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe(code);
    });

    it.each([
      ['INVALID_VRN', 400, 'VRN_INVALID'],
      ['INVALID_PERIODKEY', 400, 'PERIOD_KEY_INVALID'],
      ['INVALID_PAYLOAD', 400, 'INVALID_REQUEST'],
      ['DUPLICATE_SUBMISSION', 403, 'DUPLICATE_SUBMISSION'],
      ['TAX_PERIOD_NOT_ENDED', 403, 'TAX_PERIOD_NOT_ENDED'],
      ['INSOLVENT_TRADER', 403, 'RULE_INSOLVENT_TRADER'],
    ])('answers submit with Gov-Test-Scenario %s with %i %s and stores nothing', async (scenario, status, code) => {
      const res = await submit({ ...RETURN, periodKey: '24A4' }, { 'Gov-Test-Scenario': scenario });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect((await get(`/organisations/vat/${VRN}/returns/24A4`)).status).toBe(404);
    });
  });

  describe('return validation', () => {
    it('answers VAT_TOTAL_VALUE inside INVALID_REQUEST when box 3 is not box 1 + box 2', async () => {
      const res = await submit({ ...RETURN, periodKey: '24A1', totalVatDue: 6 , netVatDue: 4.85 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_REQUEST',
        message: 'Invalid request',
        errors: [{ code: 'VAT_TOTAL_VALUE', message: 'totalVatDue should be equal to vatDueSales + vatDueAcquisitions', path: '/totalVatDue' }],
      });
    });

    it('answers VAT_NET_VALUE when box 5 is not the difference of boxes 3 and 4', async () => {
      const res = await submit({ ...RETURN, periodKey: '24A1', netVatDue: 1 });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 'VAT_NET_VALUE', path: '/netVatDue' })]);
    });

    it('answers a single bad amount with INVALID_MONETARY_AMOUNT and its path', async () => {
      const res = await submit({ ...RETURN, periodKey: '24A1', vatDueSales: 105.555 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'INVALID_MONETARY_AMOUNT',
        message: 'amount should be a monetary value (to 2 decimal places), between -9,999,999,999,999.99 and 9,999,999,999,999.99',
        path: '/vatDueSales',
      });
    });

    it('answers a negative net VAT and pence in box 6 together, as INVALID_REQUEST with each path', async () => {
      const res = await submit({ ...RETURN, periodKey: '24A1', netVatDue: -1, totalValueSalesExVAT: 300.5 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_REQUEST');
      expect(res.body.errors.map((x: { path: string }) => x.path)).toEqual(['/netVatDue', '/totalValueSalesExVAT']);
    });

    it('answers missing and mistyped fields with INVALID_REQUEST listing each', async () => {
      const res = await submit({ periodKey: 1, vatDueSales: '105.5', finalised: 'yes' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_REQUEST');
      const codes = Object.fromEntries(res.body.errors.map((x: { path: string; code: string }) => [x.path, x.code]));
      expect(codes).toMatchObject({
        '/vatDueAcquisitions': 'MANDATORY_FIELD_MISSING',
        '/totalAcquisitionsExVAT': 'MANDATORY_FIELD_MISSING',
        '/vatDueSales': 'INVALID_NUMERIC_VALUE',
        '/periodKey': 'INVALID_STRING_VALUE',
        '/finalised': 'UNMAPPED_PLAY_ERROR',
      });
    });

    it('answers a period key that is not four characters with PERIOD_KEY_INVALID', async () => {
      const res = await submit({ ...RETURN, periodKey: 'A0001' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ code: 'PERIOD_KEY_INVALID', message: 'period key should be a 4 character string', path: '/periodKey' }]);
    });

    it('answers an unfinalised return with 403 NOT_FINALISED', async () => {
      const res = await submit({ ...RETURN, periodKey: '24A1', finalised: false });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        code: 'BUSINESS_ERROR',
        message: 'Business validation error',
        errors: [{ code: 'NOT_FINALISED', message: 'The return cannot be accepted without a declaration it is finalised.', path: '/finalised' }],
      });
    });

    it('answers a body that is not JSON with 415 INVALID_BODY_TYPE', async () => {
      const res = await submit('periodKey=24A1', { 'Content-Type': 'text/plain' });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('INVALID_BODY_TYPE');
    });

    it('answers malformed JSON with 400, never a 500', async () => {
      const res = await submit('{"periodKey": ', { 'Content-Type': 'application/json' });
      expect(res.status).toBe(400);
    });

    it('answers a JSON array with 400 INVALID_REQUEST', async () => {
      const res = await submit([RETURN]);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED');
    });
  });

  describe('liabilities and payments', () => {
    it('answers 404 NOT_FOUND when there is nothing, as the sandbox does by default', async () => {
      expect((await get(`/organisations/vat/${VRN}/payments?from=2025-01-01&to=2025-12-31`)).status).toBe(404);
      expect((await get(`/organisations/vat/${OTHER_VRN}/liabilities?from=2025-01-01&to=2025-12-31`, {}, await userToken(e, '100000000002', 'read:vat'))).status).toBe(404);
    });

    it.each([
      ['liabilities', 'SINGLE_LIABILITY', '2017-01-02', '2017-02-02', 1],
      ['liabilities', 'MULTIPLE_LIABILITIES', '2017-04-05', '2017-12-21', 3],
      ['liabilities', 'SINGLE_LIABILITY_2018_19', '2018-01-02', '2018-02-02', 1],
      ['liabilities', 'MULTIPLE_LIABILITIES_2018_19', '2018-04-05', '2018-12-21', 3],
      ['payments', 'SINGLE_PAYMENT', '2017-01-02', '2017-02-02', 1],
      ['payments', 'MULTIPLE_PAYMENTS', '2017-02-27', '2017-12-21', 3],
      ['payments', 'SINGLE_PAYMENT_2018_19', '2018-01-02', '2018-02-02', 1],
      ['payments', 'MULTIPLE_PAYMENTS_2018_19', '2018-02-27', '2018-12-21', 3],
    ])('answers %s with Gov-Test-Scenario %s for its dates', async (what, scenario, from, to, count) => {
      const res = await get(`/organisations/vat/${VRN}/${what}?from=${from}&to=${to}`, { 'Gov-Test-Scenario': scenario });
      expect(res.status).toBe(200);
      expect(res.body[what]).toHaveLength(count);
    });

    it.each(['liabilities', 'payments'])('answers %s with Gov-Test-Scenario INSOLVENT_TRADER with 403', async (what) => {
      const res = await get(`/organisations/vat/${VRN}/${what}?from=2025-01-01&to=2025-12-31`, { 'Gov-Test-Scenario': 'INSOLVENT_TRADER' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('RULE_INSOLVENT_TRADER');
    });

    it.each([
      ['a missing from date', 'to=2025-12-31', 'DATE_FROM_INVALID'],
      ['an invalid to date', 'from=2025-01-01&to=2025-1-31', 'DATE_TO_INVALID'],
      ['a to date after today', 'from=2025-06-01&to=2026-02-01', 'DATE_TO_INVALID'],
      ['a year or more', 'from=2025-01-01&to=2026-01-01', 'DATE_RANGE_INVALID'],
      ['from after to', 'from=2025-06-01&to=2025-01-01', 'DATE_RANGE_INVALID'],
    ])('answers %s with 400 %s', async (_why, query, code) => {
      for (const what of ['liabilities', 'payments']) {
        const res = await get(`/organisations/vat/${VRN}/${what}?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe(code);
      }
    });
  });

  describe('customer information', () => {
    it.each([
      [undefined, { customerDetails: { effectiveRegistrationDate: '2017-01-01' }, flatRateScheme: { frsCategory: '001', startDate: '2017-01-01' } }],
      ['NO_EFFECTREGISTRATIONDATE', { customerDetails: {}, flatRateScheme: { frsCategory: '001', startDate: '2017-01-01' } }],
      ['NO_FLATRATESCHEME', { customerDetails: { effectiveRegistrationDate: '2017-01-01' } }],
      ['NO_EFFECTREGISTRATIONDATE_NO_FRS', { customerDetails: {} }],
    ])('answers Gov-Test-Scenario %s with the registration date and flat rate scheme it describes', async (scenario, body) => {
      const res = await get(`/organisations/vat/${VRN}/information`, scenario ? { 'Gov-Test-Scenario': scenario } : {});
      expect(res.status).toBe(200);
      expect(res.body).toEqual(body);
    });

    it('answers Gov-Test-Scenario CUSTOMER_INFO_NOT_FOUND with 404', async () => {
      const res = await get(`/organisations/vat/${VRN}/information`, { 'Gov-Test-Scenario': 'CUSTOMER_INFO_NOT_FOUND' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });
  });

  describe('penalties and financial details', () => {
    it('lists two late submission points and two late payment penalties by default, within the last 24 months', async () => {
      const res = await get(`/organisations/vat/${VRN}/penalties`);
      expect(res.status).toBe(200);
      expect(res.body.lateSubmissionPenalty.summary).toEqual({
        activePenaltyPoints: 2,
        inactivePenaltyPoints: 0,
        periodOfComplianceAchievement: expect.stringMatching(/^202[7-8]-/),
        regimeThreshold: 4,
        penaltyChargeAmount: 0,
      });
      expect(res.body.latePaymentPenalty.details.map((d: { penaltyCategory: string }) => d.penaltyCategory)).toEqual(['LPP1', 'LPP2']);
      const dates: string[] = res.body.lateSubmissionPenalty.details.map((d: { penaltyCreationDate: string }) => d.penaltyCreationDate);
      expect(dates.every((d) => d > '2024-01-15' && d < '2026-01-15')).toBe(true);
    });

    it.each([
      ['NO_PENALTIES', 0, 0, 0],
      ['LATE_SUBMISSION', 1, 0, 0],
      ['LATE_PAYMENT', 0, 0, 1],
      ['MULTIPLE_PENALTIES', 1, 0, 1],
      ['MULTIPLE_LATE_PAYMENT_PENALTIES', 0, 0, 3],
      ['MULTIPLE_LATE_SUBMISSION_PENALTIES', 3, 0, 0],
      ['MULTIPLE_INACTIVE_LATE_SUBMISSION_PENALTIES', 0, 2, 0],
      ['THRESHOLD_LATE_SUBMISSION_PENALTIES', 4, 0, 0],
      ['CHARGE_LATE_SUBMISSION_PENALTIES', 5, 0, 0],
    ])('answers Gov-Test-Scenario %s with %i active and %i inactive points and %i late payment penalties', async (scenario, active, inactive, lpp) => {
      const res = await get(`/organisations/vat/${VRN}/penalties`, { 'Gov-Test-Scenario': scenario });
      expect(res.status).toBe(200);
      expect(res.body.lateSubmissionPenalty?.summary.activePenaltyPoints ?? 0).toBe(active);
      expect(res.body.lateSubmissionPenalty?.summary.inactivePenaltyPoints ?? 0).toBe(inactive);
      expect(res.body.latePaymentPenalty?.details.length ?? 0).toBe(lpp);
    });

    it('answers an unknown penalties scenario with 400 RULE_INCORRECT_GOV_TEST_SCENARIO', async () => {
      const res = await get(`/organisations/vat/${VRN}/penalties`, { 'Gov-Test-Scenario': 'LOTS' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'RULE_INCORRECT_GOV_TEST_SCENARIO', message: 'The supplied Gov-Test-Scenario is not valid' });
    });

    it('gives the financial details of a charge that a penalty names', async () => {
      const penalties = await get(`/organisations/vat/${VRN}/penalties`, { 'Gov-Test-Scenario': 'CHARGE_LATE_SUBMISSION_PENALTIES' });
      const charge = penalties.body.lateSubmissionPenalty.details.find((d: { penaltyCategory: string }) => d.penaltyCategory === 'charge');
      const res = await get(`/organisations/vat/${VRN}/financial-details/${charge.chargeReference}`);
      expect(res.status).toBe(200);
      expect(res.body.documentDetails[0]).toMatchObject({ documentTotalAmount: 200, lineItemDetails: [expect.objectContaining({ chargeDescription: 'VAT Late Submission Penalty', netDueDate: charge.chargeDueDate })] });
      const lpp = (await get(`/organisations/vat/${VRN}/penalties`)).body.latePaymentPenalty.details.find((d: { penaltyStatus: string }) => d.penaltyStatus === 'posted');
      expect((await get(`/organisations/vat/${VRN}/financial-details/${lpp.penaltyChargeReference}`)).body.totalisations.totalBalance).toBe(400);
    });

    it.each([
      ['a malformed charge reference', 'XP12345', 400, 'CHARGE_REFERENCE_INVALID'],
      ['a charge no penalty names', 'XP999999999999', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
    ])('answers %s with %i %s', async (_why, reference, status, code) => {
      const res = await get(`/organisations/vat/${VRN}/financial-details/${reference}`);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a badly encoded period key', `/organisations/vat/${VRN}/returns/%ZZ`, 400],
      ['a very long VRN', `/organisations/vat/${'9'.repeat(5000)}/obligations?status=O`, 400],
      ['script in the VRN', `/organisations/vat/%3Cscript%3E/obligations?status=O`, 400],
      ['a huge from date', `/organisations/vat/${VRN}/obligations?from=${'2'.repeat(3000)}&to=2025-12-31`, 400],
    ])('answers %s with a 4xx in HMRC\'s shape, never a 500', async (_why, path, status) => {
      const res = await get(path);
      expect(res.status).toBe(status);
      expect(res.body.code).toEqual(expect.any(String));
      expect(res.text).not.toContain('<script>');
    });

    it('answers an XML Accept header with 406, as the VAT API speaks only JSON', async () => {
      const res = await request(e.app).get(`/organisations/vat/${VRN}/obligations?status=O`).set('Accept', 'application/vnd.hmrc.1.0+xml').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(406);
    });

    it('answers version 2.0 with 404 NOT_FOUND', async () => {
      const res = await request(e.app).get(`/organisations/vat/${VRN}/obligations?status=O`).set('Accept', 'application/vnd.hmrc.2.0+json').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });
  });

  describe('who may see what', () => {
    it("refuses another organisation's VRN with 403 CLIENT_OR_AGENT_NOT_AUTHORISED", async () => {
      const res = await get(`/organisations/vat/${OTHER_VRN}/obligations?status=O`);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ code: 'CLIENT_OR_AGENT_NOT_AUTHORISED', message: 'The client and/or agent is not authorised.' });
    });

    it('lets an agent through only with an MTD-VAT relationship', async () => {
      await addAccount(e, {
        userId: '100000000003',
        affinityGroup: 'Agent',
        identifiers: { agentServicesAccountNumber: 'TARN0000001' },
        enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: 'TARN0000001' }] }],
      });
      const agent = await userToken(e, '100000000003', 'read:vat');
      expect((await get(`/organisations/vat/${OTHER_VRN}/obligations?status=O`, {}, agent)).status).toBe(403);
      await e.context.relationships.add({ arn: 'TARN0000001', service: 'MTD-VAT', clientId: OTHER_VRN, agentType: 'main', since: '2026-01-01T00:00:00Z' });
      expect((await get(`/organisations/vat/${OTHER_VRN}/obligations?status=O`, {}, agent)).status).toBe(200);
      expect((await get(`/organisations/vat/${VRN}/obligations?status=O`, {}, agent)).status).toBe(403);
    });

    it('needs write:vat to submit', async () => {
      const readOnly = await userToken(e, '100000000002', 'read:vat');
      const res = await request(e.app).post(`/organisations/vat/${OTHER_VRN}/returns`).set('Accept', JSON_V1).set('Authorization', `Bearer ${readOnly}`).send(RETURN);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('INVALID_SCOPE');
    });
  });
});
