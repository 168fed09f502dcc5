import type { NextFunction, Request, Response } from 'express';
import type { Account } from '../../accounts/account.js';
import type { EmulatorContext } from '../../context.js';
import type { PageContext, Pages } from '../../pages/pages.js';
import type { SignUpSession, SignUpSessions } from '../../sign-up/sign-up-sessions.js';
import { VAT_SIGN_UP_PATH } from './paths.js';
import { firstIncomplete, reachable, type VatStep } from './steps.js';
import type { VatAnswers } from './vat-sign-up.js';

export const VAT_SERVICE_NAME = 'Sign up for Making Tax Digital for VAT';

export type VatSession = SignUpSession<VatAnswers>;

/** The signed-in user of a step: session and account. */
export interface VatSigned {
  session: VatSession;
  account: Account;
}

export type PageAction = { text: string; href: string; testid: string; secondary?: boolean };

/** What every VAT sign-up page shares: rendering, the signed-in user, saving answers, moving on. */
export interface VatKit {
  ctx: EmulatorContext;
  pages: Pages;
  sessions: SignUpSessions<VatAnswers>;
  render(res: Response, template: string, context: PageContext, status?: number): void;
  message(res: Response, status: number, title: string, paragraphs: string[], actions?: PageAction[], testid?: string): void;
  signed(res: Response): VatSigned;
  /** Redirects (303) to the first question still unanswered. */
  next(res: Response, s: VatSigned): void;
  save(s: VatSigned, changes: Partial<VatAnswers>): Promise<void>;
  /** Middleware: sends the user to the first unanswered question unless `step` is reachable. */
  step(step: VatStep): (req: Request, res: Response, next: NextFunction) => void;
  /** Middleware: pages after sign-in need a signed-in session; otherwise back to sign-in. */
  requireSignedIn(req: Request, res: Response, next: NextFunction): Promise<void>;
}

/** A form field as a string (at most 300 characters); anything else is empty. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

/** Field problems as the layout's error summary (linking to `anchors[name]`, else `#name`) and the fields' messages. */
export function errorsFor(problems: Record<string, string>, anchors: Record<string, string> = {}): { errors: Array<{ text: string; href: string }>; fieldErrors: Record<string, string> } {
  return { errors: Object.entries(problems).map(([name, text]) => ({ text, href: `#${anchors[name] ?? name}` })), fieldErrors: problems };
}

export function createVatKit(ctx: EmulatorContext, pages: Pages, sessions: SignUpSessions<VatAnswers>): VatKit {
  const render: VatKit['render'] = (res, template, context, status = 200) => pages.render(res, template, { serviceName: VAT_SERVICE_NAME, ...context }, status);
  const signed: VatKit['signed'] = (res) => res.locals.vatSignUp as VatSigned;
  const next: VatKit['next'] = (res, s) => res.redirect(303, `${VAT_SIGN_UP_PATH}/${firstIncomplete(s.session.answers)}`);
  return {
    ctx,
    pages,
    sessions,
    render,
    message: (res, status, title, paragraphs, actions = [], testid) => render(res, 'message.njk', { title, paragraphs, actions, testid }, status),
    signed,
    next,
    async save(s, changes) {
      s.session.answers = { ...s.session.answers, ...changes };
      await sessions.update(s.session);
    },
    step: (name) => (_req, res, nextFn) => {
      const s = signed(res);
      if (!reachable(name, s.session.answers)) return next(res, s);
      nextFn();
    },
    async requireSignedIn(req, res, nextFn) {
      const session = await sessions.current(req);
      const account = session?.userId ? await ctx.accounts.find(session.userId) : undefined;
      if (!session || !account) return void res.redirect(303, `${VAT_SIGN_UP_PATH}/sign-in`);
      res.locals.vatSignUp = { session, account } satisfies VatSigned;
      nextFn();
    },
  };
}
