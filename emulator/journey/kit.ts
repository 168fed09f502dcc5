import type { Request, Response } from 'express';
import type { InteractionResults } from 'oidc-provider';
import type { Account } from '../accounts/account.js';
import type { EmulatorContext } from '../context.js';
import { PageError } from '../errors/page-error.js';
import { CsrfTokens } from '../pages/csrf.js';
import { createPages, templateDir, type PageContext, type Pages } from '../pages/pages.js';
import { INTERACTION_PATH } from '../oauth/provider.js';
import { findScope, splitScopes } from '../oauth/scopes.js';
import { JourneyPresets } from './presets.js';
import { JourneyStates, type JourneyState } from './journey-state.js';
import { findOutcome, type FailureId, type JourneyStep } from '../oauth/outcomes.js';

/** The journey's templates (also used by the control API's outbox page). */
export const JOURNEY_TEMPLATES = templateDir(import.meta.url);

type Details = Awaited<ReturnType<EmulatorContext['provider']['interactionDetails']>>;

/** One request to a journey page: the interaction, the journey so far and the page's CSRF token. */
export interface Step {
  req: Request;
  res: Response;
  details: Details;
  journey: JourneyState;
  /** The software's name, as registered (shown on the pages, escaped). */
  appName: string;
  csrfToken: string;
  /** `/oauth/interaction/<uid>`: the page, and the prefix of its form actions. */
  path: string;
}

/** The journey's two dead ends: a page that can no longer be used, and a form without its page's CSRF token. */
const JOURNEY_ERROR_PAGES = {
  expired: {
    status: 400,
    title: 'You cannot use this page any more',
    paragraphs: [
      'You may have used the browser back button, submitted a form twice or waited too long.',
      'Go back to your software and start again.',
    ],
  },
  csrf: {
    status: 403,
    title: 'There was a problem submitting this page',
    paragraphs: ['The form was not sent from this page, or the page is out of date. Go back, reload the page and try again.'],
  },
} as const;

/**
 * Thrown for a journey request that cannot go on: a page of the pages' error family (errors/page-error.ts), rendered
 * by the one error handler with `data-testid="journey-error-<kind>"`.
 */
export class JourneyPageError extends PageError {
  constructor(readonly kind: keyof typeof JOURNEY_ERROR_PAGES) {
    const { status, title, paragraphs } = JOURNEY_ERROR_PAGES[kind];
    super(status, { title, paragraphs: [...paragraphs], testid: `journey-error-${kind}` });
    this.name = 'JourneyPageError';
  }
}

/**
 * What every journey step shares: loading the interaction and the journey state, the session
 * time-out, CSRF checks, rendering, finishing a prompt and failing the journey.
 */
export class JourneyKit {
  readonly pages: Pages;
  readonly states: JourneyStates;
  readonly presets: JourneyPresets;
  readonly csrf: CsrfTokens;

  constructor(readonly ctx: EmulatorContext) {
    this.pages = createPages([JOURNEY_TEMPLATES]);
    this.states = new JourneyStates(ctx.store, ctx.clock);
    this.presets = new JourneyPresets(ctx.store);
    this.csrf = new CsrfTokens(ctx.store);
  }

  /**
   * Loads the step. Renders (and returns undefined) when the session timed out, the form's CSRF
   * token is wrong, or the interaction was already submitted (double submission: back to where it went).
   */
  async load(req: Request, res: Response, form: boolean, options: { evenIfTimedOut?: boolean } = {}): Promise<Step | undefined> {
    let details: Details;
    try {
      details = await this.ctx.provider.interactionDetails(req, res);
    } catch (e) {
      if ((e as Error).name === 'SessionNotFound') throw new JourneyPageError('expired');
      throw e;
    }
    if (details.uid !== req.params.uid) throw new JourneyPageError('expired');
    const path = `${INTERACTION_PATH}/${details.uid}`;
    const now = this.ctx.clock.now();
    const journeyId = (details.lastSubmission as { journey?: { id?: string } } | undefined)?.journey?.id ?? details.uid;
    let journey = await this.states.get(journeyId);
    if (!journey) {
      journey = await this.states.save({ id: journeyId, clientId: String(details.params.client_id), variant: this.ctx.config.journey, lastActivity: now });
    }
    const csrfToken = await this.csrf.issue(details.uid, now + 3600_000);
    if (form && !(await this.csrf.verify(details.uid, (req.body as Record<string, unknown> | undefined)?.csrfToken))) throw new JourneyPageError('csrf');
    const client = await this.ctx.applications.find(String(details.params.client_id));
    const step: Step = { req, res, details, journey, appName: client?.name ?? String(details.params.client_id), csrfToken, path };

    if (details.result) {
      // Submitted already (double click, or back then resubmit): carry on where the first submission went.
      res.redirect(303, details.returnTo);
      return undefined;
    }
    const timeout = this.ctx.config.journeyLimits.sessionTimeoutSeconds * 1000;
    if (options.evenIfTimedOut) return step;
    if (journey.preset === 'time-out' || now - journey.lastActivity > timeout) {
      if (!journey.outcome) await this.states.log(journey, 'session', 'time-out');
      await this.fail(step, 'time-out');
      return undefined;
    }
    step.journey = (await this.states.update(journey.id, { lastActivity: now })) ?? journey;
    return step;
  }

  render(step: Step, template: string, context: PageContext, status = 200): void {
    this.pages.render(step.res, template, { appName: step.appName, csrfToken: step.csrfToken, action: step.path, ...context }, status);
  }

  /** Ends this prompt and moves the journey on (oidc-provider evaluates the policy again). */
  async finish(step: Step, result: InteractionResults = {}): Promise<void> {
    await this.ctx.provider.interactionFinished(step.req, step.res, { ...result, journey: { id: step.journey.id } }, { mergeWithLastSubmission: true });
  }

  /** Ends the journey with an error redirect to the software (`error=access_denied` + `error_code`). */
  async returnToSoftware(step: Step, outcome: FailureId): Promise<void> {
    const o = findOutcome(outcome);
    await this.states.update(step.journey.id, { outcome });
    await this.states.log(step.journey, o?.step ?? 'grant', `returned:${outcome}`);
    await this.ctx.provider.interactionFinished(step.req, step.res, { error: 'access_denied', error_description: o?.errorDescription ?? 'user denied the authorization' }, { mergeWithLastSubmission: false });
  }

  /**
   * Shows a failure's HMRC-style page: the user stays on it and the software receives nothing until
   * the user chooses to return to it (see outcomes.ts).
   */
  async fail(step: Step, outcome: FailureId, status = 200): Promise<void> {
    const o = findOutcome(outcome);
    await this.states.update(step.journey.id, { outcome });
    const page = FAILURE_PAGES[outcome];
    this.render(step, 'failure.njk', {
      title: page.title,
      paragraphs: page.paragraphs(this.ctx.config.journeyLimits),
      outcome,
      errorCode: o?.errorCode,
      retry: o?.retry ? { href: step.path, text: page.retryText ?? 'Try again' } : undefined,
      restart: outcome === 'time-out' ? restartUrl(step.details.params) : undefined,
    }, status);
  }

  /**
   * Each journey signs in afresh: forget any earlier sign-in in this browser, so the new account's
   * login is not mistaken for a switch of account (oidc-provider would ask to sign the first one out).
   */
  async forgetEarlierSignIn(step: Step): Promise<void> {
    const earlier = step.details.session;
    if (!earlier) return;
    const session = await this.ctx.provider.Session.findByUid(earlier.uid);
    await session?.destroy();
    const interaction = await this.ctx.provider.Interaction.find(step.details.uid);
    if (interaction) {
      delete interaction.session;
      await interaction.save(3600);
    }
  }

  /** The scope names the software asks for, as the grant page shows them. */
  scopeNames(step: Step): string[] {
    return splitScopes(String(step.details.params.scope ?? '')).map((s) => findScope(s)?.name ?? s);
  }

  /** The account signed in to this journey. */
  async account(step: Step): Promise<Account | undefined> {
    const id = step.journey.userId;
    return id ? this.ctx.accounts.find(id) : undefined;
  }

  async log(step: Step, what: JourneyStep | 'auto' | 'preset', choice: string): Promise<void> {
    await this.states.log(step.journey, what, choice);
  }
}

/** The authorize request that started the journey, to start again after a time-out. */
function restartUrl(params: Record<string, unknown>): string {
  const keep = ['response_type', 'client_id', 'scope', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method'];
  const q = new URLSearchParams();
  for (const k of keep) if (typeof params[k] === 'string') q.set(k, params[k]);
  return `/oauth/authorize?${q.toString()}`;
}

type Limits = EmulatorContext['config']['journeyLimits'];
const minutes = (seconds: number): string => (seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} seconds`);

const FAILURE_PAGES: Record<FailureId, { title: string; paragraphs: (l: Limits) => string[]; retryText?: string }> = {
  deny: { title: 'You did not grant authority', paragraphs: () => ['The software cannot interact with HMRC on your behalf.'] },
  'fail-2sv': { title: 'You have entered the wrong access code too many times', paragraphs: (l) => [`For your security, we have locked you out of 2-step verification. You can try again in ${minutes(l.accessCodeLockoutSeconds)}.`] },
  'time-out': { title: 'For your security, we signed you out', paragraphs: (l) => [`You were inactive for ${minutes(l.sessionTimeoutSeconds)}, so we signed you out. We did not save your answers.`] },
  'iv-failed-matching': { title: 'We could not confirm your identity', paragraphs: () => ['The information you gave does not match our records.'] },
  'iv-insufficient-evidence': { title: 'We could not confirm your identity', paragraphs: () => ['You did not give us enough information to confirm your identity.'] },
  'iv-locked-out': { title: 'You have tried to confirm your identity too many times', paragraphs: () => ['For security reasons, you cannot try again for 24 hours.'] },
  'iv-user-aborted': { title: 'You have not confirmed your identity', paragraphs: () => ['You need to confirm your identity before the software can interact with HMRC on your behalf.'] },
  'iv-timed-out': { title: 'Your identity check timed out', paragraphs: () => ['You took too long to answer the questions. We did not save your answers.'] },
  'iv-technical-issue': { title: 'Sorry, there is a problem with the service', paragraphs: () => ['We could not confirm your identity because of a technical problem. Try again later.'] },
  'iv-precondition-failed': { title: 'You cannot confirm your identity online', paragraphs: () => ['We do not have enough information about you to confirm your identity online.'] },
  'sign-in-locked': { title: 'You have tried to sign in too many times', paragraphs: (l) => [`For your security, we have locked your account. You can try again in ${minutes(l.signInLockoutSeconds)}.`] },
  'account-locked': { title: 'Your account is locked', paragraphs: () => ['You cannot sign in with this user ID. Contact HMRC to unlock it.'] },
  'agent-services-account-required': {
    title: 'You cannot use this user ID',
    paragraphs: () => ['Agents must sign in with the Government Gateway user ID for their agent services account.', 'This user ID does not have an agent services account.'],
    retryText: 'Sign in with a different user ID',
  },
};
