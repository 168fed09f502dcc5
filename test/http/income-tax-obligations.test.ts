import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, NINO, taxpayer } from './income-tax-fixtures.js';

const ie = `/obligations/details/${NINO}/income-and-expenditure`;
const fd = `/obligations/details/${NINO}/crystallisation`;

describe('Obligations API 3.0: income and expenditure', () => {
  it('gives a tax year’s cumulative quarters, fulfilled by what was submitted', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const api = client(e, token, '3.0');
    const year = `${ie}?fromDate=2025-04-06&toDate=2026-04-05`;
    const before = await api.get(year);
    expect(before.status).toBe(200);
    expect(before.body.obligations).toHaveLength(1);
    expect(before.body.obligations[0]).toMatchObject({ typeOfBusiness: 'self-employment', businessId: DEFAULT_BUSINESS_ID });
    expect(before.body.obligations[0].obligationDetails).toEqual([
      { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05', dueDate: '2025-08-05', status: 'open' },
      { periodStartDate: '2025-04-06', periodEndDate: '2025-10-05', dueDate: '2025-11-05', status: 'open' },
      { periodStartDate: '2025-04-06', periodEndDate: '2026-01-05', dueDate: '2026-02-05', status: 'open' },
      { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05', dueDate: '2026-05-05', status: 'open' },
    ]);
    const put = await client(e, token, '5.0').put(`/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/2025-26`, {
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-10-05' },
      periodIncome: { turnover: 1000 },
    });
    expect(put.status).toBe(204);
    const after = (await api.get(year)).body.obligations[0].obligationDetails;
    expect(after.map((o: { status: string }) => o.status)).toEqual(['fulfilled', 'fulfilled', 'open', 'open']);
    expect(after[1].receivedDate).toBe('2026-01-15');
    const open = (await api.get(`${year}&status=open`)).body.obligations[0].obligationDetails;
    expect(open.map((o: { periodEndDate: string }) => o.periodEndDate)).toEqual(['2026-01-05', '2026-04-05']);
  });

  it('defaults to today and the next 366 days, or every open obligation with status=open', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '3.0');
    const ends = async (query: string) => (await api.get(`${ie}${query}`)).body.obligations[0].obligationDetails.map((o: { periodEndDate: string }) => o.periodEndDate);
    expect(await ends('')).toEqual(['2026-04-05', '2026-07-05', '2026-10-05', '2027-01-05', '2027-04-05']);
    const open = await ends('?status=open');
    expect(open[0]).toBe('2024-07-05');
    expect(open).toHaveLength(12);
  });

  it('filters by dates, giving standard quarters before 2025-26', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '3.0');
    const res = await api.get(`${ie}?fromDate=2024-04-06&toDate=2025-04-05&typeOfBusiness=self-employment&businessId=${DEFAULT_BUSINESS_ID}`);
    expect(res.status).toBe(200);
    expect(res.body.obligations[0].obligationDetails.map((o: { periodStartDate: string }) => o.periodStartDate)).toEqual(['2024-04-06', '2024-07-06', '2024-10-06', '2025-01-06']);
    expect((await api.get(`${ie}?typeOfBusiness=uk-property`)).body).toEqual({ code: 'NO_OBLIGATIONS_FOUND', message: 'No obligations found using this filter' });
    expect((await api.get(`${ie}?typeOfBusiness=self-employment&businessId=XAIS99999999999`)).status).toBe(404);
  });

  it.each([
    ['fromDate=2025-4-6&toDate=2025-10-05', 'FORMAT_FROM_DATE', 'The provided fromDate is invalid'],
    ['fromDate=2025-04-06&toDate=2025-02-30', 'FORMAT_TO_DATE', 'The provided toDate is invalid'],
    ['typeOfBusiness=partnership', 'FORMAT_TYPE_OF_BUSINESS', 'The provided typeOfBusiness field is invalid'],
    ['typeOfBusiness=self-employment&businessId=123', 'FORMAT_BUSINESS_ID', 'The provided businessId is invalid'],
    ['status=closed', 'FORMAT_STATUS', 'The provided status is invalid'],
    ['toDate=2025-10-05', 'MISSING_FROM_DATE', 'The From date parameter is missing'],
    ['fromDate=2025-04-06', 'MISSING_TO_DATE', 'The To date parameter is missing'],
    ['fromDate=2025-10-05&toDate=2025-04-06', 'RANGE_TO_DATE_BEFORE_FROM_DATE', 'The To date must be after the From date'],
    ['fromDate=2024-04-06&toDate=2025-04-08', 'RULE_DATE_RANGE_INVALID', 'The specified date range is invalid'],
    ['fromDate=2024-04-06&toDate=2025-04-07', 'RULE_DATE_RANGE_INVALID', 'The specified date range is invalid'],
    ['fromDate=2024-04-06&toDate=2024-04-06', 'RULE_DATE_RANGE_INVALID', 'The specified date range is invalid'],
    ['fromDate=2018-01-01&toDate=2018-06-01', 'RULE_FROM_DATE_NOT_SUPPORTED', 'The specified From date is not supported as too early'],
    [`businessId=${DEFAULT_BUSINESS_ID}`, 'MISSING_TYPE_OF_BUSINESS', 'The type of business query parameter must be provided when an incomeSourceId is supplied'],
  ])('answers ?%s with 400 %s', async (query, code, message) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '3.0').get(`${ie}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code, message });
  });

  it('reports several query errors together', async () => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '3.0').get(`${ie}?fromDate=x&toDate=y&status=z`);
    expect(res.body.code).toBe('INVALID_REQUEST');
    expect(res.body.errors.map((x: { code: string }) => x.code)).toEqual(['FORMAT_FROM_DATE', 'FORMAT_TO_DATE', 'FORMAT_STATUS']);
  });

  it.each([
    ['OPEN', 'XPIS12345678903', 'uk-property', 'open'],
    ['FULFILLED', 'XFIS12345678902', 'foreign-property', 'fulfilled'],
  ])('answers Gov-Test-Scenario %s with canned data for the magic business ID', async (scenario, businessId, type, status) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '3.0').get(`${ie}?typeOfBusiness=${type}&businessId=${businessId}`, scenario);
    expect(res.body.obligations[0]).toMatchObject({ typeOfBusiness: type, businessId });
    expect(res.body.obligations[0].obligationDetails[0].status).toBe(status);
  });

  it('reflects the request in the DYNAMIC scenario and gives four cumulative quarters for CUMULATIVE', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '3.0');
    const dynamic = await api.get(`${ie}?fromDate=2025-04-06&toDate=2025-07-05&status=fulfilled`, 'DYNAMIC');
    expect(dynamic.body.obligations[0].obligationDetails[0]).toMatchObject({ periodStartDate: '2025-04-06', periodEndDate: '2025-07-05', status: 'fulfilled' });
    expect((await api.get(ie, 'CUMULATIVE')).body.obligations[0].obligationDetails).toHaveLength(4);
  });

  it.each([
    ['INSOLVENT_TRADER', 400, 'RULE_INSOLVENT_TRADER'],
    ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
    ['NO_OBLIGATIONS_FOUND', 404, 'NO_OBLIGATIONS_FOUND'],
    ['BANANA', 400, 'RULE_INCORRECT_GOV_TEST_SCENARIO'],
  ])('answers Gov-Test-Scenario %s with %i %s', async (scenario, status, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '3.0').get(ie, scenario);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });
});

describe('Obligations API 3.0: final declaration', () => {
  it('gives one open obligation per tax year the taxpayer has had a business', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '3.0');
    const res = await api.get(fd);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      obligations: [
        { periodStartDate: '2024-04-06', periodEndDate: '2025-04-05', dueDate: '2026-01-31', status: 'open' },
        { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05', dueDate: '2027-01-31', status: 'open' },
      ],
    });
    expect((await api.get(`${fd}?taxYear=2024-25`)).body.obligations).toHaveLength(1);
    expect((await api.get(`${fd}?taxYear=2024-25&status=fulfilled`)).body.code).toBe('NO_OBLIGATIONS_FOUND');
  });

  it.each([
    ['taxYear=2024', 'FORMAT_TAX_YEAR'],
    ['taxYear=2024-26', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['taxYear=2016-17', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['status=done', 'FORMAT_STATUS'],
  ])('answers ?%s with 400 %s', async (query, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '3.0').get(`${fd}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it('answers the MULTIPLE, DYNAMIC, INSOLVENT_TRADER and NOT_FOUND scenarios', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '3.0');
    expect((await api.get(`${fd}?taxYear=2023-24`, 'MULTIPLE')).body.obligations).toHaveLength(3);
    expect((await api.get(`${fd}?taxYear=2022-23`, 'DYNAMIC')).body.obligations[0]).toMatchObject({ periodStartDate: '2022-04-06', periodEndDate: '2023-04-05' });
    expect((await api.get(fd, 'INSOLVENT_TRADER')).body.code).toBe('RULE_INSOLVENT_TRADER');
    expect((await api.get(fd, 'NOT_FOUND')).status).toBe(404);
    expect((await api.get(fd, 'CUMULATIVE')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
  });
});
