import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { Clock } from '../clock/clock.js';
import type { EmulatorConfig } from '../config/defaults.js';
import { splitScopes } from '../oauth/scopes.js';
import type { Store } from '../store/store.js';
import { JourneyStates } from './journey-state.js';
import { LINK_JOURNEY, type LinkFacts } from './link-journey.js';

/**
 * The link-software journey as oidc-provider prompts and checks, built from its table (link-journey.ts): one prompt
 * per row, in the table's order, each asking for its page while the row's `applies` holds. oidc-provider's own
 * `login` and `consent` prompts stay (their checks keep the session and grant rules); a row naming one of them adds
 * its check to it, any other row becomes a new prompt at its place in the table.
 */
export function journeyPolicy(config: EmulatorConfig, store: Store, clock: Clock): interactionPolicy.DefaultPolicy {
  const { Prompt, Check, base } = interactionPolicy;
  const states = new JourneyStates(store, clock);
  // Gathered once per request: every row's check reads the same facts (one store read, not one per row).
  const gathered = new WeakMap<KoaContextWithOIDC, Promise<LinkFacts>>();
  const gather = async (ctx: KoaContextWithOIDC): Promise<LinkFacts> => ({
    emulatorVariant: config.journey,
    journey: await states.get((ctx.oidc.result as { journey?: { id?: string } } | undefined)?.journey?.id),
    signedIn: !!ctx.oidc.result?.login,
    scopes: splitScopes(String(ctx.oidc.params?.scope ?? '')),
  });
  const facts = (ctx: KoaContextWithOIDC): Promise<LinkFacts> => {
    let f = gathered.get(ctx);
    if (!f) gathered.set(ctx, (f = gather(ctx)));
    return f;
  };

  const policy = base();
  const basePrompts = policy.map((p) => p.name);
  LINK_JOURNEY.forEach((row, position) => {
    const { applies } = row;
    const checks = applies
      ? [new Check(`journey_${row.id.replace(/-/g, '_')}`, `The link journey's ${row.id} step applies (link-journey.ts)`, async (ctx) =>
          applies(await facts(ctx)) ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT)]
      : [];
    const existing = policy.get(row.prompt);
    if (existing) for (const check of checks) existing.checks.add(check);
    else if (checks.length) policy.add(new Prompt({ name: row.prompt, requestable: false }, ...checks), position);
    else throw new Error(`Link journey step "${row.id}" is a new prompt without applies: it would never be shown`);
  });
  assertJourneyOrder(policy.map((p) => p.name), LINK_JOURNEY.map((r) => r.prompt), basePrompts);
  return policy;
}

/**
 * The built policy asks in the table's order, and the table keeps oidc-provider's base prompts (login before
 * consent) in their order: oidc-provider resolves the first prompt whose check asks, so a table that moved `consent`
 * before `login`, or left one out, would not be the journey it reads as. Checked when the emulator is built.
 */
export function assertJourneyOrder(built: readonly string[], table: readonly string[], basePrompts: readonly string[]): void {
  const twice = table.filter((p, i) => table.indexOf(p) !== i);
  if (twice.length) throw new Error(`Link journey: prompt(s) ${twice.join(', ')} in more than one row`);
  const missing = basePrompts.filter((p) => !table.includes(p));
  if (missing.length) throw new Error(`Link journey: oidc-provider's prompt(s) ${missing.join(', ')} have no row`);
  if (built.join() !== table.join()) throw new Error(`Link journey: the table's order (${table.join(', ')}) is not the policy's (${built.join(', ')})`);
}
