import type { NextFunction, Request, Response } from 'express';
import type { Account } from '../../accounts/account.js';
import type { EmulatorContext } from '../../context.js';
import type { PageContext, Pages } from '../../pages/pages.js';
import type { VerifiedEmail } from '../email-links.js';
import { firstIncomplete, journeyBase, reachable, type Step } from '../journey-steps.js';
import type { SignUpAnswers, SignUpSession, SignUpSessions } from '../sign-up-sessions.js';
import type { SignUp, SignUpJourney } from '../sign-up.js';

export interface JourneyDeps {
  ctx: EmulatorContext;
  pages: Pages;
  sessions: SignUpSessions;
}

/** The signed-in user of a journey step: session, account and the email address they have verified. */
export interface Signed {
  session: SignUpSession;
  account: Account;
  verified: VerifiedEmail | undefined;
}

export type PageAction = { text: string; href: string; testid: string };

export const SERVICE_NAME: Record<SignUpJourney, string> = {
  agent: 'Sign up your clients for Making Tax Digital for Income Tax',
  individual: 'Sign up for Making Tax Digital for Income Tax',
  business: 'Sign up your business for Making Tax Digital for Income Tax',
};

/** What every step of one journey shares: rendering, the signed-in user, saving answers, moving on. */
export interface StepKit extends JourneyDeps {
  journey: SignUpJourney;
  /** True for the agent journey. */
  agent: boolean;
  /** The journey's base path, e.g. `/report-quarterly/income-and-expenses/sign-up/client`. */
  base: string;
  render(res: Response, template: string, context: PageContext, status?: number): void;
  message(res: Response, status: number, title: string, paragraphs: string[], actions?: PageAction[], testid?: string): void;
  /** "… cannot sign up … yet", with the not-eligible sign-up's reference. */
  notEligible(res: Response, signUp: SignUp): void;
  /** The signed-in user (after `requireSignedIn`). */
  signed(res: Response): Signed;
  /** Redirects (303) to the first question still unanswered. */
  next(res: Response, s: Signed): void;
  save(s: Signed, changes: Partial<SignUpAnswers>): Promise<void>;
  /** Field problems as the layout's error summary and the inputs' error messages. */
  errorsFor(problems: Record<string, string>): { errors: Array<{ text: string; href: string }>; fieldErrors: Record<string, string> };
  /** Middleware: sends the user to the first unanswered question unless `name` is reachable. */
  step(name: Step): (req: Request, res: Response, next: NextFunction) => void;
  /** Middleware: the journey's pages after sign-in need its session; otherwise back to sign-in. */
  requireSignedIn(req: Request, res: Response, next: NextFunction): Promise<void>;
}

/** A form field as a string (at most 300 characters); anything else is empty. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

export function createKit(deps: JourneyDeps, journey: SignUpJourney): StepKit {
  const { ctx, pages, sessions } = deps;
  const base = journeyBase(journey);
  const agent = journey === 'agent';
  const render: StepKit['render'] = (res, template, context, status = 200) => pages.render(res, template, { serviceName: SERVICE_NAME[journey], ...context }, status);
  const message: StepKit['message'] = (res, status, title, paragraphs, actions = [], testid) => render(res, 'message.njk', { title, paragraphs, actions, status, testid }, status);
  const signed: StepKit['signed'] = (res) => res.locals.signUp as Signed;
  const next: StepKit['next'] = (res, s) => res.redirect(303, `${base}/${firstIncomplete(journey, s.session.answers, s.verified)}`);
  return {
    ...deps,
    journey,
    agent,
    base,
    render,
    message,
    signed,
    next,
    notEligible(res, signUp) {
      message(res, 200, `${agent ? 'Your client cannot' : 'You cannot'} sign up for Making Tax Digital for Income Tax yet`, [
        `${agent ? 'Your client is' : 'You are'} not eligible for Making Tax Digital for Income Tax yet. ${agent ? 'They' : 'You'} must keep sending Self Assessment tax returns as usual.`,
        `Reference: ${signUp.id}`,
      ], agent ? [{ text: 'Sign up another client', href: `${base}/client-details`, testid: 'sign-up-another' }] : []);
    },
    async save(s, changes) {
      s.session.answers = { ...s.session.answers, ...changes };
      await sessions.update(s.session);
    },
    errorsFor: (problems) => ({ errors: Object.entries(problems).map(([name, text]) => ({ text, href: `#${name}` })), fieldErrors: problems }),
    step: (name) => (_req, res, nextFn) => {
      const s = signed(res);
      if (!reachable(journey, name, s.session.answers, s.verified)) return next(res, s);
      nextFn();
    },
    async requireSignedIn(req, res, nextFn) {
      const session = await sessions.current(req);
      const account = session?.userId && session.journey === journey ? await ctx.accounts.find(session.userId) : undefined;
      if (!session || !account) return void res.redirect(303, `${base}/sign-in`);
      res.locals.signUp = { session, account, verified: await ctx.signUps.emailLinks.verified(account.userId) } satisfies Signed;
      nextFn();
    },
  };
}
