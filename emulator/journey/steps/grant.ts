import type { JourneyKit, Step } from '../kit.js';

/**
 * Grant authority. HMRC: each requested scope by its user-facing name (scopes.json `name`), "This
 * authority will last for 18 months. You can remove this authority at any time", "Grant authority" /
 * "Do not grant authority"; denial redirects with `error=access_denied&error_description=user+denied+
 * the+authorization&error_code=USER_DENIED_AUTHORIZATION&state=…` (authorize-redirect.ts shapes it).
 */
export async function chooseGrant(kit: JourneyKit, step: Step): Promise<void> {
  const decision = (step.req.body as Record<string, unknown>).decision;
  if (decision !== 'grant' && decision !== 'deny') return showGrant(kit, step, 'Choose whether to grant authority', 400);
  await kit.log(step, 'grant', decision);
  await decide(kit, step, decision);
}

export async function showGrant(kit: JourneyKit, step: Step, error?: string, status = 200): Promise<void> {
  const preset = step.journey.preset;
  if (preset === 'grant' || preset === 'deny') {
    await kit.log(step, 'grant', `preset:${preset}`);
    return decide(kit, step, preset);
  }
  kit.render(step, 'grant.njk', { title: 'Grant authority', scopes: kit.scopeNames(step), error, errors: error ? [{ text: error, href: '#grant-authority' }] : undefined }, status);
}

async function decide(kit: JourneyKit, step: Step, decision: 'grant' | 'deny'): Promise<void> {
  if (decision === 'deny') return kit.returnToSoftware(step, 'deny');
  const accountId = step.details.session?.accountId ?? step.journey.userId;
  if (!accountId) return kit.returnToSoftware(step, 'deny');
  const grantId = await saveGrant(kit, step, accountId);
  await kit.states.update(step.journey.id, { outcome: 'grant' });
  await kit.finish(step, { consent: { grantId } });
}

/** Records the user's authority for the requested scopes (oidc-provider Grant; lifetime `tokens.grantDays`). */
export async function saveGrant(kit: JourneyKit, step: Step, accountId: string): Promise<string> {
  const grant = new kit.ctx.provider.Grant({ accountId, clientId: String(step.details.params.client_id) });
  grant.addOIDCScope(String(step.details.params.scope ?? ''));
  return grant.save();
}
