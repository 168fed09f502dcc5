import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SeededPersona } from '../../emulator/accounts/seed.js';
import type { Emulator } from '../../emulator/app.js';
import { emulator, userToken } from '../support.js';

const V2 = 'application/vnd.hmrc.2.0+json';
const VAT = 'application/vnd.hmrc.1.0+json';
const SCOPES = 'read:sent-invitations write:sent-invitations read:check-relationship write:relationships read:vat read:self-assessment';

describe('the seeded agent persona, offline from end to end', () => {
  let e: Emulator;
  let agent: SeededPersona;
  let token: string;
  const persona = (name: string): SeededPersona => e.personas().find((p) => p.persona === name)!;
  beforeEach(async () => {
    e = await emulator();
    agent = persona('agent');
    token = await userToken(e, agent.userId, SCOPES, agent.password);
  });

  const businessDetails = (nino: string) =>
    request(e.app).get(`/individuals/business/details/${nino}/list`).set('Accept', V2).set('Authorization', `Bearer ${token}`);
  const vatObligations = (vrn: string) =>
    request(e.app).get(`/organisations/vat/${vrn}/obligations`).query({ status: 'O' }).set('Accept', VAT).set('Authorization', `Bearer ${token}`);

  it('has existing Self Assessment clients, and reaches their Income Tax only after copying them across', async () => {
    const clients = (await request(e.app).get(`/_emulator/agents/${agent.arn}/sa-clients`)).body.clients;
    expect(clients.map((c: { nino: string }) => c.nino)).toEqual([persona('individual').nino, persona('legacy-sandbox-user').nino]);
    const before = await businessDetails(persona('individual').nino!);
    expect(before.status).toBe(403);
    expect(before.body.code).toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');
    expect((await request(e.app).post(`/_emulator/agents/${agent.arn}/copy-across`)).body.relationships).toHaveLength(2);
    expect((await businessDetails(persona('individual').nino!)).status).toBe(200);
    expect((await businessDetails(persona('client-1').nino!)).status).toBe(403);
  });

  it("reaches a client's VAT once the client accepts, and not after the agent de-authorises", async () => {
    const org = (await e.context.accounts.find(persona('organisation').userId))!;
    const vrn = org.identifiers.vrn!;
    expect((await vatObligations(vrn)).status).toBe(403);
    const knownFact = await request(e.app).get(`/agent-authorisation-test-support/known-facts/mtd-vat/vrn/${vrn}`).set('Accept', VAT);
    expect(knownFact.body).toEqual({ service: ['MTD-VAT'], clientType: 'business', clientIdType: 'vrn', clientId: vrn, knownFact: org.identifiers.vatRegistrationDate });
    const { service: _array, ...rest } = knownFact.body;
    const created = await request(e.app).post(`/agents/${agent.arn}/invitations`).set('Accept', V2).set('Authorization', `Bearer ${token}`).send({ ...rest, service: 'MTD-VAT' });
    expect(created.status).toBe(204);
    const id = String(created.headers.location).split('/').pop();
    expect((await request(e.app).put(`/agent-authorisation-test-support/invitations/${id}`).set('Accept', VAT)).status).toBe(204);
    expect((await vatObligations(vrn)).status).toBe(200);
    const deauthorised = await request(e.app)
      .put(`/agents/${agent.arn}/deauthorise-client`)
      .set('Accept', V2)
      .set('Authorization', `Bearer ${token}`)
      .send({ service: 'MTD-VAT', clientType: 'business', clientIdType: 'vrn', clientId: vrn });
    expect(deauthorised.status).toBe(204);
    expect((await vatObligations(vrn)).status).toBe(403);
  });

  it("uses the client's postcode as the Income Tax known fact, and rejects through test support", async () => {
    const client = persona('client-1');
    const knownFact = await request(e.app).get(`/agent-authorisation-test-support/known-facts/mtd-it/nino/${client.nino}`).set('Accept', VAT);
    expect(knownFact.status).toBe(200);
    expect(knownFact.body).toMatchObject({ service: ['MTD-IT'], clientType: 'personal', clientIdType: 'ni', clientId: client.nino });
    const created = await request(e.app).post(`/agents/${agent.arn}/invitations`).set('Accept', V2).set('Authorization', `Bearer ${token}`).send({ ...knownFact.body, agentType: 'supporting' });
    expect(created.status).toBe(204);
    const id = String(created.headers.location).split('/').pop();
    expect((await request(e.app).delete(`/agent-authorisation-test-support/invitations/${id}`).set('Accept', VAT)).status).toBe(204);
    expect((await request(e.app).delete(`/agent-authorisation-test-support/invitations/${id}`).set('Accept', VAT)).status).toBe(409);
    expect((await request(e.app).put('/agent-authorisation-test-support/invitations/CS5AK7O8FPC43').set('Accept', VAT)).status).toBe(404);
    expect((await businessDetails(client.nino!)).status).toBe(403);
  });

  it('can invite and sign up every seeded persona with a NINO, by the postcode test support gives', async () => {
    const clients = e.personas().filter((p) => p.nino);
    expect(clients.map((p) => p.persona)).toEqual(expect.arrayContaining(['client-1', 'client-2', 'individual', 'legacy-sandbox-user']));
    for (const client of clients) {
      const facts = await request(e.app).get(`/agent-authorisation-test-support/known-facts/mtd-it/nino/${client.nino}`).set('Accept', VAT);
      expect(facts.status, client.persona).toBe(200);
      const invite = await request(e.app).post(`/agents/${agent.arn}/invitations`).set('Accept', V2).set('Authorization', `Bearer ${token}`).send(facts.body);
      expect([invite.status, invite.body], client.persona).toEqual([204, {}]);
      const signUp = await request(e.app).post('/_emulator/sign-ups').send({ agentUserId: agent.userId, nino: client.nino, postcode: facts.body.knownFact });
      // Matched by NINO and postcode: signed up, or found to be signed up already (most personas have MTD Income Tax).
      expect(signUp.status === 201 || signUp.body.error === 'already_signed_up', `${client.persona}: ${signUp.status} ${signUp.body.error}`).toBe(true);
    }
  });

  it('answers 404 for known facts of a client HMRC has no record of', async () => {
    expect((await request(e.app).get('/agent-authorisation-test-support/known-facts/mtd-it/nino/AB123456C').set('Accept', VAT)).status).toBe(404);
    expect((await request(e.app).get('/agent-authorisation-test-support/known-facts/mtd-vat/vrn/123456789').set('Accept', VAT)).status).toBe(404);
  });

  it('refuses the agent without an agent services account', async () => {
    const noAsa = persona('agent-no-asa');
    const t = await userToken(e, noAsa.userId, 'read:sent-invitations', noAsa.password);
    const res = await request(e.app).get(`/agents/${agent.arn}/invitations`).set('Accept', V2).set('Authorization', `Bearer ${t}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AGENT_NOT_SUBSCRIBED');
  });
});
