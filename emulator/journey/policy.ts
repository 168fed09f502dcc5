import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { Clock } from '../clock/clock.js';
import type { EmulatorConfig } from '../config/defaults.js';
import { requiredConfidence, splitScopes } from '../oauth/scopes.js';
import type { Store } from '../store/store.js';
import { JourneyStates, type JourneyState } from './journey-state.js';

/** The prompt names, in journey order; the journey's pages are chosen by them (routes.ts). */
export const PROMPTS = { start: 'start', signIn: 'login', twoStep: 'two_step', identity: 'identity', grant: 'consent' } as const;

/**
 * The link-software journey as oidc-provider prompts and checks (hmrc-platform.md §1.4, §11):
 *
 * 1. `start` — production only: the start page naming the software.
 * 2. `login` — "Sign in", in every journey (no single sign-on across journeys, so each run is independent).
 * 3. `two_step` — production (or a 2-step preset): register a method or enter the access code.
 * 4. `identity` — production, when the account's confidence level is below what the scopes need
 *    (scopes.ts, from HMRC's scopes.json), or an identity preset: the identity-verification stub.
 * 5. `consent` — "Grant authority".
 *
 * The sandbox variant is exactly HMRC's online sandbox: sign in, grant ("sandbox doesn't include
 * 2-step verification or identity checks", Developer Hub "Testing in the sandbox").
 */
export function journeyPolicy(config: EmulatorConfig, store: Store, clock: Clock): interactionPolicy.DefaultPolicy {
  const { Prompt, Check, base } = interactionPolicy;
  const states = new JourneyStates(store, clock);
  const journey = async (ctx: KoaContextWithOIDC): Promise<JourneyState | undefined> =>
    states.get((ctx.oidc.result as { journey?: { id?: string } } | undefined)?.journey?.id);
  const prompt = (yes: boolean): boolean => (yes ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT);

  const policy = base();
  policy.get('login')?.checks.add(new Check('sign_in_every_journey', 'Each link-software journey signs in', (ctx) => prompt(!ctx.oidc.result?.login)));

  const start = new Prompt(
    { name: PROMPTS.start, requestable: false },
    new Check('start_page', 'The production journey opens with a start page', async (ctx) => {
      if (config.journey !== 'production' || ctx.oidc.result?.login) return prompt(false);
      return prompt(!(await journey(ctx))?.started);
    }),
  );
  const twoStep = new Prompt(
    { name: PROMPTS.twoStep, requestable: false },
    new Check('two_step_verification', '2-step verification is needed', async (ctx) => {
      const j = await journey(ctx);
      return prompt(!!j && (j.variant === 'production' || j.preset === 'fail-2sv') && !j.twoStepVerified);
    }),
  );
  const identity = new Prompt(
    { name: PROMPTS.identity, requestable: false },
    new Check('confidence_level', 'The scopes need a higher confidence level than the account has', async (ctx) => {
      const j = await journey(ctx);
      if (!j || j.identityDone) return prompt(false);
      const needed = requiredConfidence(splitScopes(String(ctx.oidc.params?.scope ?? '')));
      return prompt((j.variant === 'production' && (j.confidenceLevel ?? 0) < needed) || !!j.preset?.startsWith('iv-'));
    }),
  );
  policy.add(start, 0);
  policy.add(twoStep, 2);
  policy.add(identity, 3);
  return policy;
}
