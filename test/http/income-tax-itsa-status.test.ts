import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { agent, client, NINO, taxpayer, testSupportToken } from './income-tax-fixtures.js';

const SUPPORT = '/individuals/self-assessment-test-support';
const path = (taxYear = '2025-26', query = '') => `/individuals/person/itsa-status/${NINO}/${taxYear}${query}`;
const detail = (status: string, submittedOn: string, statusReason = 'Sign up - return available') => ({ submittedOn, status, statusReason });

describe('Self Assessment Individual Details API 2.0: ITSA status', () => {
  it('reads the status test support set, the latest alone or with its history, and later years on request', async () => {
    const e = await emulator({ data: 'realistic' });
    const support = client(e, await testSupportToken(e), '1.0');
    const older = detail('MTD Voluntary', '2025-04-10T10:00:00.000Z');
    const newer = detail('Annual', '2025-06-01T10:00:00.000Z', 'MTD ITSA Opt-Out');
    expect((await support.post(`${SUPPORT}/itsa-status/${NINO}/2025-26`, { itsaStatusDetails: [older, newer] })).status).toBe(204);
    expect((await support.post(`${SUPPORT}/itsa-status/${NINO}/2026-27`, { itsaStatusDetails: [older] })).status).toBe(204);
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get(path())).body).toEqual({ itsaStatuses: [{ taxYear: '2025-26', itsaStatusDetails: [newer] }] });
    expect((await api.get(path('2025-26', '?history=true'))).body.itsaStatuses[0].itsaStatusDetails).toEqual([newer, older]);
    expect((await api.get(path('2025-26', '?futureYears=true'))).body.itsaStatuses.map((s: { taxYear: string }) => s.taxYear)).toEqual(['2025-26', '2026-27']);
  });

  it('reads a year with no status set as MTD Mandated', async () => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '2.0').get(path('2024-25'));
    expect(res.body).toEqual({ itsaStatuses: [{ taxYear: '2024-25', itsaStatusDetails: [detail('MTD Mandated', '2024-04-06T00:00:00.000Z')] }] });
  });

  it("answers HMRC's example without a header in the sandbox profile, and the documented scenarios", async () => {
    const e = await emulator({ data: 'sandbox' });
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get(path())).body.itsaStatuses[0]).toMatchObject({ taxYear: '2025-26', itsaStatusDetails: [{ status: 'No Status' }] });
    expect((await api.get(path(), 'NOT_FOUND')).status).toBe(404);
    expect((await api.get(path(), 'NOT_ENROLLED')).body).toEqual({ code: 'CLIENT_NOT_MTD_ENROLLED', message: 'The client does not have an active MTD enrolment.' });
    expect((await api.get(path(), 'STATEFUL')).body.itsaStatuses[0].itsaStatusDetails[0].status).toBe('MTD Mandated');
    expect((await api.get(path(), 'OTHER')).body.code).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
  });

  it.each([
    [`/individuals/person/itsa-status/AA12/2025-26`, 'FORMAT_NINO'],
    [path('2025'), 'FORMAT_TAX_YEAR'],
    [path('2025-27'), 'RULE_TAX_YEAR_RANGE_INVALID'],
    [path('2025-26', '?futureYears=yes'), 'FORMAT_FUTURE_YEARS'],
    [path('2025-26', '?history=1'), 'FORMAT_HISTORY'],
  ])('refuses %s with %s', async (url, code) => {
    const e = await emulator({ data: 'realistic' });
    const res = await client(e, await taxpayer(e), '2.0').get(url);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(code);
  });

  it('lets an agent with a relationship read it, and nobody else', async () => {
    const e = await emulator({ data: 'realistic' });
    expect((await client(e, await agent(e, { agentType: 'supporting' }), '2.0').get(path())).status).toBe(200);
    expect((await client(e, await agent(e, { userId: 'stranger', arn: 'BARN7654321' }), '2.0').get(path())).body.code).toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');
  });
});
