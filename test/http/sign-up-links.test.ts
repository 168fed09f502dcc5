import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { emulator } from '../support.js';
import { addAgent, addIndividual, AGENT_JOURNEY, agentWithPendingEmail, DAY, lastEmail, location, signIn, submitForm } from './sign-up-support.js';

describe('email verification links', () => {
  it('puts a working link in the mailbox, listed by the control API and the mailbox page', async () => {
    const { e, link } = await agentWithPendingEmail();
    const mailbox = await request(e.app).get('/_emulator/mailbox').query({ to: 'agent@agency.example' });
    expect(mailbox.body.messages[0].links[0]).toBe(`http://localhost:9090${link}`);
    const page = await request(e.app).get('/_emulator/mailbox/page').query({ to: 'agent@agency.example' });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="http://localhost:9090${link}" data-testid="email-link"`);
    expect(page.text).toContain('Confirm your email address');
  });

  it('still works just before 3 days have passed', async () => {
    const { e, link } = await agentWithPendingEmail();
    e.context.clock.advance(3 * DAY - 1);
    const res = await request(e.app).get(link);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Email address confirmed');
  });

  it('shows an expired page once 3 days have passed, and does not verify the address', async () => {
    const { e, link } = await agentWithPendingEmail();
    e.context.clock.advance(3 * DAY);
    const res = await request(e.app).get(link);
    expect(res.status).toBe(410);
    expect(res.text).toContain('This link has expired');
    expect(await e.context.signUps.emailLinks.verified('900000000001')).toBeUndefined();
  });

  it('works once: a second use shows an already-used page', async () => {
    const { e, link } = await agentWithPendingEmail();
    expect((await request(e.app).get(link)).status).toBe(200);
    const again = await request(e.app).get(link);
    expect(again.status).toBe(410);
    expect(again.text).toContain('This link has already been used');
  });

  it('verifies once when the same link is followed twice at the same moment', async () => {
    const { e, link } = await agentWithPendingEmail();
    const token = link.split('/').pop()!;
    const results = await Promise.all([e.context.signUps.emailLinks.consume(token), e.context.signUps.emailLinks.consume(token)]);
    expect(results.map((r) => r.result).sort()).toEqual(['used', 'verified']);
  });

  it('answers 404 for a link it never sent', async () => {
    const e = await emulator();
    for (const token of ['not-a-real-token', '%3Cscript%3E']) {
      const res = await request(e.app).get(`/report-quarterly/income-and-expenses/sign-up/verify-email/${token}`);
      expect(res.status).toBe(404);
      expect(res.text).toContain('This link is not valid');
    }
  });

  it('a fresh link replaces an expired one and lets the agent carry on', async () => {
    const { e, link } = await agentWithPendingEmail();
    e.context.clock.advance(3 * DAY);
    expect((await request(e.app).get(link)).status).toBe(410);
    const { browser } = await signIn(e, AGENT_JOURNEY, '900000000001');
    await submitForm(browser, `${AGENT_JOURNEY}/client-details`, { nino: 'PE938808A', postcode: 'TS1 1PA' });
    await submitForm(browser, `${AGENT_JOURNEY}/email`, { email: 'agent@agency.example' });
    const fresh = (await lastEmail(e, 'agent@agency.example')).link!;
    expect(fresh).not.toBe(link);
    expect((await request(e.app).get(fresh)).status).toBe(200);
    expect(location(await submitForm(browser, `${AGENT_JOURNEY}/check-your-email`, {}))).toBe(`${AGENT_JOURNEY}/contact-preference`);
  });

  it("sends the client a fresh link through the control API once the first has expired", async () => {
    const e = await emulator();
    await addAgent(e);
    await addIndividual(e);
    const created = await request(e.app).post('/_emulator/sign-ups').send({ agentUserId: '900000000001', nino: 'PE938808A', postcode: 'TS1 1PA', businessEmail: 'ida@business.example' });
    const first = (await lastEmail(e, 'ida@business.example')).link!;
    e.context.clock.advance(3 * DAY);
    expect((await request(e.app).get(first)).status).toBe(410);
    expect((await request(e.app).post(`/_emulator/sign-ups/${created.body.id}/verification-email`)).status).toBe(202);
    expect((await request(e.app).get((await lastEmail(e, 'ida@business.example')).link!)).status).toBe(200);
    const again = await request(e.app).post(`/_emulator/sign-ups/${created.body.id}/verification-email`);
    expect(again.status).toBe(400);
    expect(again.body.message).toContain('already verified');
    expect((await request(e.app).post('/_emulator/sign-ups/SU0000000999/verification-email')).status).toBe(404);
  });

  it("records the client's business email as verified when the client follows the link sent at submission", async () => {
    const e = await emulator();
    await addAgent(e);
    await addIndividual(e);
    const created = await request(e.app).post('/_emulator/sign-ups').send({ agentUserId: '900000000001', nino: 'PE938808A', postcode: 'TS1 1PA', businessEmail: 'ida@business.example' });
    expect(created.status).toBe(201);
    expect(created.body.businessEmailVerifiedAt).toBeUndefined();
    const { link, body } = await lastEmail(e, 'ida@business.example');
    expect(body).toContain('expires in 3 days');
    e.context.clock.advance(DAY);
    expect((await request(e.app).get(link!)).status).toBe(200);
    const after = await request(e.app).get(`/_emulator/sign-ups/${created.body.id}`);
    expect(after.body.businessEmailVerifiedAt).toBe(new Date(e.context.clock.now()).toISOString());
  });
});
