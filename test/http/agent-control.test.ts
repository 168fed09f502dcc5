import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, emulator } from '../support.js';

const ARN = 'NARN0396245';
const NINO = 'AA999999A';

describe('control API: agents and relationships', () => {
  let e: Emulator;
  beforeEach(async () => {
    e = await emulator();
    await addAccount(e, {
      userId: '900000000001',
      affinityGroup: 'Agent',
      identifiers: { agentServicesAccountNumber: ARN },
      enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: ARN }] }],
    });
  });

  it('creates, lists and removes a relationship directly', async () => {
    const created = await request(e.app).post('/_emulator/relationships').send({ arn: ARN, service: 'MTD-IT', clientId: 'aa 99 99 99 a', agentType: 'supporting' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ arn: ARN, service: 'MTD-IT', clientId: NINO, agentType: 'supporting', since: '2026-01-15T09:00:00.000Z' });
    expect((await request(e.app).get('/_emulator/relationships').query({ arn: ARN })).body.relationships).toHaveLength(1);
    expect((await request(e.app).get('/_emulator/relationships').query({ clientId: 'XX' })).body.relationships).toHaveLength(0);
    expect((await request(e.app).delete('/_emulator/relationships').query({ arn: ARN, service: 'MTD-IT', clientId: NINO })).status).toBe(204);
    const again = await request(e.app).delete('/_emulator/relationships').send({ arn: ARN, service: 'MTD-IT', clientId: NINO });
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('not_found');
  });

  it.each([
    [{ service: 'MTD-IT', clientId: NINO }],
    [{ arn: ARN, service: 'MTD-CGT', clientId: NINO }],
    [{ arn: ARN, service: 'MTD-IT', clientId: '101747696' }],
    [{ arn: ARN, service: 'MTD-VAT', clientId: '101747696', agentType: 'supporting' }],
    [{ arn: ARN, service: 'MTD-VAT', clientId: ['101747696'] }],
  ])('refuses a relationship it cannot make: %j', async (body) => {
    const res = await request(e.app).post('/_emulator/relationships').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
  });

  it('copies existing Self Assessment clients across as main-agent MTD-IT relationships, once', async () => {
    const added = await request(e.app)
      .post(`/_emulator/agents/${ARN}/sa-clients`)
      .send({ clients: [{ name: 'Ida Newton', nino: NINO, saUtr: '1000057161' }, { name: 'No NINO', saUtr: '8000083480' }] });
    expect(added.status).toBe(201);
    const copied = await request(e.app).post(`/_emulator/agents/${ARN}/copy-across`);
    expect(copied.status).toBe(200);
    expect(copied.body.relationships).toEqual([{ arn: ARN, service: 'MTD-IT', clientId: NINO, agentType: 'main', since: '2026-01-15T09:00:00.000Z' }]);
    expect((await request(e.app).post(`/_emulator/agents/${ARN}/copy-across`)).body.relationships).toEqual([]);
    const clients = (await request(e.app).get(`/_emulator/agents/${ARN}/sa-clients`)).body.clients;
    expect(clients[0]).toMatchObject({ nino: NINO, copiedAt: '2026-01-15T09:00:00.000Z' });
    expect(clients[1]).not.toHaveProperty('copiedAt');
  });

  it('answers 404 for an ARN no agent has, and 400 for a bad client list', async () => {
    expect((await request(e.app).post('/_emulator/agents/XARN1234567/copy-across')).status).toBe(404);
    expect((await request(e.app).post(`/_emulator/agents/${ARN}/sa-clients`).send({ clients: [{ name: 'x', nino: 'nope' }] })).status).toBe(400);
    expect((await request(e.app).post(`/_emulator/agents/${ARN}/sa-clients`).send({})).status).toBe(400);
  });

  it('accepts and rejects authorisation requests, 409 once responded', async () => {
    const invitation = await e.context.agents.invitations.create({ arn: ARN, service: 'MTD-VAT', clientType: 'business', clientId: '101747696' });
    const accepted = await request(e.app).post(`/_emulator/invitations/${invitation.invitationId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('Accepted');
    expect(await e.context.relationships.find(ARN, 'MTD-VAT', '101747696')).toMatchObject({ agentType: 'main' });
    expect((await request(e.app).post(`/_emulator/invitations/${invitation.invitationId}/reject`)).status).toBe(409);
    expect((await request(e.app).post('/_emulator/invitations/CS5AK7O8FPC43/accept')).status).toBe(404);
    const listed = await request(e.app).get('/_emulator/invitations').query({ arn: ARN });
    expect(listed.body.invitations).toEqual([expect.objectContaining({ invitationId: invitation.invitationId, status: 'Accepted' })]);
  });

  it('still answers unknown control paths with the control API 404', async () => {
    const res = await request(e.app).get('/_emulator/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
  });
});
