import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { client, DEFAULT_BUSINESS_ID, NINO, taxpayer, testSupportToken } from './income-tax-fixtures.js';

describe('Income Tax APIs: malformed and hostile input gets HMRC’s 4xx, never a 500', () => {
  it('answers odd path parameters with format errors', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    for (const nino of ['%3Cscript%3E', 'A'.repeat(300), '%ZZ', 'AA123456A%00']) {
      const res = await api.get(`/individuals/business/details/${nino}/list`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('FORMAT_NINO');
    }
  });

  it('treats repeated or structured query parameters as malformed', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '3.0');
    const repeated = await api.get(`/obligations/details/${NINO}/income-and-expenditure?fromDate=2025-04-06&fromDate=2025-05-06&toDate=2025-10-05`);
    expect(repeated.body).toEqual({ code: 'FORMAT_FROM_DATE', message: 'The provided fromDate is invalid' });
    const calc = client(e, await taxpayer(e, { userId: 'second' }), '8.0');
    expect((await calc.get(`/individuals/calculations/${NINO}/self-assessment/2025-26?calculationType=in-year&calculationType=x`)).body.code).toBe('FORMAT_CALCULATION_TYPE');
  });

  it('refuses bodies that are invalid JSON, arrays, nulls or deeply wrong', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    const path = `/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/2025-26`;
    const put = (body: string) =>
      request(e.app).put(path).set('Accept', 'application/vnd.hmrc.5.0+json').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(body);
    expect((await put('{"periodIncome":')).status).toBe(400);
    for (const body of ['[]', 'null', '"text"', '{"periodIncome":[1,2]}', '{"periodIncome":{"turnover":1e400}}', '{"periodDates":{"periodStartDate":{"$gt":""}}}']) {
      const res = await put(body);
      expect(res.status, body).toBe(400);
      expect(res.body.code, body).toMatch(/^(RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED|INVALID_REQUEST|FORMAT_START_DATE|BAD_REQUEST)$/);
    }
  });

  it('never echoes unknown fields back', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '5.0');
    const path = `/individuals/business/self-employment/${NINO}/${DEFAULT_BUSINESS_ID}/cumulative/2025-26`;
    await api.put(path, { periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' }, periodIncome: { turnover: 1, evil: '<script>' }, extra: true });
    expect((await api.get(path)).body).toEqual({ periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' }, periodIncome: { turnover: 1 } });
    const support = client(e, await testSupportToken(e), '1.0');
    const created = await support.post(`/individuals/self-assessment-test-support/business/${NINO}`, { typeOfBusiness: 'foreign-property', latencyDetails: null });
    expect(created.body.code).toBe('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED');
  });
});
