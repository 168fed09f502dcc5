import type { Account } from '../../accounts/account.js';
import { signInChecker } from '../../pages/check-sign-in.js';
import type { JourneyKit, Step } from '../kit.js';

/**
 * Sign in with a Government Gateway user ID and password (fields `userId`, `password`).
 * HMRC sandbox (api-platform-test-login-frontend): title "Sign in", "Enter your Test User credentials
 * to sign in.", wrong credentials → 401 re-render with "Invalid user ID or password. Try again."
 * Production: agents must use the user ID of their agent services account (`HMRC-AS-AGENT`).
 * The emulator's choices: `journeyLimits.signInAttempts` wrong passwords in a row lock the user ID for
 * `journeyLimits.signInLockoutSeconds` (a shared, seeded account only in that journey: see `lockOutKey`;
 * the check is check-sign-in.ts, shared with Manage your authorised software); an account locked by HMRC
 * (`locked`) gets a locked page.
 */
export async function signIn(kit: JourneyKit, step: Step): Promise<void> {
  const body = step.req.body as Record<string, unknown>;
  const result = await signInChecker(kit.ctx)(body.userId, body.password, step.journey.id);
  if (result.outcome !== 'signed-in') {
    await kit.log(step, 'sign-in', result.outcome);
    if (result.outcome === 'locked' || result.outcome === 'wrong-password:locked') return kit.fail(step, 'sign-in-locked', 401);
    const userId = typeof body.userId === 'string' ? body.userId.trim() : '';
    return showSignIn(kit, step, { userId, error: 'Invalid user ID or password. Try again.' }, 401);
  }
  const { account } = result;
  const variant = account.journey ?? step.journey.variant;
  step.journey = (await kit.states.update(step.journey.id, { userId: account.userId, variant, confidenceLevel: account.confidenceLevel })) ?? step.journey;
  if (account.locked) {
    await kit.log(step, 'sign-in', 'account-locked');
    return kit.fail(step, 'account-locked', 403);
  }
  if (variant === 'production' && isAgentWithoutServicesAccount(account)) {
    await kit.log(step, 'sign-in', 'agent-services-account-required');
    return kit.fail(step, 'agent-services-account-required', 403);
  }
  const preset = await kit.presets.take('sign-in', step.journey.clientId, account.userId);
  if (preset) {
    await kit.states.update(step.journey.id, { preset: preset.outcome });
    await kit.log(step, 'preset', preset.outcome);
  }
  await kit.log(step, 'sign-in', 'signed-in');
  await kit.forgetEarlierSignIn(step);
  await kit.finish(step, { login: { accountId: account.userId, remember: false } });
}

export function showSignIn(kit: JourneyKit, step: Step, form: { userId?: string; error?: string } = {}, status = 200): void {
  kit.render(step, 'sign-in.njk', {
    title: 'Sign in',
    production: step.journey.variant === 'production',
    userId: form.userId ?? '',
    error: form.error,
    errors: form.error ? [{ text: form.error, href: '#userId' }] : undefined,
  }, status);
}

function isAgentWithoutServicesAccount(account: Account): boolean {
  return account.affinityGroup === 'Agent' && !account.enrolments.some((e) => e.key === 'HMRC-AS-AGENT');
}
