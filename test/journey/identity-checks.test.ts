import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/app.js';
import { addAccount, emulator, TEST_PASSWORD } from '../support.js';
import { JourneyBrowser, latestCode, redirectParams, titleOf } from './journey-support.js';

const PHONE = '07700900321';

async function atIdentityChecks(e: Emulator, userId: string, scope = 'read:self-assessment'): Promise<JourneyBrowser> {
  await addAccount(e, { userId, affinityGroup: 'Individual', confidenceLevel: 50, twoStepVerification: { method: 'text', phoneNumber: PHONE } });
  const b = new JourneyBrowser(e);
  await b.authorize({ scope, state: 'iv' });
  await b.submit('start');
  await b.submit('sign-in', { userId, password: TEST_PASSWORD });
  await b.submit('two-step/code', { accessCode: await latestCode(e, PHONE) });
  return b;
}

const FAILURES = [
  ['failed-matching', 'We could not confirm your identity', 'IDENTITY_FAILED_MATCHING', true],
  ['insufficient-evidence', 'We could not confirm your identity', 'IDENTITY_INSUFFICIENT_EVIDENCE', true],
  ['locked-out', 'You have tried to confirm your identity too many times', 'IDENTITY_LOCKED_OUT', false],
  ['user-aborted', 'You have not confirmed your identity', 'IDENTITY_USER_ABORTED', true],
  ['timed-out', 'Your identity check timed out', 'IDENTITY_TIMED_OUT', true],
  ['technical-issue', 'Sorry, there is a problem with the service', 'IDENTITY_TECHNICAL_ISSUE', true],
  ['precondition-failed', 'You cannot confirm your identity online', 'IDENTITY_PRECONDITION_FAILED', false],
] as const;

describe('identity checks in the production journey', () => {
  it('asks for identity checks when the scopes need a higher confidence level, offering every outcome', async () => {
    const e = await emulator({ journey: 'production' });
    const b = await atIdentityChecks(e, '400000000001');
    expect(titleOf(b.page.text)).toBe('Confirm your identity - HMRC - GOV.UK');
    expect(b.page.text).toContain('confidence level 250');
    for (const o of ['success', ...FAILURES.map(([id]) => id)]) expect(b.page.text).toContain(`data-testid="iv-outcome-${o}"`);
    expect((await b.submit('identity', { outcome: 'nonsense' })).status).toBe(400);
  });

  it('raises the confidence level on success and goes on to grant authority', async () => {
    const e = await emulator({ journey: 'production' });
    const b = await atIdentityChecks(e, '400000000002');
    const grant = await b.submit('identity', { outcome: 'success' });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
    expect(grant.text).toContain('View your Self Assessment information');
    expect((await e.context.accounts.find('400000000002'))?.confidenceLevel).toBe(250);
    const done = await b.submit('grant', { decision: 'grant' });
    expect(redirectParams(done).get('code')).toBeTruthy();
  });

  it('skips identity checks when the scopes need no more than the account has', async () => {
    const e = await emulator({ journey: 'production' });
    const b = await atIdentityChecks(e, '400000000003', 'hello');
    expect(titleOf(b.page.text)).toBe('Grant authority - HMRC - GOV.UK');
  });

  for (const [outcome, title, errorCode, retry] of FAILURES) {
    it(`shows its page for ${outcome}, and returns ${errorCode} to the software when the user gives up`, async () => {
      const e = await emulator({ journey: 'production' });
      const b = await atIdentityChecks(e, '400000000010');
      const page = await b.submit('identity', { outcome });
      expect(page.text).toContain(title);
      expect(page.text).toContain(`data-testid="outcome-iv-${outcome}"`);
      expect(page.text.includes('data-testid="try-again"')).toBe(retry);
      expect(page.text).not.toContain('data-testid="grant-authority"');
      expect((await e.context.accounts.find('400000000010'))?.confidenceLevel).toBe(50);
      const back = await b.submit('return');
      const params = redirectParams(back);
      expect([params.get('error'), params.get('error_code'), params.get('state')]).toEqual(['access_denied', errorCode, 'iv']);
    });
  }

  it('lets the user try again after a retryable failure', async () => {
    const e = await emulator({ journey: 'production' });
    const b = await atIdentityChecks(e, '400000000004');
    await b.submit('identity', { outcome: 'failed-matching' });
    const again = await b.get(b.page.path);
    expect(titleOf(again.text)).toBe('Confirm your identity - HMRC - GOV.UK');
    const grant = await b.submit('identity', { outcome: 'success' });
    expect(titleOf(grant.text)).toBe('Grant authority - HMRC - GOV.UK');
  });
});
