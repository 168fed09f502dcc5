import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { agent, client, NINO, taxpayer } from './income-tax-fixtures.js';

const denied = { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED', message: 'The client or agent is not authorised' };
const list = `/individuals/business/details/${NINO}/list`;

describe('Income Tax APIs: who may see what', () => {
  it('lets a taxpayer reach only their own NINO', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get(list)).status).toBe(200);
    const other = await api.get('/individuals/business/details/AB123456C/list');
    expect(other.status).toBe(403);
    expect(other.body).toEqual(denied);
  });

  it('refuses taxpayers who have not signed up to Making Tax Digital for Income Tax', async () => {
    const e = await emulator({ data: 'realistic' });
    const notSignedUp = client(e, await taxpayer(e, { userId: 'not-signed-up', enrolled: false }), '3.0');
    expect((await notSignedUp.get(`/obligations/details/${NINO}/crystallisation`)).body).toEqual(denied);
  });

  it('lets an agent in only through a relationship with the client', async () => {
    const e = await emulator({ data: 'realistic' });
    const without = client(e, await agent(e, { userId: 'agent-a', arn: 'AARN0000001' }), '2.0');
    expect((await without.get(list)).body).toEqual(denied);
    const main = client(e, await agent(e, { userId: 'agent-b', arn: 'AARN0000002', agentType: 'main' }), '2.0');
    expect((await main.get(list)).status).toBe(200);
  });

  it('lets a supporting agent see obligations and send quarterly updates, but not use calculations', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await agent(e, { agentType: 'supporting' });
    expect((await client(e, token, '3.0').get(`/obligations/details/${NINO}/income-and-expenditure`)).status).toBe(200);
    expect((await client(e, token, '2.0').get(list)).status).toBe(200);
    const put = await client(e, token, '5.0').put(`/individuals/business/self-employment/${NINO}/XAIS12345600001/cumulative/2025-26`, {
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' },
      periodIncome: { turnover: 100 },
    });
    expect(put.status).toBe(204);
    const calc = client(e, token, '8.0');
    const trigger = await calc.post(`/individuals/calculations/${NINO}/self-assessment/2024-25/trigger/in-year`);
    expect(trigger.status).toBe(403);
    expect(trigger.body).toEqual(denied);
    expect((await calc.get(`/individuals/calculations/${NINO}/self-assessment/2024-25`)).body).toEqual(denied);
  });

  it('lets a main agent trigger, read and declare, recorded as requested by the customer as HMRC reports it', async () => {
    const e = await emulator({ data: 'realistic' });
    const calc = client(e, await agent(e, { agentType: 'main' }), '8.0');
    const trigger = await calc.post(`/individuals/calculations/${NINO}/self-assessment/2024-25/trigger/intent-to-finalise`);
    expect(trigger.status).toBe(202);
    e.context.clock.advance(5000);
    const retrieved = await calc.get(`/individuals/calculations/${NINO}/self-assessment/2024-25/${trigger.body.calculationId}`);
    expect(retrieved.body.metadata.requestedBy).toBe('customer');
    expect((await calc.post(`/individuals/calculations/${NINO}/self-assessment/2024-25/${trigger.body.calculationId}/final-declaration`)).status).toBe(204);
  });

  it('keeps each application’s data apart, as HMRC keeps stateful data per vendor', async () => {
    const e = await emulator({ data: 'realistic' });
    const token = await taxpayer(e);
    await client(e, token, '8.0').post(`/individuals/calculations/${NINO}/self-assessment/2024-25/trigger/in-year`);
    expect(await e.context.incomeTax.hasStoredState('LocalSandboxDefaultClientId0', NINO)).toBe(true);
    expect(await e.context.incomeTax.hasStoredState('AnotherApplicationClientId00', NINO)).toBe(false);
  });

  it('validates fraud prevention headers on every call, errors included', async () => {
    const e = await emulator({ data: 'realistic' });
    const api = client(e, await taxpayer(e), '2.0');
    expect((await api.get(list)).headers['x-emulator-fraud-headers']).toBe('INVALID_HEADERS');
    expect((await api.get('/individuals/business/details/AB123456C/list')).headers['x-emulator-fraud-headers']).toBe('INVALID_HEADERS');
  });
});
