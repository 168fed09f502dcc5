import express, { type Request, type Response } from 'express';
import type { EmulatorContext } from '../context.js';
import type { Pages } from '../pages/pages.js';
import { COPY_ACROSS_PATH } from './copy-across-pages.js';
import { AgentServicesAccountError, createAgentServicesAccount, startProblem } from './create-agent-services-account.js';
import { lockOutMinutes, pageSignIn } from '../pages/page-sign-in.js';
import type { PageSessions, SignedInUser } from '../pages/page-sessions.js';
import { BUSINESS_TYPE_LABELS, type FieldError } from './subscription-answers.js';
import { subscriptionQuestionRoutes, type Signed } from './subscription-questions.js';
import { backLinkOf, firstUnanswered, reachable, stepPath, SubscriptionAnswerStore, SUBSCRIPTION_PATH, type StepName, type SubscriptionAnswers } from './subscription-steps.js';
import type { PageError } from '../errors/page-error.js';
import { pageExpired } from '../pages/page-expired.js';

/**
 * "Create an agent services account" (HMRC's agent-subscription-frontend), under `/agent-subscription`: an agent signs
 * in with a user ID that has no agent services account, says what type of business it is, gives the business's UTR
 * and postcode (checked against HMRC's records; a business that already has an account is told so), confirms the
 * business name and address, gives an email address, checks its answers and confirms. The confirmation page shows the
 * agent reference number and the new user ID and password that hold the `HMRC-AS-AGENT` enrolment, and links to
 * copying existing Self Assessment clients across. The control API's `POST /_emulator/agents/{userId}/agent-services-account`
 * does the same in one call. Here: sign-in (with the journey's lock-out), the order of the pages, the outcome pages,
 * check answers and the confirmation; the question pages are in subscription-questions.ts.
 */
export const SUBSCRIPTION_SERVICE_NAME = 'Create an agent services account';

export function subscriptionPageRoutes(ctx: EmulatorContext, pages: Pages, sessions: PageSessions<SignedInUser>): express.Router {
  const router = express.Router();
  const answers = new SubscriptionAnswerStore(ctx.store, ctx.clock);
  const signIn = pageSignIn(ctx);
  const body = (req: Request): Record<string, unknown> => (req.body ?? {}) as Record<string, unknown>;

  const render = (res: Response, template: string, context: Record<string, unknown> & { title: string }, status = 200): void =>
    pages.render(res, template, { serviceName: SUBSCRIPTION_SERVICE_NAME, ...context }, status);
  const message = (res: Response, title: string, paragraphs: string[], status = 200, actions: Array<Record<string, unknown>> = [], testid?: string): void =>
    render(res, 'message.njk', { title, paragraphs, actions, testid }, status);
  const withErrors = (errors: FieldError[]) => ({
    errors: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
  });

  const signInPage = (res: Response, csrfToken: string, extra: Record<string, unknown> = {}, status = 200): void =>
    render(res, 'agents-sign-in.njk', { title: 'Sign in', hint: 'Sign in with your Government Gateway agent user ID and password.', action: stepPath('sign-in'), csrfToken, ...extra }, status);
  const expired = (): PageError => pageExpired(stepPath('start'), SUBSCRIPTION_SERVICE_NAME);
  const signOut = { text: 'Sign in with a different user ID', href: stepPath('sign-out'), testid: 'sign-out', secondary: true };
  const copyAcross = { text: 'Copy existing clients across', href: `${COPY_ACROSS_PATH}/start`, testid: 'copy-across' };

  /** The page for an agent that cannot create an account, or for a business that already has one. */
  const problemPage = (res: Response, e: AgentServicesAccountError): void => {
    if (e.code === 'NOT_AN_AGENT') {
      return message(res, 'You have not signed in with an agent user ID', ['To continue, sign in with an agent user ID.', 'If you do not have one, create a new Government Gateway user ID, selecting the ‘Agent’ option.'], 403, [signOut], 'not-agent');
    }
    if (e.code === 'ALREADY_HAS_ACCOUNT') {
      return message(res, 'You already have an agent services account', [`This user ID already has an agent services account: agent reference number ${e.arn ?? ''}.`, 'Use it to link your software to HMRC and to manage your clients.'], 200, [copyAcross, signOut], 'already-subscribed');
    }
    if (e.code === 'ALREADY_CREATED') {
      const paragraphs = e.existing
        ? [`Agent reference number: ${e.existing.arn}.`, `Sign in with the user ID of your agent services account, ${e.existing.userId}, to link your software to HMRC and to manage your clients.`]
        : ['Sign in with the user ID of your agent services account to link your software to HMRC and to manage your clients.'];
      return message(res, 'You have already created an agent services account', paragraphs, 200, [copyAcross, signOut], 'already-created');
    }
    if (e.code === 'BUSINESS_ALREADY_SUBSCRIBED') {
      return message(res, 'Your business already has an agent services account', ['Contact your administrator to get access to your business’s agent services account.'], 200, [signOut], 'business-already-subscribed');
    }
    message(res, 'We could not find your business', ['We could not find a business in our records using the details you gave us.', 'Check the details and try again.'], 200, [{ text: 'Try again', href: stepPath('unique-taxpayer-reference'), testid: 'try-again' }], 'no-match');
  };

  /** The signed-in agent and its answers, when it may see `step`; otherwise the response is sent (redirect or problem page). */
  const load = async (req: Request, res: Response, step: StepName | 'complete'): Promise<Signed | undefined> => {
    const session = await sessions.current(req);
    const agent = session?.userId ? await ctx.accounts.find(session.userId) : undefined;
    if (!session || !agent) return void res.redirect(303, stepPath('start'));
    const a = await answers.update(session.id, {}); // read, and kept as long as the session
    if (step === 'complete') return a.created ? { session, agent, answers: a } : void res.redirect(303, stepPath('start'));
    if (a.created) return void res.redirect(303, stepPath('complete'));
    const problem = await startProblem(ctx, agent);
    if (problem) return void problemPage(res, problem);
    if (!reachable(step, a)) return void res.redirect(303, stepPath(firstUnanswered(a)));
    return { session, agent, answers: a };
  };
  /** As `load`, for a form: a missing or wrong CSRF token gets the expired page. */
  const loadForm = async (req: Request, res: Response, step: StepName): Promise<Signed | undefined> => {
    const session = await sessions.current(req);
    if (!sessions.csrfValid(session, body(req).csrfToken)) throw expired();
    return load(req, res, step);
  };
  /** After an answer: the next unanswered page, or back to check answers when all are answered (a "Change" link). */
  const next = (res: Response, a: SubscriptionAnswers): void => void res.redirect(303, stepPath(firstUnanswered(a)));

  router.get([SUBSCRIPTION_PATH, stepPath('start')], async (req, res) => {
    const session = await sessions.currentOrNew(req, res);
    const agent = session.userId ? await ctx.accounts.find(session.userId) : undefined;
    // Signed in as a user that no longer exists (the emulator was reset): a new session, signed out.
    if (!agent) return signInPage(res, (session.userId ? await sessions.create(res, {}, session) : session).csrfToken);
    const signed = await load(req, res, 'business-type');
    if (signed) res.redirect(303, stepPath(firstUnanswered(signed.answers)));
  });

  router.post(stepPath('sign-in'), async (req, res) => {
    const session = await sessions.current(req);
    if (!sessions.csrfValid(session, body(req).csrfToken)) throw expired();
    const userId = typeof body(req).userId === 'string' ? String(body(req).userId).trim().slice(0, 100) : '';
    const result = await signIn(body(req), session!.id);
    if (result.ok) {
      await sessions.create(res, { userId: result.account.userId }, session);
      return void res.redirect(303, stepPath('start'));
    }
    if (result.problem === 'locked-out') {
      return message(res, 'You have tried to sign in too many times', [`For your security, we have locked your account. You can try again in ${lockOutMinutes(ctx)}.`], 401, [], 'sign-in-locked');
    }
    if (result.problem === 'account-locked') return message(res, 'Your account is locked', ['You cannot sign in with this user ID. Contact HMRC to unlock it.'], 403, [], 'account-locked');
    const errors: FieldError[] =
      result.problem === 'missing'
        ? result.missing.map((f) => ({ field: f, text: f === 'userId' ? 'Enter your user ID' : 'Enter your password' }))
        : [{ field: 'userId', text: 'Invalid user ID or password. Try again.' }];
    signInPage(res, session!.csrfToken, { userId, ...withErrors(errors) }, 401);
  });

  router.get(stepPath('sign-out'), async (req, res) => {
    const session = await sessions.current(req);
    await sessions.create(res, {}, session);
    res.redirect(303, stepPath('start'));
  });

  subscriptionQuestionRoutes(router, { ctx, answers, body, render, withErrors, load, loadForm, next, problemPage });

  router.get(stepPath('check-answers'), async (req, res) => {
    const s = await load(req, res, 'check-answers');
    if (!s) return;
    const a = s.answers;
    render(res, 'agents-subscription-check-answers.njk', {
      title: 'Check your answers before creating your account',
      rows: [
        { key: 'Business type', value: BUSINESS_TYPE_LABELS[a.businessType!], href: stepPath('business-type'), testid: 'business-type' },
        { key: 'Unique Taxpayer Reference (UTR)', value: a.utr, href: stepPath('unique-taxpayer-reference'), testid: 'utr' },
        { key: 'Postcode', value: a.postcode, href: stepPath('postcode'), testid: 'postcode' },
        { key: 'Business name', value: a.businessName, href: stepPath('business-details'), testid: 'business-name' },
        { key: 'Business address', value: [a.addressLine1, a.addressLine2, a.registration!.address.postcode].filter(Boolean).join(', '), href: stepPath('business-details'), testid: 'business-address' },
        { key: 'Business email address', value: a.email, href: stepPath('contact-email-address'), testid: 'email' },
      ],
      action: stepPath('check-answers'),
      csrfToken: s.session.csrfToken,
      backLink: backLinkOf('check-answers'),
    });
  });
  router.post(stepPath('check-answers'), async (req, res) => {
    const s = await loadForm(req, res, 'check-answers');
    if (!s) return;
    const a = s.answers;
    try {
      const { account, password, record } = await createAgentServicesAccount(ctx, s.agent, {
        businessType: a.businessType!,
        utr: a.utr,
        postcode: a.postcode,
        businessName: a.businessName,
        address: { line1: a.addressLine1!, line2: a.addressLine2 ?? '', postcode: a.registration!.address.postcode },
        email: a.email,
      });
      await answers.update(s.session.id, { created: { arn: record.arn, userId: account.userId, password, email: record.email } });
      res.redirect(303, stepPath('complete'));
    } catch (e) {
      if (e instanceof AgentServicesAccountError) return problemPage(res, e);
      throw e;
    }
  });

  router.get(stepPath('complete'), async (req, res) => {
    const s = await load(req, res, 'complete');
    if (!s) return;
    const created = s.answers.created!;
    render(res, 'agents-subscription-complete.njk', {
      title: 'You’ve created an agent services account',
      arn: created.arn,
      userId: created.userId,
      password: created.password,
      email: created.email,
      copyAcrossHref: `${COPY_ACROSS_PATH}/start`,
    });
  });

  return router;
}

