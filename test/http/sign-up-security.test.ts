import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { addAgent, addIndividual, AGENT_JOURNEY, csrfOf, signIn, submitForm } from './sign-up-support.js';

describe('sign-up pages are safe', () => {
  it('refuses a form without a CSRF token, with a wrong one, or with another session token', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    const path = `${AGENT_JOURNEY}/client-details`;
    const body = { nino: 'PE938808A', postcode: 'TS1 1PA' };
    const missing = await browser.post(path).type('form').send(body);
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('This page has expired');
    const wrong = await browser.post(path).type('form').send({ ...body, csrfToken: 'x'.repeat(32) });
    expect(wrong.status).toBe(403);
    const other = await signIn(e, AGENT_JOURNEY, agent.userId);
    const foreign = csrfOf((await other.browser.get(path)).text);
    expect((await browser.post(path).type('form').send({ ...body, csrfToken: foreign })).status).toBe(403);
    expect((await request(e.app).post(`${AGENT_JOURNEY}/sign-in`).type('form').send({ userId: agent.userId, password: 'x', csrfToken: foreign })).status).toBe(403);
  });

  it("locks the user ID out after HMRC's number of wrong passwords, the right one included, until the lock-out passes", async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    const browser = request.agent(e.app);
    const token = csrfOf((await browser.get(`${AGENT_JOURNEY}/sign-in`)).text);
    const attempt = (password: string) => browser.post(`${AGENT_JOURNEY}/sign-in`).type('form').send({ userId: agent.userId, password, csrfToken: token });
    const { signInAttempts, signInLockoutSeconds } = e.context.config.journeyLimits;
    for (let i = 1; i < signInAttempts; i++) expect((await attempt('wrong')).status).toBe(401);
    expect((await attempt('wrong')).text).toContain('Your account is locked');
    expect((await attempt('Passw0rd1234')).text).toContain('Your account is locked');
    await e.context.clock.advance(signInLockoutSeconds * 1000 + 1_000);
    const again = request.agent(e.app);
    const fresh = csrfOf((await again.get(`${AGENT_JOURNEY}/sign-in`)).text);
    expect((await again.post(`${AGENT_JOURNEY}/sign-in`).type('form').send({ userId: agent.userId, password: 'Passw0rd1234', csrfToken: fresh })).status).toBe(303);
  });

  it('sets an HttpOnly, SameSite session cookie and replaces it at sign-in', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    const browser = request.agent(e.app);
    const first = await browser.get(`${AGENT_JOURNEY}/sign-in`);
    const before = String(first.headers['set-cookie']);
    expect(before).toMatch(/mtd-sign-up=[^;]+; Path=\/report-quarterly\/income-and-expenses\/sign-up; HttpOnly; SameSite=Lax/);
    const signedIn = await browser.post(`${AGENT_JOURNEY}/sign-in`).type('form').send({ userId: agent.userId, password: 'Passw0rd1234', csrfToken: csrfOf(first.text) });
    expect(signedIn.status).toBe(303);
    const after = String(signedIn.headers['set-cookie']);
    expect(after.match(/mtd-sign-up=([^;]+)/g)?.at(-1)).not.toBe(before.match(/mtd-sign-up=([^;]+)/)?.[0]);
  });

  it('escapes hostile input reflected in pages', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    await addIndividual(e);
    const hostile = '"><script>alert(1)</script>';
    const signInPage = await signIn(e, AGENT_JOURNEY, hostile);
    expect(signInPage.res.status).toBe(401);
    expect(signInPage.res.text).not.toContain('<script>alert(1)');
    expect(signInPage.res.text).toContain('&quot;&gt;&lt;script&gt;');

    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    const details = await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: hostile, postcode: hostile });
    expect(details.status).toBe(400);
    expect(details.text).not.toContain('<script>alert(1)');
    await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    const email = await submitForm(browser, `${AGENT_JOURNEY}/email`, { email: `a@b.c${hostile}` });
    expect(email.status).toBe(400);
    expect(email.text).not.toContain('<script>alert(1)');

    const mailbox = await request(e.app).get('/_emulator/mailbox/page').query({ to: hostile });
    expect(mailbox.status).toBe(200);
    expect(mailbox.text).not.toContain('<script>alert(1)');
  });

  it('gives every input and button a data-testid and needs no script to work', async () => {
    const e = await emulator();
    const agent = await addAgent(e);
    await addIndividual(e);
    const { browser } = await signIn(e, AGENT_JOURNEY, agent.userId);
    const pages = [(await browser.get(`${AGENT_JOURNEY}/client-details`)).text];
    await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    pages.push((await browser.get(`${AGENT_JOURNEY}/email`)).text);
    await e.context.signUps.emailLinks.markVerified(agent.userId, 'agent@agency.example');
    pages.push((await browser.get(`${AGENT_JOURNEY}/contact-preference`)).text);
    await submitForm(browser, `${AGENT_JOURNEY}/contact-preference`, { contactPreference: 'emails' });
    pages.push((await browser.get(`${AGENT_JOURNEY}/client-email`)).text);
    await submitForm(browser, `${AGENT_JOURNEY}/client-email`, { email: 'ida@business.example' });
    pages.push((await browser.get(`${AGENT_JOURNEY}/check-answers`)).text);
    for (const html of pages) {
      const controls = html.match(/<(input|button)\b[^>]*>/g) ?? [];
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) expect(control).toContain('data-testid=');
      expect(html).toMatch(/<form method="post" action="\/report-quarterly/);
    }
  });
});
