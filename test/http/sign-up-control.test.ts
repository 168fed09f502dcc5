import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { acceptInvitation } from '../../emulator/agents/agent-actions.js';
import { resolveConfig } from '../../emulator/config/load-config.js';
import { SIGN_UP_OUTCOME_CATALOGUE } from '../../emulator/sign-up/sign-up.js';
import { emulator } from '../support.js';
import { addAgent, addIndividual, addOrganisation, AGENT_JOURNEY, ARN, DAY, lastEmail, location, signIn, submitForm } from './sign-up-support.js';

const AGENT_SIGN_UP = { agentUserId: '900000000001', nino: 'PE938808A', postcode: 'TS1 1PA' };

async function setUp(config = {}) {
  const e = await emulator(config);
  await addAgent(e);
  const client = await addIndividual(e);
  return { e, client };
}

describe('control-API sign-up shortcuts', () => {
  it('signs up a client for an agent and approves it after the configured delay (default one day)', async () => {
    const { e, client } = await setUp();
    const res = await request(e.app).post('/_emulator/sign-ups').send({ ...AGENT_SIGN_UP, agentEmail: 'agent@agency.example' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ journey: 'agent', status: 'pending', arn: ARN, nino: 'PE938808A', contactPreference: 'letters', decisionDueAt: '2026-01-16T09:00:00.000Z' });
    e.context.clock.advance(DAY);
    const approved = await request(e.app).get(`/_emulator/sign-ups/${res.body.id}`);
    expect(approved.body).toMatchObject({ status: 'approved', decidedAt: '2026-01-16T09:00:00.000Z' });
    expect(approved.body.mtdItId).toBe((await e.context.accounts.find(client.userId))!.identifiers.mtdItId);
    expect(await e.context.relationships.find(ARN, 'MTD-IT', 'PE938808A')).toBeDefined();
    expect((await lastEmail(e, 'agent@agency.example')).subject).toContain('complete');
  });

  it('takes the delay from signUps.approvalDelay', async () => {
    const { e } = await setUp({ signUps: { approvalDelay: 'PT0S' } });
    const res = await request(e.app).post('/_emulator/sign-ups').send(AGENT_SIGN_UP);
    expect(res.body.status).toBe('approved');
  });

  it('refuses an approval delay beyond 3 days or not an ISO-8601 duration', () => {
    expect(() => resolveConfig({ signUps: { approvalDelay: 'P4D' } })).toThrow(/signUps.approvalDelay/);
    expect(() => resolveConfig({ signUps: { approvalDelay: '1 day' } })).toThrow(/signUps.approvalDelay/);
    expect(resolveConfig({ signUps: { approvalDelay: 'P3D' } }).signUps.approvalDelay).toBe('P3D');
  });

  it.each([
    ['approved', true],
    ['rejected', false],
    ['not-eligible', false],
  ] as const)('applies a preset outcome %s at once', async (outcome, enrolled) => {
    const { e, client } = await setUp();
    const res = await request(e.app).post('/_emulator/sign-ups').send({ ...AGENT_SIGN_UP, outcome });
    expect(res.body.status).toBe(outcome);
    const account = (await e.context.accounts.find(client.userId))!;
    expect(account.enrolments.some((x) => x.key === 'HMRC-MTD-IT')).toBe(enrolled);
    expect(Boolean(await e.context.relationships.find(ARN, 'MTD-IT', 'PE938808A'))).toBe(enrolled);
  });

  it('applies a preset outcome after its own delay', async () => {
    const { e } = await setUp();
    const res = await request(e.app).post('/_emulator/sign-ups').send({ ...AGENT_SIGN_UP, outcome: 'rejected', after: 'PT2H' });
    expect(res.body.status).toBe('pending');
    e.context.clock.advance(2 * 3600 * 1000);
    expect((await request(e.app).get(`/_emulator/sign-ups/${res.body.id}`)).body.status).toBe('rejected');
  });

  it('queues an outcome for the next sign-up of a NINO through the pages: rejected after submission', async () => {
    const { e, client } = await setUp();
    expect((await request(e.app).post('/_emulator/sign-ups/outcomes').send({ nino: 'pe938808a', outcome: 'rejected' })).status).toBe(201);
    const listed = (await request(e.app).get('/_emulator/sign-ups/outcomes')).body;
    expect(listed.outcomes).toEqual([{ nino: 'PE938808A', outcome: 'rejected' }]);
    expect(listed.catalogue.map((o: { id: string }) => o.id)).toEqual(['approved', 'rejected', 'not-eligible']);
    await e.context.signUps.emailLinks.markVerified('900000000001', 'agent@agency.example');
    const { browser } = await signIn(e, AGENT_JOURNEY, '900000000001');
    await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'letters' });
    await submitForm(browser, `${AGENT_JOURNEY}/check-answers`, {});
    expect((await browser.get(`${AGENT_JOURNEY}/confirmation`)).text).toContain('Sign-up unsuccessful');
    expect((await e.context.accounts.find(client.userId))!.enrolments).toEqual([]);
    expect((await request(e.app).get('/_emulator/sign-ups/outcomes')).body.outcomes).toEqual([]);
    expect((await lastEmail(e, 'agent@agency.example')).subject).toContain('unsuccessful');
  });

  it('queues not-eligible: the agent is told at the client details step', async () => {
    const { e } = await setUp();
    await request(e.app).post('/_emulator/sign-ups/outcomes').send({ nino: 'PE938808A', outcome: 'not-eligible' });
    const { browser } = await signIn(e, AGENT_JOURNEY, '900000000001');
    const res = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Your client cannot sign up for Making Tax Digital for Income Tax yet');
    expect((await request(e.app).get('/_emulator/sign-ups').query({ nino: 'PE938808A' })).body.signUps[0].status).toBe('not-eligible');
  });

  it('treats a taxpayer not registered for Self Assessment as not eligible, unless an outcome is preset', async () => {
    const { e, client } = await setUp();
    await e.context.accounts.add({ ...client, identifiers: { nino: 'PE938808A' } });
    const refused = await request(e.app).post('/_emulator/sign-ups').send(AGENT_SIGN_UP);
    expect(refused.body.status).toBe('not-eligible');
    const { browser } = await signIn(e, AGENT_JOURNEY, '900000000001');
    const page = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    expect(page.text).toContain('Your client cannot sign up for Making Tax Digital for Income Tax yet');
    await request(e.app).post('/_emulator/sign-ups/outcomes').send({ nino: 'PE938808A', outcome: 'approved' });
    const details = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    expect(location(details)).toBe(`${AGENT_JOURNEY}/email`);
  });

  it("turns an agent's partial authorisation into a relationship when the client is signed up", async () => {
    const { e, client } = await setUp();
    const invitation = await e.context.agents.invitations.create({ arn: 'XARN1234567', service: 'MTD-IT', clientType: 'personal', clientId: 'PE938808A', agentType: 'main' });
    expect((await acceptInvitation(e.context, invitation)).status).toBe('Partialauth');
    expect(await e.context.relationships.find('XARN1234567', 'MTD-IT', 'PE938808A')).toBeUndefined();
    await request(e.app).post('/_emulator/sign-ups').send({ userId: client.userId, outcome: 'approved' });
    expect(await e.context.relationships.find('XARN1234567', 'MTD-IT', 'PE938808A')).toMatchObject({ agentType: 'main' });
    expect((await e.context.agents.invitations.list({ clientId: 'PE938808A' }))[0]!.status).toBe('Accepted');
  });

  it("makes the signing agent the client's only main agent", async () => {
    const { e } = await setUp();
    await e.context.relationships.add({ arn: 'XARN7654321', service: 'MTD-IT', clientId: 'PE938808A', agentType: 'main', since: '2026-01-01T00:00:00.000Z' });
    await request(e.app).post('/_emulator/sign-ups').send({ ...AGENT_SIGN_UP, outcome: 'approved' });
    expect((await e.context.relationships.list({ clientId: 'PE938808A' })).map((r) => r.arn)).toEqual([ARN]);
  });

  it('signs up individuals and businesses by user ID or NINO', async () => {
    const { e } = await setUp();
    const org = await addOrganisation(e);
    const individual = await request(e.app).post('/_emulator/sign-ups').send({ nino: 'PE938808A', outcome: 'approved' });
    expect(individual.body).toMatchObject({ journey: 'individual', status: 'approved' });
    const business = await request(e.app).post('/_emulator/sign-ups').send({ userId: org.userId, businessEmail: 'olive@business.example', outcome: 'approved' });
    expect(business.body).toMatchObject({ journey: 'business', status: 'approved', contactPreference: 'emails' });
    expect((await e.context.accounts.find(org.userId))!.enrolments.map((x) => x.key)).toEqual(['HMRC-MTD-IT']);
  });

  it.each([
    [{ ...AGENT_SIGN_UP, postcode: 'TS9 9ZZ' }, 403, 'client_not_matched'],
    [{ ...AGENT_SIGN_UP, nino: 'NOT-A-NINO' }, 400, 'invalid_request'],
    [{ ...AGENT_SIGN_UP, agentUserId: '900000000002' }, 403, 'not_an_agent'],
    [{ ...AGENT_SIGN_UP, outcome: 'maybe' }, 400, 'invalid_request'],
    [{ ...AGENT_SIGN_UP, after: 'P4D' }, 400, 'invalid_request'],
    [{ ...AGENT_SIGN_UP, contactPreference: 'pigeons' }, 400, 'invalid_request'],
    [{ ...AGENT_SIGN_UP, contactPreference: 'emails' }, 400, 'invalid_request'],
    [{ ...AGENT_SIGN_UP, businessEmail: 'not-an-email' }, 400, 'invalid_request'],
    [{ ...AGENT_SIGN_UP, nino: 12 }, 400, 'invalid_request'],
    [{ journey: 'space' }, 400, 'invalid_request'],
    [{}, 400, 'invalid_request'],
    [{ userId: 'nobody' }, 404, 'not_found'],
    [{ userId: '900000000001' }, 403, 'wrong_account_type'],
    [{ userId: '900000000002', journey: 'business' }, 403, 'wrong_account_type'],
    [[1, 2], 400, 'invalid_request'],
  ])('answers %j with %i %s', async (body, status, error) => {
    const { e } = await setUp();
    const res = await request(e.app).post('/_emulator/sign-ups').send(body as object);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
  });

  it('refuses a second sign-up while one is pending, and one after approval', async () => {
    const { e } = await setUp();
    await request(e.app).post('/_emulator/sign-ups').send(AGENT_SIGN_UP);
    const pending = await request(e.app).post('/_emulator/sign-ups').send(AGENT_SIGN_UP);
    expect(pending.status).toBe(409);
    expect(pending.body.error).toBe('sign_up_pending');
    e.context.clock.advance(DAY);
    const done = await request(e.app).post('/_emulator/sign-ups').send(AGENT_SIGN_UP);
    expect(done.status).toBe(409);
    expect(done.body.error).toBe('already_signed_up');
  });

  it('accepts only one of two sign-ups for the same NINO sent at the same moment', async () => {
    const { e, client } = await setUp();
    const agent = (await e.context.accounts.find('900000000001'))!;
    const submit = () => e.context.signUps.submit({ journey: 'agent', client, agent, postcode: 'TS1 1PA', contactPreference: 'letters' });
    const results = await Promise.allSettled([submit(), submit()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await request(e.app).get('/_emulator/sign-ups')).body.signUps).toHaveLength(1);
  });

  it('answers 404 for an unknown sign-up and filters the list', async () => {
    const { e } = await setUp();
    expect((await request(e.app).get('/_emulator/sign-ups/SU9999999999')).status).toBe(404);
    await request(e.app).post('/_emulator/sign-ups').send(AGENT_SIGN_UP);
    expect((await request(e.app).get('/_emulator/sign-ups').query({ status: 'approved' })).body.signUps).toEqual([]);
    expect((await request(e.app).get('/_emulator/sign-ups').query({ agentUserId: '900000000001' })).body.signUps).toHaveLength(1);
  });

  it('documents exactly the outcome catalogue in docs/sign-up.md', () => {
    const docs = readFileSync(new URL('../../docs/sign-up.md', import.meta.url), 'utf8');
    const table = docs.slice(docs.indexOf('<!-- sign-up-outcomes:start -->'), docs.indexOf('<!-- sign-up-outcomes:end -->'));
    const rows = table.split('\n').filter((line) => line.trim().startsWith('| `'));
    expect(rows.map((r) => r.trim())).toEqual(SIGN_UP_OUTCOME_CATALOGUE.map((o) => `| \`${o.id}\` | ${o.appliesTo} | ${o.description} |`));
  });

  it('rejects a preset with an unknown outcome or a missing NINO', async () => {
    const { e } = await setUp();
    expect((await request(e.app).post('/_emulator/sign-ups/outcomes').send({ nino: 'PE938808A', outcome: 'perhaps' })).status).toBe(400);
    expect((await request(e.app).post('/_emulator/sign-ups/outcomes').send({ outcome: 'approved' })).status).toBe(400);
    expect((await request(e.app).post('/_emulator/sign-ups/outcomes').send({ nino: 'PE938808A', outcome: 'approved', after: 'soon' })).status).toBe(400);
  });
});
