import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { emulator, userToken } from '../support.js';
import { addAgent, addIndividual, addOrganisation, DAY, lastEmail, location, SIGN_UP, signIn, submitForm } from './sign-up-support.js';

const INDIVIDUAL = `${SIGN_UP}/individual`;
const BUSINESS = `${SIGN_UP}/business`;
const IT_SCOPES = 'read:self-assessment write:self-assessment';

describe('individuals and businesses sign themselves up', () => {
  it('links the start page to the three journeys', async () => {
    const e = await emulator();
    const res = await request(e.app).get(SIGN_UP);
    expect(res.status).toBe(200);
    for (const testid of ['start-agent', 'start-individual', 'start-business']) expect(res.text).toContain(`data-testid="${testid}"`);
  });

  it('answers an unknown sign-up page with an HTML 404', async () => {
    const e = await emulator();
    const ida = await addIndividual(e);
    const { browser } = await signIn(e, INDIVIDUAL, ida.userId);
    for (const path of [`${SIGN_UP}/nowhere`, `${INDIVIDUAL}/nowhere`]) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).toContain('Page not found');
    }
  });

  it('signs up an individual who prefers letters, approved after the delay', async () => {
    const e = await emulator();
    const ida = await addIndividual(e);
    const { browser, res } = await signIn(e, INDIVIDUAL, ida.userId);
    expect(location(res)).toBe(`${INDIVIDUAL}/contact-preference`);
    expect(location(await submitForm(browser, `${INDIVIDUAL}/contact-preference`, { contactPreference: 'letters' }))).toBe(`${INDIVIDUAL}/check-answers`);
    expect(location(await submitForm(browser, `${INDIVIDUAL}/check-answers`, {}))).toBe(`${INDIVIDUAL}/confirmation`);
    expect((await browser.get(`${INDIVIDUAL}/confirmation`)).text).toContain('Sign-up submitted');
    e.context.clock.advance(DAY);
    const [signUp] = (await request(e.app).get('/_emulator/sign-ups')).body.signUps;
    expect(signUp).toMatchObject({ journey: 'individual', status: 'approved', contactPreference: 'letters', clientUserId: ida.userId });
    expect((await e.context.accounts.find(ida.userId))!.enrolments.map((x) => x.key)).toContain('HMRC-MTD-IT');
  });

  it('verifies an individual business email address in the journey before check answers', async () => {
    const e = await emulator();
    const ida = await addIndividual(e);
    const { browser } = await signIn(e, INDIVIDUAL, ida.userId);
    expect(location(await submitForm(browser, `${INDIVIDUAL}/contact-preference`, { contactPreference: 'emails' }))).toBe(`${INDIVIDUAL}/email`);
    expect(location(await submitForm(browser, `${INDIVIDUAL}/email`, { email: 'ida@business.example' }))).toBe(`${INDIVIDUAL}/check-your-email`);
    expect(location(await browser.get(`${INDIVIDUAL}/check-answers`))).toBe(`${INDIVIDUAL}/check-your-email`);
    const confirmed = await request(e.app).get((await lastEmail(e, 'ida@business.example')).link!);
    expect(confirmed.text).toContain(`href="${INDIVIDUAL}/check-your-email"`);
    expect(location(await submitForm(browser, `${INDIVIDUAL}/check-your-email`, {}))).toBe(`${INDIVIDUAL}/check-answers`);
    await submitForm(browser, `${INDIVIDUAL}/check-answers`, {});
    const [signUp] = await e.context.signUps.list();
    expect(signUp).toMatchObject({ businessEmail: 'ida@business.example', businessEmailVerifiedAt: '2026-01-15T09:00:00.000Z' });
    e.context.clock.advance(DAY);
    await request(e.app).get('/_emulator/health');
    expect((await lastEmail(e, 'ida@business.example')).subject).toBe('Sign-up to Making Tax Digital for Income Tax complete');
  });

  it('does not send a second link for an address the individual has already verified', async () => {
    const e = await emulator();
    const ida = await addIndividual(e);
    await e.context.signUps.emailLinks.markVerified(ida.userId, 'ida@business.example');
    const { browser } = await signIn(e, INDIVIDUAL, ida.userId);
    await submitForm(browser, `${INDIVIDUAL}/contact-preference`, { contactPreference: 'emails' });
    expect(location(await submitForm(browser, `${INDIVIDUAL}/email`, { email: 'ida@business.example' }))).toBe(`${INDIVIDUAL}/check-answers`);
    expect(await e.context.messages.list({ channel: 'email' })).toEqual([]);
  });

  it('tells an individual whose sign-up is pending at sign-in', async () => {
    const e = await emulator();
    const ida = await addIndividual(e);
    await request(e.app).post('/_emulator/sign-ups').send({ userId: ida.userId });
    const { res } = await signIn(e, INDIVIDUAL, ida.userId);
    expect(res.text).toContain('Your sign-up is being processed');
  });

  it('signs up a business (organisation account) through its own journey', async () => {
    const e = await emulator({ signUps: { approvalDelay: 'PT0S' } });
    const org = await addOrganisation(e);
    const { browser, res } = await signIn(e, BUSINESS, org.userId);
    expect(location(res)).toBe(`${BUSINESS}/contact-preference`);
    await submitForm(browser, `${BUSINESS}/contact-preference`, { contactPreference: 'letters' });
    await submitForm(browser, `${BUSINESS}/check-answers`, {});
    expect((await browser.get(`${BUSINESS}/confirmation`)).text).toContain('data-testid="sign-up-status-approved"');
    expect((await e.context.accounts.find(org.userId))!.serviceNames).toContain('mtd-income-tax');
    const again = await signIn(e, BUSINESS, org.userId);
    expect(again.res.text).toContain('You have already signed up');
  });

  it('sends each account type to its own journey', async () => {
    const e = await emulator();
    const ida = await addIndividual(e);
    const org = await addOrganisation(e);
    const agent = await addAgent(e);
    const noNino = await addOrganisation(e, '900000000009', null);
    for (const [base, userId, why] of [
      [INDIVIDUAL, org.userId, 'This service is for individuals'],
      [INDIVIDUAL, agent.userId, 'This service is for individuals'],
      [BUSINESS, ida.userId, 'This service is for businesses'],
      [BUSINESS, noNino.userId, 'We cannot find a National Insurance number'],
    ] as const) {
      const { res } = await signIn(e, base, userId);
      expect(res.status, `${base} ${userId}`).toBe(403);
      expect(res.text).toContain(why);
    }
  });

  it('tells an individual with a queued not-eligible outcome at once', async () => {
    const e = await emulator();
    const ida = await addIndividual(e);
    await request(e.app).post('/_emulator/sign-ups/outcomes').send({ nino: 'PE938808A', outcome: 'not-eligible' });
    const { res } = await signIn(e, INDIVIDUAL, ida.userId);
    expect(res.text).toContain('You cannot sign up for Making Tax Digital for Income Tax yet');
    const pending = await signIn(e, INDIVIDUAL, ida.userId);
    expect(location(pending.res)).toBe(`${INDIVIDUAL}/contact-preference`);
  });

  it('lets only signed-up taxpayers and their agent use the Income Tax APIs', async () => {
    const e = await emulator();
    await addAgent(e);
    const ida = await addIndividual(e);
    const list = '/individuals/business/details/PE938808A/list';
    const call = (token: string) => request(e.app).get(list).set('Accept', 'application/vnd.hmrc.2.0+json').set('Authorization', `Bearer ${token}`);
    const before = await call(await userToken(e, ida.userId, IT_SCOPES));
    expect(before.status).toBe(403);
    expect(before.body.code).toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');

    await request(e.app).post('/_emulator/sign-ups').send({ agentUserId: '900000000001', nino: 'PE938808A', postcode: 'TS1 1PA' });
    e.context.clock.advance(DAY);
    expect((await call(await userToken(e, ida.userId, IT_SCOPES))).status).toBe(200);
    expect((await call(await userToken(e, '900000000001', IT_SCOPES))).status).toBe(200);
  });
});
