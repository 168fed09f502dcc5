import type { JourneyVariant } from '../config/defaults.js';
import type { FailureId, JourneyStep } from '../oauth/outcomes.js';
import { requiredConfidence } from '../oauth/scopes.js';
import type { JourneyState } from './journey-state.js';
import type { JourneyKit, Step } from './kit.js';
import { currentStep, stepForPrompt, type PageStep } from './page-step.js';
import { chooseGrant, showGrant } from './steps/grant.js';
import { chooseIdentityOutcome, showIdentity } from './steps/identity.js';
import { showSignIn, signIn } from './steps/sign-in.js';
import { continueFromStart, showStart } from './steps/start.js';
import { chooseMethod, enterCode, givePhoneNumber, resendCode, showTwoStep } from './steps/two-step.js';

/** What decides which step of the link journey comes next (policy.ts gathers it inside oidc-provider). */
export interface LinkFacts {
  /** The emulator's variant: the start page comes before the user, and so the account's variant, is known. */
  emulatorVariant: JourneyVariant;
  /** The journey so far; undefined before its first page was loaded. */
  journey: JourneyState | undefined;
  /** Whether this journey has signed in (oidc-provider's interaction result has `login`). */
  signedIn: boolean;
  /** The scopes the software asks for. */
  scopes: readonly string[];
}

type LinkTypes = { id: Exclude<JourneyStep, 'session'>; kit: JourneyKit; page: Step; facts: LinkFacts; state: JourneyState; failure: FailureId };
export type LinkStep = PageStep<LinkTypes>;

/**
 * The link-software journey (hmrc-platform.md §1.4, §11), one row per oidc-provider prompt, in journey order:
 * start → sign in → 2-step verification → identity checks → grant authority. policy.ts turns the rows into
 * oidc-provider's prompts and checks in this order; routes.ts shows a prompt's page and takes its forms from its row.
 * The step after any step is the first row that applies (page-step.ts `currentStep`).
 *
 * The sandbox variant is exactly HMRC's online sandbox: sign in, grant ("sandbox doesn't include 2-step
 * verification or identity checks", Developer Hub "Testing in the sandbox"). A control-API preset can still send a
 * sandbox journey through 2-step (`fail-2sv`) or identity checks (`iv-*`), so a tester sees those outcomes.
 */
export const LINK_JOURNEY: readonly LinkStep[] = [
  {
    id: 'start',
    prompt: 'start',
    // Production only: the start page naming the software, until Continue (or once signed in).
    applies: (f) => f.emulatorVariant === 'production' && !f.signedIn && !f.journey?.started,
    show: showStart,
    templates: ['start.njk'],
    forms: { start: continueFromStart },
    stores: ['started'],
    fails: [],
  },
  {
    id: 'sign-in',
    prompt: 'login',
    // In every journey: no single sign-on across journeys, so each run is independent (besides oidc-provider's own login checks).
    applies: (f) => !f.signedIn,
    show: showSignIn,
    templates: ['sign-in.njk'],
    forms: { 'sign-in': signIn },
    stores: ['userId', 'variant', 'confidenceLevel', 'preset'],
    fails: ['sign-in-locked', 'account-locked', 'agent-services-account-required'],
  },
  {
    id: 'two-step',
    prompt: 'two_step',
    // The account's production variant (or a fail-2sv preset), until verified: register a method or enter the code.
    applies: ({ journey: j }) => !!j && (j.variant === 'production' || j.preset === 'fail-2sv') && !j.twoStepVerified,
    show: showTwoStep,
    templates: ['two-step-method.njk', 'two-step-phone.njk', 'two-step-code.njk'],
    forms: { 'two-step/method': chooseMethod, 'two-step/phone': givePhoneNumber, 'two-step/resend': resendCode, 'two-step/code': enterCode },
    stores: ['twoStepVerified'],
    fails: ['fail-2sv'],
  },
  {
    id: 'identity',
    prompt: 'identity',
    // Production, when the account's confidence level is below what the scopes need (scopes.ts, from HMRC's
    // scopes.json), or an iv-* preset, until done: the identity-verification stub.
    applies: ({ journey: j, scopes }) =>
      !!j && !j.identityDone && ((j.variant === 'production' && (j.confidenceLevel ?? 0) < requiredConfidence([...scopes])) || !!j.preset?.startsWith('iv-')),
    show: showIdentity,
    templates: ['identity.njk'],
    forms: { identity: chooseIdentityOutcome },
    stores: ['identityDone', 'confidenceLevel', 'preset'],
    fails: ['iv-failed-matching', 'iv-insufficient-evidence', 'iv-locked-out', 'iv-user-aborted', 'iv-timed-out', 'iv-technical-issue', 'iv-precondition-failed'],
  },
  {
    id: 'grant',
    prompt: 'consent',
    // No applies: oidc-provider's consent checks ask while the journey has no grant for the scopes.
    show: showGrant,
    templates: ['grant.njk'],
    forms: { grant: chooseGrant },
    stores: ['outcome'],
    fails: ['deny'],
  },
];

/** The row whose page an interaction with this prompt shows. */
export const linkStepForPrompt = (prompt: string): LinkStep => stepForPrompt(LINK_JOURNEY, prompt);

/** Where a link journey with these facts is (the same walk oidc-provider's policy makes). */
export const currentLinkStep = (facts: LinkFacts): LinkStep | undefined => currentStep(LINK_JOURNEY, facts);
