import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClock } from '../clock/clock.js';
import { DEFAULTS, type JourneyVariant } from '../config/defaults.js';
import { OUTCOMES } from '../oauth/outcomes.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { JourneyState } from './journey-state.js';
import { JOURNEY_TEMPLATES } from './kit.js';
import { currentLinkStep, LINK_JOURNEY, linkStepForPrompt, type LinkFacts } from './link-journey.js';
import { assertJourneyOrder, journeyPolicy } from './policy.js';

const journey = (state: Partial<JourneyState> = {}): JourneyState => ({ id: 'j', clientId: 'c', variant: 'sandbox', lastActivity: 0, ...state });
const facts = (emulatorVariant: JourneyVariant, state: Partial<JourneyState> | undefined, more: Partial<LinkFacts> = {}): LinkFacts => ({
  emulatorVariant,
  journey: state && journey(state),
  signedIn: !!state?.userId,
  scopes: ['read:vat'],
  ...more,
});
const at = (f: LinkFacts): string | undefined => currentLinkStep(f)?.id;

describe('LINK_JOURNEY', () => {
  it('reads start → sign in → 2-step → identity → grant, one row per oidc-provider prompt', () => {
    expect(LINK_JOURNEY.map((s) => s.id)).toEqual(['start', 'sign-in', 'two-step', 'identity', 'grant']);
    expect(LINK_JOURNEY.map((s) => s.prompt)).toEqual(['start', 'login', 'two_step', 'identity', 'consent']);
    const prompts = LINK_JOURNEY.map((s) => s.prompt);
    expect(new Set(prompts).size).toBe(prompts.length);
    const actions = LINK_JOURNEY.flatMap((s) => Object.keys(s.forms));
    expect(new Set(actions).size).toBe(actions.length);
    for (const s of LINK_JOURNEY) expect(linkStepForPrompt(s.prompt)).toBe(s);
    expect(() => linkStepForPrompt('select_account')).toThrow(/No page step/);
  });

  it('builds the oidc-provider policy in the table order, keeping its login and consent prompts', () => {
    const policy = journeyPolicy(DEFAULTS, createMemoryStore(createClock({ frozen: true })), createClock({ frozen: true }));
    expect(policy.map((p) => p.name)).toEqual(LINK_JOURNEY.map((s) => s.prompt));
    expect(policy.get('login')!.checks.map((c) => c.reason)).toContain('journey_sign_in');
  });

  it('refuses a table whose order oidc-provider could not follow', () => {
    const base = ['login', 'consent'];
    expect(() => assertJourneyOrder(base, ['consent', 'login'], base)).toThrow(/order/);
    expect(() => assertJourneyOrder(['login', 'x', 'consent'], ['login', 'x', 'x', 'consent'], base)).toThrow(/more than one row/);
    expect(() => assertJourneyOrder(['x', 'login', 'consent'], ['x', 'login'], base)).toThrow(/consent have no row/);
    expect(() => assertJourneyOrder(['start', 'login', 'consent'], ['start', 'login', 'consent'], base)).not.toThrow();
  });

  it('sandbox: sign in, then grant', () => {
    expect(at(facts('sandbox', undefined))).toBe('sign-in');
    expect(at(facts('sandbox', {}))).toBe('sign-in');
    expect(at(facts('sandbox', { userId: 'u', confidenceLevel: 50 }, { scopes: ['read:self-assessment'] }))).toBe('grant');
  });

  it('production: start, sign in, 2-step until verified, identity while the confidence level is below the scopes\' need, grant', () => {
    const sa = { scopes: ['read:self-assessment'] };
    expect(at(facts('production', undefined))).toBe('start');
    expect(at(facts('production', { variant: 'production' }))).toBe('start');
    expect(at(facts('production', { variant: 'production', started: true }))).toBe('sign-in');
    const signedIn = { variant: 'production', started: true, userId: 'u', confidenceLevel: 200 } as const;
    expect(at(facts('production', signedIn, sa))).toBe('two-step');
    expect(at(facts('production', { ...signedIn, twoStepVerified: true }, sa))).toBe('identity');
    expect(at(facts('production', { ...signedIn, twoStepVerified: true, identityDone: true }, sa))).toBe('grant');
    expect(at(facts('production', { ...signedIn, twoStepVerified: true, confidenceLevel: 250 }, sa))).toBe('grant');
    expect(at(facts('production', { ...signedIn, twoStepVerified: true }))).toBe('grant');
    // A sandbox account in a production emulator: the start page, then HMRC's sandbox steps.
    expect(at(facts('production', { started: true, userId: 'u', variant: 'sandbox', confidenceLevel: 50 }, sa))).toBe('grant');
  });

  it('presets send a sandbox journey through 2-step (fail-2sv) or identity checks (iv-*)', () => {
    expect(at(facts('sandbox', { userId: 'u', preset: 'fail-2sv' }))).toBe('two-step');
    expect(at(facts('sandbox', { userId: 'u', preset: 'iv-failed-matching', confidenceLevel: 250 }))).toBe('identity');
    expect(at(facts('sandbox', { userId: 'u', preset: 'iv-success', identityDone: true }))).toBe('grant');
    expect(at(facts('sandbox', { userId: 'u', preset: 'deny' }))).toBe('grant');
  });

  it('lists, for each step, the failure outcomes the catalogue gives that step', () => {
    for (const s of LINK_JOURNEY) {
      const catalogue = OUTCOMES.filter((o) => o.step === s.id && o.id !== 'grant' && o.id !== 'iv-success').map((o) => o.id);
      expect([...s.fails].sort(), s.id).toEqual(catalogue.sort());
    }
  });

  it('names templates that exist, and every step page template belongs to a row', () => {
    const files = readdirSync(JOURNEY_TEMPLATES).filter((f) => f.endsWith('.njk'));
    const listed = LINK_JOURNEY.flatMap((s) => s.templates);
    for (const t of listed) expect(files).toContain(t);
    expect(files.filter((f) => !listed.includes(f)).sort()).toEqual(['failure.njk', 'outbox.njk']);
  });
});
