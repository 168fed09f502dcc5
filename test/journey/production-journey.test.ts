import { authenticator } from 'otplib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addAccount, emulator, exchange, JSON_V1, TEST_PASSWORD } from '../support.js';
import { JourneyBrowser, latestCode, redirectParams, titleOf } from './journey-support.js';

const PHONE = '07700900123';

describe('the production journey', () => {
  it('goes start → sign in → 2-step → grant and the token reaches /hello/user', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '300000000001', affinityGroup: 'Individual', twoStepVerification: { method: 'text', phoneNumber: PHONE } });
    const b = new JourneyBrowser(e);
    const start = await b.authorize();
    expect(titleOf(start.text)).toBe('Give Local Sandbox Test App authority to interact with HMRC - HMRC - GOV.UK');
    expect(start.text).toContain('Say Hello');
    expect(start.text).toContain('data-testid="continue"');
    const signIn = await b.submit('start');
    expect(signIn.text).toContain('Government Gateway user ID');
    expect(signIn.text).toContain('agent services account');
    const code = await b.submit('sign-in', { userId: '300000000001', password: TEST_PASSWORD });
    expect(titleOf(code.text)).toBe('Enter the access code - HMRC - GOV.UK');
    expect(code.text).toContain('ending in 123');
    expect(code.text).toContain('data-testid="access-code"');
    const grant = await b.submit('two-step/code', { accessCode: await latestCode(e, PHONE) });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
    const done = await b.submit('grant', { decision: 'grant' });
    const token = await exchange(e, redirectParams(done).get('code')!);
    const hello = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${token.body.access_token}`);
    expect(hello.body).toEqual({ message: 'Hello User' });
    const log = await request(e.app).get('/_emulator/journeys').query({ userId: '300000000001' });
    expect(log.body.journeys[0].steps.map((s: { step: string; choice: string }) => `${s.step}:${s.choice}`)).toEqual([
      'start:continue', 'sign-in:signed-in', 'two-step:code-sent:text', 'two-step:verified', 'grant:grant',
    ]);
    expect(log.body.journeys[0]).toMatchObject({ variant: 'production', outcome: 'grant' });
  });

  it('registers 2-step verification by text message for an account without it', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '300000000002', affinityGroup: 'Individual' });
    const b = new JourneyBrowser(e);
    await b.authorize();
    await b.submit('start');
    const method = await b.submit('sign-in', { userId: '300000000002', password: TEST_PASSWORD });
    expect(titleOf(method.text)).toBe('How do you want to get access codes? - HMRC - GOV.UK');
    for (const m of ['text', 'voice', 'app']) expect(method.text).toContain(`data-testid="two-step-method-${m}"`);
    expect((await b.submit('two-step/method', {})).status).toBe(400);
    const phone = await b.submit('two-step/method', { method: 'text' });
    expect(phone.text).toContain('data-testid="phone-number"');
    const badPhone = await b.submit('two-step/phone', { phoneNumber: '<b>12</b>' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.text).toContain('&lt;b&gt;12&lt;/b&gt;');
    await b.submit('two-step/phone', { phoneNumber: '07700 900 456' });
    const grant = await b.submit('two-step/code', { accessCode: await latestCode(e, '07700900456') });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
    expect((await e.context.accounts.find('300000000002'))?.twoStepVerification).toEqual({ method: 'text', phoneNumber: '07700900456' });
  });

  it('registers 2-step verification by voice call', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '300000000003', affinityGroup: 'Individual' });
    const b = new JourneyBrowser(e);
    await b.authorize();
    await b.submit('start');
    await b.submit('sign-in', { userId: '300000000003', password: TEST_PASSWORD });
    await b.submit('two-step/method', { method: 'voice' });
    const code = await b.submit('two-step/phone', { phoneNumber: '+447700900789' });
    expect(code.text).toContain('We have called your phone number ending in 789');
    expect((await e.context.messages.list({ to: '+447700900789' }))[0]?.channel).toBe('voice');
    const grant = await b.submit('two-step/code', { accessCode: await latestCode(e, '+447700900789') });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('registers an authenticator app and accepts its TOTP code at the emulator\'s time', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '300000000004', affinityGroup: 'Individual' });
    const b = new JourneyBrowser(e);
    await b.authorize();
    await b.submit('start');
    await b.submit('sign-in', { userId: '300000000004', password: TEST_PASSWORD });
    const app = await b.submit('two-step/method', { method: 'app' });
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(app.text)?.[1];
    expect(secret).toBeTruthy();
    const code = authenticator.clone({ epoch: e.context.clock.now() }).generate(secret!);
    const grant = await b.submit('two-step/code', { accessCode: code });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
    expect((await e.context.accounts.find('300000000004'))?.twoStepVerification).toMatchObject({ method: 'app', totpSecret: secret });
    const now = await request(e.app).get('/_emulator/journeys/totp').query({ userId: '300000000004' });
    expect(now.body.code).toBe(code);
  });

  it('rejects a wrong access code, then locks the user out after too many', async () => {
    const e = await emulator({ journey: 'production', journeyLimits: { accessCodeAttempts: 3 } });
    await addAccount(e, { userId: '300000000005', affinityGroup: 'Individual', twoStepVerification: { method: 'text', phoneNumber: PHONE } });
    const b = new JourneyBrowser(e);
    await b.authorize({ state: 's5' });
    await b.submit('start');
    await b.submit('sign-in', { userId: '300000000005', password: TEST_PASSWORD });
    const right = await latestCode(e, PHONE);
    const wrong = right === '000000' ? '111111' : '000000';
    const first = await b.submit('two-step/code', { accessCode: wrong });
    expect(first.status).toBe(400);
    expect(first.text).toContain('The access code is incorrect');
    expect((await b.submit('two-step/code', { accessCode: 'abc' })).text).toContain('Enter the access code using 6 digits');
    await b.submit('two-step/code', { accessCode: wrong });
    const locked = await b.submit('two-step/code', { accessCode: wrong });
    expect(locked.text).toContain('You have entered the wrong access code too many times');
    expect(locked.text).toContain('data-testid="outcome-fail-2sv"');
    const back = await b.submit('return');
    expect(redirectParams(back).get('error_code')).toBe('TWO_STEP_VERIFICATION_FAILED');
    expect(redirectParams(back).get('state')).toBe('s5');
  });

  it('expires a text access code and sends a new one', async () => {
    const e = await emulator({ journey: 'production', journeyLimits: { accessCodeSeconds: 120 } });
    await addAccount(e, { userId: '300000000006', affinityGroup: 'Individual', twoStepVerification: { method: 'text', phoneNumber: PHONE } });
    const b = new JourneyBrowser(e);
    await b.authorize();
    await b.submit('start');
    await b.submit('sign-in', { userId: '300000000006', password: TEST_PASSWORD });
    const old = await latestCode(e, PHONE);
    e.context.clock.advance(121_000);
    const expired = await b.submit('two-step/code', { accessCode: old });
    expect(expired.text).toContain('This access code has expired. We have sent you a new one.');
    expect(await e.context.messages.list({ to: PHONE })).toHaveLength(2);
    const grant = await b.submit('two-step/code', { accessCode: await latestCode(e, PHONE) });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('sends a new code on request', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '300000000007', affinityGroup: 'Individual', twoStepVerification: { method: 'voice', phoneNumber: PHONE } });
    const b = new JourneyBrowser(e);
    await b.authorize();
    await b.submit('start');
    await b.submit('sign-in', { userId: '300000000007', password: TEST_PASSWORD });
    await b.submit('two-step/resend');
    expect(await e.context.messages.list({ to: PHONE })).toHaveLength(2);
  });

  it('shows an agent without an agent services account the page explaining it, and no grant', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, { userId: '300000000008', affinityGroup: 'Agent' });
    const b = new JourneyBrowser(e);
    await b.authorize();
    await b.submit('start');
    const page = await b.submit('sign-in', { userId: '300000000008', password: TEST_PASSWORD });
    expect(page.status).toBe(403);
    expect(page.text).toContain('Agents must sign in with the Government Gateway user ID for their agent services account.');
    expect(page.text).not.toContain('data-testid="grant-authority"');
    const back = await b.submit('return');
    expect(redirectParams(back).get('error_code')).toBe('AGENT_SERVICES_ACCOUNT_REQUIRED');
  });

  it('lets an agent with an agent services account through', async () => {
    const e = await emulator({ journey: 'production' });
    await addAccount(e, {
      userId: '300000000009', affinityGroup: 'Agent', twoStepVerification: { method: 'text', phoneNumber: PHONE },
      enrolments: [{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: 'XARN1234567' }] }],
    });
    const b = new JourneyBrowser(e);
    await b.authorize({ scope: 'read:sent-invitations' });
    await b.submit('start');
    await b.submit('sign-in', { userId: '300000000009', password: TEST_PASSWORD });
    const grant = await b.submit('two-step/code', { accessCode: await latestCode(e, PHONE) });
    expect(grant.text).toContain('Read invitations sent');
  });

  it('follows the persona\'s variant over the emulator\'s', async () => {
    const e = await emulator({ journey: 'sandbox' });
    await addAccount(e, { userId: '300000000010', affinityGroup: 'Individual', journey: 'production', twoStepVerification: { method: 'text', phoneNumber: PHONE } });
    const b = new JourneyBrowser(e);
    await b.authorize();
    const code = await b.submit('sign-in', { userId: '300000000010', password: TEST_PASSWORD });
    expect(titleOf(code.text)).toBe('Enter the access code - HMRC - GOV.UK');

    const p = await emulator({ journey: 'production' });
    await addAccount(p, { userId: '300000000011', affinityGroup: 'Individual', journey: 'sandbox' });
    const c = new JourneyBrowser(p);
    await c.authorize();
    await c.submit('start');
    const grant = await c.submit('sign-in', { userId: '300000000011', password: TEST_PASSWORD });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
  });
});
