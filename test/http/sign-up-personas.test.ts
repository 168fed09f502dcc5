import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { applicationToken, emulator, JSON_V1, userToken } from '../support.js';
import { AGENT_JOURNEY, lastEmail, signIn, submitForm } from './sign-up-support.js';

const IT_SCOPES = 'read:self-assessment write:self-assessment';
const businessDetails = (e: Awaited<ReturnType<typeof emulator>>, nino: string, token: string) =>
  request(e.app).get(`/individuals/business/details/${nino}/list`).set('Accept', 'application/vnd.hmrc.2.0+json').set('Authorization', `Bearer ${token}`);

describe('sign-up with seeded personas and Create Test User accounts', () => {
  it('lets the seeded agent sign up the legacy sandbox user (AA000017A, NW1 6XE) through the pages', async () => {
    const e = await emulator({ signUps: { approvalDelay: 'PT0S' } });
    const agent = e.personas().find((p) => p.persona === 'agent')!;
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId, agent.password);
    await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'AA 00 00 17 A', postcode: 'nw1 6xe' });
    await submitForm(browser, `${AGENT_JOURNEY}/email`, { email: 'agent@agency.example' });
    await request(e.app).get((await lastEmail(e, 'agent@agency.example')).link!);
    await submitForm(browser, `${AGENT_JOURNEY}/check-your-email`, {});
    await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'letters' });
    await submitForm(browser, `${AGENT_JOURNEY}/check-answers`, {});
    expect((await browser.get(`${AGENT_JOURNEY}/confirmation`)).text).toContain('Sign-up complete');
    expect((await businessDetails(e, 'AA000017A', await userToken(e, agent.userId, IT_SCOPES, agent.password))).status).toBe(200);
    expect((await businessDetails(e, 'AA000017A', await userToken(e, 'user1', IT_SCOPES, 'password1'))).status).toBe(200);
  });

  it('signs up an individual made by Create Test User with Self Assessment but not MTD Income Tax', async () => {
    const e = await emulator();
    const app = await applicationToken(e);
    const created = await request(e.app).post('/create-test-user/individuals').set('Accept', JSON_V1).set('Authorization', `Bearer ${app}`).send({ serviceNames: ['national-insurance', 'self-assessment'] });
    expect(created.status).toBe(201);
    const { userId, password, nino } = created.body as { userId: string; password: string; nino: string };
    expect((await businessDetails(e, nino, await userToken(e, userId, IT_SCOPES, password))).status).toBe(403);

    const signUp = await request(e.app).post('/_emulator/sign-ups').send({ userId });
    expect(signUp.body).toMatchObject({ journey: 'individual', status: 'pending' });
    await request(e.app).post('/_emulator/clock/advance').send({ by: 'P1D' });
    const account = (await request(e.app).get('/_emulator/accounts')).body.accounts.find((a: { userId: string }) => a.userId === userId);
    expect(account.serviceNames).toContain('mtd-income-tax');
    expect(account.identifiers.mtdItId).toMatch(/^X[A-Z]IT\d{11}$/);
    expect((await businessDetails(e, nino, await userToken(e, userId, IT_SCOPES, password))).status).toBe(200);
  });
});
