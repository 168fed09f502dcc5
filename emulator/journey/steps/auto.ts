import type { Account } from '../../accounts/account.js';
import type { JourneyKit, Step } from '../kit.js';
import type { FailureId } from '../../oauth/outcomes.js';
import type { JourneyPreset } from '../presets.js';
import { saveGrant } from './grant.js';

/**
 * Auto mode (control API preset with `auto: true`): the journey completes without pages. The
 * browser's first interaction redirects straight back through oidc-provider to the software: with a
 * code for `grant` (and `iv-success`), or with `error=access_denied` and the outcome's `error_code`.
 * The journey signs in as the preset's `userId`, else the `individual` persona, else `user1`.
 */
export async function runAuto(kit: JourneyKit, step: Step, preset: JourneyPreset): Promise<void> {
  await kit.log(step, 'auto', preset.outcome);
  if (preset.outcome !== 'grant' && preset.outcome !== 'iv-success') return kit.returnToSoftware(step, preset.outcome as FailureId);
  const account = await autoAccount(kit, preset.userId);
  if (!account) return kit.returnToSoftware(step, 'deny');
  step.journey = (await kit.states.update(step.journey.id, { userId: account.userId, started: true, twoStepVerified: true, identityDone: true, confidenceLevel: account.confidenceLevel })) ?? step.journey;
  await kit.forgetEarlierSignIn(step);
  const grantId = await saveGrant(kit, step, account.userId);
  await kit.states.update(step.journey.id, { outcome: 'grant' });
  await kit.finish(step, { login: { accountId: account.userId, remember: false }, consent: { grantId } });
}

async function autoAccount(kit: JourneyKit, userId: string | undefined): Promise<Account | undefined> {
  if (userId) return kit.ctx.accounts.find(userId);
  const accounts = await kit.ctx.accounts.list();
  return accounts.find((a) => a.persona === 'individual') ?? (await kit.ctx.accounts.find('user1')) ?? accounts[0];
}
