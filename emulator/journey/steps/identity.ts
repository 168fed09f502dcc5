import { requiredConfidence, splitScopes } from '../../oauth/scopes.js';
import type { JourneyKit, Step } from '../kit.js';
import { IDENTITY_OUTCOMES, type FailureId } from '../../oauth/outcomes.js';

/**
 * Identity checks (production journey): when the scopes need a higher confidence level than the
 * account has (HMRC's scopes.json `confidenceLevel`; test users have 250), a stub of HMRC's identity
 * verification lets the tester choose the outcome: `success` raises the account's confidence level
 * to what the scopes need and the journey goes on; each failure has its page (outcomes.ts).
 */
export async function chooseIdentityOutcome(kit: JourneyKit, step: Step): Promise<void> {
  const choice = (step.req.body as Record<string, unknown>).outcome;
  const outcome = IDENTITY_OUTCOMES.find((o) => o.ivOutcome === choice);
  if (!outcome) return showIdentity(kit, step, 'Select the outcome of the identity checks', 400);
  await kit.log(step, 'identity', outcome.id);
  await apply(kit, step, outcome.id);
}

export async function showIdentity(kit: JourneyKit, step: Step, error?: string, status = 200): Promise<void> {
  const preset = step.journey.preset;
  if (preset?.startsWith('iv-')) {
    await kit.log(step, 'identity', `preset:${preset}`);
    return apply(kit, step, preset);
  }
  kit.render(step, 'identity.njk', {
    title: 'Confirm your identity',
    needed: requiredConfidence(splitScopes(String(step.details.params.scope ?? ''))),
    current: step.journey.confidenceLevel,
    outcomes: IDENTITY_OUTCOMES.map((o) => ({ value: o.ivOutcome, text: o.description, testid: `iv-outcome-${o.ivOutcome}` })),
    error,
    errors: error ? [{ text: error, href: '#outcome' }] : undefined,
  }, status);
}

async function apply(kit: JourneyKit, step: Step, outcome: string): Promise<void> {
  if (outcome !== 'iv-success') return kit.fail(step, outcome as FailureId);
  const needed = Math.max(requiredConfidence(splitScopes(String(step.details.params.scope ?? ''))), step.journey.confidenceLevel ?? 0);
  const account = await kit.account(step);
  if (account && account.confidenceLevel < needed) await kit.ctx.accounts.add({ ...account, confidenceLevel: needed });
  await kit.states.update(step.journey.id, { identityDone: true, confidenceLevel: needed, preset: undefined });
  await kit.finish(step);
}
