import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { invitationBody } from '../../emulator/agents/api/invitation-body.js';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, emulator, pathOf, TEST_PASSWORD } from '../support.js';

const ARN = 'NARN0396245';
const NINO = 'AA999999A';
const DAY = 86_400_000;

function csrfOf(html: string): string {
  const m = /name="csrfToken" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}

describe('a client answers an authorisation request on a page', () => {
  let e: Emulator;
  let link: string;
  let invitationId: string;
  beforeEach(async () => {
    e = await emulator();
    await addAccount(e, {
      userId: '900000000001',
      affinityGroup: 'Agent',
      userFullName: 'Agent <One> & Co',
      identifiers: { agentServicesAccountNumber: ARN },
      enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: ARN }] }],
    });
    await addAccount(e, {
      userId: '900000000002',
      affinityGroup: 'Individual',
      identifiers: { nino: NINO },
      individualDetails: { firstName: 'Ida', lastName: 'Newton', dateOfBirth: '1960-06-01', address: { line1: '1 Abbey Road', line2: 'Aberdeen', postcode: 'AA11 1AA' } },
      enrolments: [{ key: 'HMRC-MTD-IT', identifiers: [{ key: 'MTDITID', value: 'XJIT00000328268' }] }],
    });
    await addAccount(e, { userId: '900000000003', affinityGroup: 'Individual', identifiers: { nino: 'AB123456C' } });
    const invitation = await e.context.agents.invitations.create({ arn: ARN, service: 'MTD-IT', clientType: 'personal', clientId: NINO, agentType: 'main' });
    invitationId = invitation.invitationId;
    const agent = await e.context.accounts.find('900000000001');
    link = pathOf(invitationBody(e.context, invitation, '2.0', agent).clientActionUrl);
  });

  async function signIn(userId = '900000000002') {
    const browser = request.agent(e.app);
    const page = await browser.get(link);
    expect(page.status).toBe(200);
    const res = await browser.post(`${link}/sign-in`).type('form').send({ csrfToken: csrfOf(page.text), userId, password: TEST_PASSWORD });
    return { browser, res };
  }

  it('escapes the agency name and links to its own page', async () => {
    expect(link).toMatch(/\/agent-one-co\/income-tax$/);
    const { browser, res } = await signIn();
    expect(res.status).toBe(303);
    const page = await browser.get(pathOf(res.headers.location));
    expect(page.text).toContain('Do you want to authorise Agent &lt;One&gt; &amp; Co?');
    expect(page.text).not.toContain('<One>');
    expect(page.text).toContain('This request expires on 5 February 2026.');
  });

  it('makes the relationship when the client says yes', async () => {
    const { browser, res } = await signIn();
    const page = await browser.get(pathOf(res.headers.location));
    const done = await browser.post(`${link}/authorise`).type('form').send({ csrfToken: csrfOf(page.text), invitationId, decision: 'accept' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Authorisation complete');
    expect(await e.context.relationships.find(ARN, 'MTD-IT', NINO)).toMatchObject({ agentType: 'main' });
    const again = await browser.get(`${link}/authorise`);
    expect(again.text).toContain('You have already authorised this agent');
  });

  it('gives only a partial authorisation when the client is not signed up to Making Tax Digital yet', async () => {
    const client = (await e.context.accounts.find('900000000002'))!;
    await e.context.accounts.add({ ...client, enrolments: [] });
    const { browser, res } = await signIn();
    const page = await browser.get(pathOf(res.headers.location));
    const done = await browser.post(`${link}/authorise`).type('form').send({ csrfToken: csrfOf(page.text), invitationId, decision: 'accept' });
    expect(done.text).toContain('to sign you up to Making Tax Digital for Income Tax');
    expect((await e.context.agents.invitations.find(invitationId))!.status).toBe('Partialauth');
    expect(await e.context.relationships.find(ARN, 'MTD-IT', NINO)).toBeUndefined();
  });

  it('records a rejection when the client says no, and asks again when the client chooses nothing', async () => {
    const { browser, res } = await signIn();
    const token = csrfOf((await browser.get(pathOf(res.headers.location))).text);
    const none = await browser.post(`${link}/authorise`).type('form').send({ csrfToken: token, invitationId });
    expect(none.status).toBe(400);
    expect(none.text).toContain('data-testid="error-summary"');
    await browser.post(`${link}/authorise`).type('form').send({ csrfToken: token, invitationId, decision: 'reject' });
    expect((await e.context.agents.invitations.find(invitationId))!.status).toBe('Rejected');
    expect(await e.context.relationships.find(ARN, 'MTD-IT', NINO)).toBeUndefined();
  });

  it('refuses a form without the CSRF token bound to the cookie', async () => {
    const { browser, res } = await signIn();
    await browser.get(pathOf(res.headers.location));
    const forged = await browser.post(`${link}/authorise`).type('form').send({ csrfToken: 'forged', invitationId, decision: 'accept' });
    expect(forged.status).toBe(403);
    const stranger = await request(e.app).post(`${link}/sign-in`).type('form').send({ userId: '900000000002', password: TEST_PASSWORD });
    expect(stranger.status).toBe(403);
    expect(await e.context.relationships.find(ARN, 'MTD-IT', NINO)).toBeUndefined();
  });

  it('refuses a wrong password and an agent signing in for the client', async () => {
    const browser = request.agent(e.app);
    const token = csrfOf((await browser.get(link)).text);
    const wrong = await browser.post(`${link}/sign-in`).type('form').send({ csrfToken: token, userId: '900000000002', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Invalid user ID or password');
    const agent = await browser.post(`${link}/sign-in`).type('form').send({ csrfToken: token, userId: '900000000001', password: TEST_PASSWORD });
    expect(agent.status).toBe(401);
  });

  it("locks the client's user ID out after HMRC's number of wrong passwords, the right one included", async () => {
    const browser = request.agent(e.app);
    const token = csrfOf((await browser.get(link)).text);
    const attempt = (password: string) => browser.post(`${link}/sign-in`).type('form').send({ csrfToken: token, userId: '900000000002', password });
    for (let i = 1; i < e.context.config.journeyLimits.signInAttempts; i++) expect((await attempt('nope')).text).toContain('Invalid user ID or password');
    expect((await attempt('nope')).text).toContain('You have tried to sign in too many times');
    const refused = await attempt(TEST_PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('You have tried to sign in too many times');
  });

  it('refuses a locked account', async () => {
    const client = (await e.context.accounts.find('900000000002'))!;
    await e.context.accounts.add({ ...client, locked: true });
    const { res } = await signIn();
    expect(res.status).toBe(401);
  });

  it('tells another client there is no request for them', async () => {
    const { browser, res } = await signIn('900000000003');
    const page = await browser.get(pathOf(res.headers.location));
    expect(page.status).toBe(404);
    expect(page.text).toContain('There is no authorisation request');
    const forged = await browser.post(`${link}/authorise`).type('form').send({ csrfToken: 'x', invitationId, decision: 'accept' });
    expect(forged.status).toBe(403);
  });

  it('shows an expired request as expired after 21 days', async () => {
    const { browser, res } = await signIn();
    const token = csrfOf((await browser.get(pathOf(res.headers.location))).text);
    e.context.clock.advance(21 * DAY);
    const fresh = await signIn();
    const page = await fresh.browser.get(pathOf(fresh.res.headers.location));
    expect(page.status).toBe(410);
    expect(page.text).toContain('This authorisation request has expired');
    expect((await browser.post(`${link}/authorise`).type('form').send({ csrfToken: token, invitationId, decision: 'accept' })).status).toBe(403);
  });

  it('answers an unknown link with a not-found page', async () => {
    const res = await request(e.app).get('/agent-client-relationships/appoint-someone-to-deal-with-HMRC-for-you/ZZZZZZZZ/x/income-tax');
    expect(res.status).toBe(404);
    expect((await request(e.app).get(`${link.replace(/income-tax$/, 'capital-gains')}`)).status).toBe(404);
  });
});

describe('an agent copies existing Self Assessment clients across on a page', () => {
  it('signs in, lists the clients and copies them across', async () => {
    const e = await emulator();
    await addAccount(e, {
      userId: '900000000001',
      affinityGroup: 'Agent',
      identifiers: { agentServicesAccountNumber: ARN },
      enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: ARN }] }],
    });
    await e.context.agents.saClients.add(ARN, [{ name: 'Ida <Newton>', nino: NINO, saUtr: '1000057161' }]);
    const browser = request.agent(e.app);
    const start = await browser.get('/agent-mapping/start');
    const signedIn = await browser.post('/agent-mapping/sign-in').type('form').send({ csrfToken: csrfOf(start.text), userId: '900000000001', password: TEST_PASSWORD });
    expect(signedIn.status).toBe(303);
    const list = await browser.get('/agent-mapping/clients');
    expect(list.text).toContain('Ida &lt;Newton&gt;');
    expect(list.text).toContain('Not copied yet');
    const done = await browser.post('/agent-mapping/copy-across').type('form').send({ csrfToken: csrfOf(list.text) });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Clients copied across');
    expect(await e.context.relationships.find(ARN, 'MTD-IT', NINO)).toMatchObject({ agentType: 'main' });
    expect((await browser.get('/agent-mapping/clients')).text).toContain('Copied across');
  });

  it('refuses a client signing in, and a form without the CSRF token', async () => {
    const e = await emulator();
    await addAccount(e, { userId: '900000000002', affinityGroup: 'Individual' });
    const browser = request.agent(e.app);
    const token = csrfOf((await browser.get('/agent-mapping/start')).text);
    expect((await browser.post('/agent-mapping/sign-in').type('form').send({ csrfToken: token, userId: '900000000002', password: TEST_PASSWORD })).status).toBe(401);
    expect((await browser.post('/agent-mapping/copy-across').type('form').send({ csrfToken: token })).status).toBe(403);
    expect((await browser.get('/agent-mapping/clients')).status).toBe(303);
  });

  it("locks the user ID out after HMRC's number of wrong passwords, even with the right one, until the lock-out passes", async () => {
    const e = await emulator();
    await addAccount(e, {
      userId: '900000000003',
      affinityGroup: 'Agent',
      identifiers: { agentServicesAccountNumber: ARN },
      enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: ARN }] }],
    });
    const browser = request.agent(e.app);
    let token = csrfOf((await browser.get('/agent-mapping/start')).text);
    const signIn = (password: string) => browser.post('/agent-mapping/sign-in').type('form').send({ csrfToken: token, userId: '900000000003', password });
    const { signInAttempts, signInLockoutSeconds } = e.context.config.journeyLimits;
    for (let i = 1; i < signInAttempts; i++) expect((await signIn('wrong')).text).toContain('Invalid user ID or password');
    expect((await signIn('wrong')).text).toContain('You have tried to sign in too many times');
    const refused = await signIn(TEST_PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('You have tried to sign in too many times');
    await e.context.clock.advance(signInLockoutSeconds * 1000 + 1_000);
    token = csrfOf((await browser.get('/agent-mapping/start')).text); // the page session has expired meanwhile
    expect((await signIn(TEST_PASSWORD)).status).toBe(303);
  });
});
