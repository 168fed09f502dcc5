import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { emulator } from '../support.js';
import { JourneyBrowser, latestCode, redirectParams, titleOf } from './journey-support.js';

function persona(e: Emulator, name: string) {
  const p = e.personas().find((x) => x.persona === name);
  if (!p) throw new Error(`no persona ${name}`);
  return p;
}

async function signIn(e: Emulator, name: string, query: Record<string, string> = {}): Promise<JourneyBrowser> {
  const p = persona(e, name);
  const b = new JourneyBrowser(e);
  const first = await b.authorize(query);
  if (first.text.includes('data-testid="continue"') && titleOf(first.text).startsWith('Give ')) await b.submit('start');
  await b.submit('sign-in', { userId: p.userId, password: p.password });
  return b;
}

describe('the seeded personas take their branches of the journey (sandbox emulator)', () => {
  it('individual goes straight to grant authority', async () => {
    const e = await emulator();
    expect(titleOf((await signIn(e, 'individual')).page.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('individual-sms gets a text message code', async () => {
    const e = await emulator();
    const b = await signIn(e, 'individual-sms');
    expect(titleOf(b.page.text)).toBe('Enter the access code - HMRC - GOV.UK');
    const grant = await b.submit('two-step/code', { accessCode: await latestCode(e, persona(e, 'individual-sms').phoneNumber!) });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('individual-app enters the code from its authenticator app', async () => {
    const e = await emulator();
    const b = await signIn(e, 'individual-app');
    const code = authenticator.clone({ epoch: e.context.clock.now() }).generate(persona(e, 'individual-app').totpSecret!);
    expect(titleOf((await b.submit('two-step/code', { accessCode: code })).text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  it('individual-no-2sv is asked to set up 2-step verification', async () => {
    const e = await emulator();
    expect(titleOf((await signIn(e, 'individual-no-2sv')).page.text)).toBe('How do you want to get access codes? - HMRC - GOV.UK');
  });

  it('individual-low-confidence goes through identity checks for Self Assessment', async () => {
    const e = await emulator();
    const b = await signIn(e, 'individual-low-confidence', { scope: 'read:self-assessment' });
    const iv = await b.submit('two-step/code', { accessCode: await latestCode(e, persona(e, 'individual-low-confidence').phoneNumber!) });
    expect(titleOf(iv.text)).toBe('Confirm your identity - HMRC - GOV.UK');
  });

  it('individual-locked cannot sign in', async () => {
    const e = await emulator();
    expect((await signIn(e, 'individual-locked')).page.text).toContain('Your account is locked');
  });

  it('organisation grants authority for VAT', async () => {
    const e = await emulator();
    const b = await signIn(e, 'organisation', { scope: 'read:vat write:vat' });
    expect(b.page.text).toContain('View your VAT information');
    expect(redirectParams(await b.submit('grant', { decision: 'grant' })).get('code')).toBeTruthy();
  });
});

describe('agents in the production journey', () => {
  it('agent-no-asa is told to use an agent services account; agent gets on to 2-step verification', async () => {
    const e = await emulator({ journey: 'production' });
    expect((await signIn(e, 'agent-no-asa')).page.text).toContain('Agents must sign in with the Government Gateway user ID for their agent services account.');
    const agent = await signIn(e, 'agent', { scope: 'read:sent-invitations' });
    expect(titleOf(agent.page.text)).not.toContain('You cannot use this user ID');
    expect(agent.page.status).toBe(200);
  });
});
