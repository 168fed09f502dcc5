import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { isValidMtdItId } from '../../emulator/accounts/identifiers/mtd-it-id.js';
import { emulator } from '../support.js';
import { addAgent, addIndividual, AGENT_JOURNEY, agentWithPendingEmail, ARN, DAY, lastEmail, location, signIn, submitForm, type Browser } from './sign-up-support.js';

async function verifyAgentEmail(e: Awaited<ReturnType<typeof emulator>>, browser: Browser, email: string): Promise<void> {
  const res = await submitForm(browser, `${AGENT_JOURNEY}/email`, { email });
  expect(res.status).toBe(303);
  expect(location(res)).toBe(`${AGENT_JOURNEY}/check-your-email`);
  const { link } = await lastEmail(e, email);
  expect((await request(e.app).get(link!)).status).toBe(200);
  const cont = await submitForm(browser, `${AGENT_JOURNEY}/check-your-email`, {});
  expect(location(cont)).toBe(`${AGENT_JOURNEY}/contact-preference`);
}

describe('agent signs up a client through the pages', () => {
  it('signs up a client end to end and approves the sign-up after the configured delay', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    const client = await addIndividual(e);
    const { browser, res } = await signIn(e, AGENT_JOURNEY, agent.userId);
    expect(location(res)).toBe(`${AGENT_JOURNEY}/client-details`);

    const details = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'pe 93 88 08 a', postcode: 'ts11pa' });
    expect(location(details)).toBe(`${AGENT_JOURNEY}/email`);
    await verifyAgentEmail(e, browser, 'agent@agency.example');

    expect(location(await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'emails' }))).toBe(`${AGENT_JOURNEY}/client-email`);
    expect(location(await submitForm(browser, `${AGENT_JOURNEY}/client-email`, { email: 'ida@business.example' }))).toBe(`${AGENT_JOURNEY}/check-answers`);

    const answers = await browser.get(`${AGENT_JOURNEY}/check-answers`);
    expect(answers.text).toContain('PE938808A');
    expect(answers.text).toContain('agent@agency.example');
    expect(answers.text).toContain('ida@business.example');
    const submitted = await submitForm(browser, `${AGENT_JOURNEY}/check-answers`, {});
    expect(location(submitted)).toBe(`${AGENT_JOURNEY}/confirmation`);
    const confirmation = await browser.get(`${AGENT_JOURNEY}/confirmation`);
    expect(confirmation.text).toContain('data-testid="sign-up-status-pending"');

    const [signUp] = await e.context.signUps.list({ nino: 'PE938808A' });
    expect(signUp).toMatchObject({ journey: 'agent', status: 'pending', arn: ARN, agentEmail: 'agent@agency.example', contactPreference: 'emails', businessEmail: 'ida@business.example' });
    expect((await lastEmail(e, 'ida@business.example')).subject).toBe('Confirm your email address');

    e.context.clock.advance(DAY - 1);
    await request(e.app).get('/_emulator/health');
    expect((await e.context.signUps.find(signUp!.id))!.status).toBe('pending');
    expect(await e.context.relationships.find(ARN, 'MTD-IT', 'PE938808A')).toBeUndefined();

    e.context.clock.advance(1);
    const listed = await request(e.app).get('/_emulator/sign-ups');
    expect(listed.body.signUps[0]).toMatchObject({ id: signUp!.id, status: 'approved' });
    const account = (await e.context.accounts.find(client.userId))!;
    const enrolment = account.enrolments.find((x) => x.key === 'HMRC-MTD-IT');
    expect(enrolment?.identifiers[0]).toEqual({ key: 'MTDITID', value: account.identifiers.mtdItId });
    expect(isValidMtdItId(account.identifiers.mtdItId!)).toBe(true);
    expect(account.serviceNames).toContain('mtd-income-tax');
    expect(await e.context.relationships.find(ARN, 'MTD-IT', 'PE938808A')).toMatchObject({ agentType: 'main' });
    expect((await lastEmail(e, 'agent@agency.example')).subject).toBe('Sign-up to Making Tax Digital for Income Tax complete');
    // A day later the page session (15 minutes idle, on the virtual clock) has timed out.
    expect(location(await browser.get(`${AGENT_JOURNEY}/confirmation`))).toBe(`${AGENT_JOURNEY}/sign-in`);
  });

  it('asks for the agent email address only once', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    await addIndividual(e);
    await addIndividual(e, '900000000004', 'AB654321D', 'TS4 1PA');
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    await verifyAgentEmail(e, browser, 'agent@agency.example');
    await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'letters' });
    expect(location(await submitForm(browser, `${AGENT_JOURNEY}/check-answers`, {}))).toBe(`${AGENT_JOURNEY}/confirmation`);

    const next = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'AB654321D', postcode: 'TS4 1PA' });
    expect(location(next)).toBe(`${AGENT_JOURNEY}/contact-preference`);
    const again = await signIn(e, AGENT_JOURNEY, agent.userId);
    expect(location(again.res)).toBe(`${AGENT_JOURNEY}/client-details`);
  });

  it('refuses a NINO and postcode that do not match HMRC records without saying which', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    await addIndividual(e);
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    for (const [nino, postcode] of [['PE938808A', 'TS9 9ZZ'], ['AB123456C', 'TS1 1PA']]) {
      const res = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: nino!, postcode: postcode! });
      expect(res.status).toBe(400);
      expect(res.text).toContain('data-testid="error-summary"');
      expect(res.text).toContain('do not match HMRC&#39;s records');
    }
  });

  it('explains badly formatted or missing client details field by field', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    const res = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'QQ123', postcode: '' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Enter a National Insurance number in the correct format');
    expect(res.text).toContain('Enter your client&#39;s postcode');
  });

  it('keeps the agent on the check-your-email page until the link is followed', async () => {
    const { browser } = await agentWithPendingEmail();
    const early = await submitForm(browser, `${AGENT_JOURNEY}/check-your-email`, {});
    expect(early.status).toBe(400);
    expect(early.text).toContain('You have not confirmed your email address yet');
    expect(location(await browser.get(`${AGENT_JOURNEY}/check-answers`))).toBe(`${AGENT_JOURNEY}/check-your-email`);
  });

  it('does not let a later step be reached by its URL', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    for (const step of ['check-answers', 'client-email', 'contact-preference', 'check-your-email', 'confirmation']) {
      const res = await browser.get(`${AGENT_JOURNEY}/${step}`);
      expect(res.status, step).toBe(303);
      expect(location(res)).toBe(`${AGENT_JOURNEY}/client-details`);
    }
    expect(location(await request(e.app).get(`${AGENT_JOURNEY}/client-details`))).toBe(`${AGENT_JOURNEY}/sign-in`);
  });

  it('turns away users who are not agents and wrong passwords', async () => {
    const e = await emulator();
    const individual = await addIndividual(e);
    const notAgent = await signIn(e, AGENT_JOURNEY, individual.userId);
    expect(notAgent.res.status).toBe(403);
    expect(notAgent.res.text).toContain('not for an agent services account');
    const wrong = await signIn(e, AGENT_JOURNEY, individual.userId, 'wrong-password');
    expect(wrong.res.status).toBe(401);
    expect(wrong.res.text).toContain('Invalid user ID or password');
  });

  it('says when the client is already signed up', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    await addIndividual(e);
    const created = await request(e.app).post('/_emulator/sign-ups').send({ userId: '900000000002', outcome: 'approved' });
    expect(created.body.status).toBe('approved');
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    const res = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Your client is already signed up');
  });
});

describe('agent journey answers each bad answer on its own page', () => {
  async function atContactPreference() {
    const e = await emulator();
    const agent = await addAgent(e);
    await addIndividual(e);
    await e.context.signUps.emailLinks.markVerified(agent.userId, 'agent@agency.example');
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    return { e, agent, browser };
  }

  it('asks for the user ID and password when either is empty', async () => {
    const e = await emulator();
    const { res } = await signIn(e, AGENT_JOURNEY, '', '');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Enter your user ID');
    expect(res.text).toContain('Enter your password');
  });

  it('asks for a contact preference when none is chosen', async () => {
    const { browser } = await atContactPreference();
    const res = await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'pigeon' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Select how your client wants to get communications from HMRC');
  });

  it("refuses a badly formatted client's business email", async () => {
    const { browser } = await atContactPreference();
    await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'emails' });
    const res = await submitForm(browser, `${AGENT_JOURNEY}/client-email`, { email: 'not an email' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Enter an email address in the correct format');
  });

  it('forgets the business email when the preference changes to letters', async () => {
    const { browser } = await atContactPreference();
    await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'emails' });
    await submitForm(browser, `${AGENT_JOURNEY}/client-email`, { email: 'ida@business.example' });
    expect(location(await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'letters' }))).toBe(`${AGENT_JOURNEY}/check-answers`);
    const answers = await browser.get(`${AGENT_JOURNEY}/check-answers`);
    expect(answers.text).not.toContain('ida@business.example');
    expect(location(await browser.get(`${AGENT_JOURNEY}/client-email`))).toBe(`${AGENT_JOURNEY}/check-answers`);
  });

  it("says when the client's sign-up is already being processed", async () => {
    const { e, browser } = await atContactPreference();
    await request(e.app).post('/_emulator/sign-ups').send({ userId: '900000000002' });
    const res = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    expect(res.text).toContain("Your client&#39;s sign-up is being processed");
  });

  it('shows an error page when the sign-up cannot be submitted after all', async () => {
    const { e, browser } = await atContactPreference();
    await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'letters' });
    await request(e.app).post('/_emulator/sign-ups').send({ userId: '900000000002', outcome: 'approved' });
    const res = await submitForm(browser, `${AGENT_JOURNEY}/check-answers`, {});
    expect(res.status).toBe(409);
    expect(res.text).toContain('Already signed up');
  });
});
