import type express from 'express';
import type { Response } from 'express';
import type { Account } from '../accounts/account.js';
import { pageExpired } from '../pages/page-expired.js';
import { pageSignIn } from '../pages/page-sign-in.js';
import type { EmulatorContext } from '../context.js';
import type { PageSession, PageSessions } from '../pages/page-sessions.js';
import type { PageContext } from '../pages/pages.js';

export type SignInAction = { text: string; href: string; testid: string };

/** What differs between the sign-up services' sign-in pages: everything else is the one step below. */
export interface SignUpSignIn<D extends object> {
  ctx: EmulatorContext;
  sessions: PageSessions<D>;
  /** The sign-in page's path, where its form posts. */
  action: string;
  /** Whose Government Gateway user ID to sign in with. */
  hint: string;
  /** Names the service in the lock-out key of a shared, seeded account (with the session ID; `lockOutKey`). */
  service: string;
  render(res: Response, template: string, context: PageContext, status?: number): void;
  message(res: Response, status: number, title: string, paragraphs: string[], actions?: SignInAction[], testid?: string): void;
  /** Why this account cannot use the service, if it cannot. */
  refuse(account: Account): string | undefined;
  /** The new session's data once `account` signed in. */
  signedIn(account: Account): D;
  /** Answers the signed-in user in their new session: the first question, or a page saying they need not go on. */
  proceed(res: Response, account: Account, session: PageSession<D>): Promise<void>;
}

/**
 * The sign-in step of every sign-up service (Income Tax, VAT): `GET|POST {action}` on the journey's router, template
 * `sign-up-sign-in.njk`. A Government Gateway user ID and password, under HMRC's rule (`pageSignIn`, the link-software
 * journey's lock-out counter): an empty field → 400 "Enter your user ID" / "Enter your password"; wrong → 401
 * "Invalid user ID or password. Try again."; `journeyLimits.signInAttempts` wrong passwords in a row, or an account
 * HMRC locked → 401 "Your account is locked" (`account-locked`); an account of the wrong type → 403 "You cannot use
 * this service" (`wrong-account-type`). Signing in replaces the session (new ID, new CSRF token). The CSRF check is
 * the service's middleware, before this.
 */
export function signUpSignInRoutes<D extends object>(router: express.Router, page: SignUpSignIn<D>): void {
  const { sessions, action } = page;
  const signIn = pageSignIn(page.ctx);
  const form = (res: Response, session: PageSession<D>, extra: Partial<PageContext> = {}, status = 200): void =>
    page.render(res, 'sign-up-sign-in.njk', { title: 'Sign in', hint: page.hint, action, csrfToken: session.csrfToken, ...extra }, status);
  const locked = (res: Response): void =>
    page.message(res, 401, 'Your account is locked', ['You have entered the wrong password too many times. Try again later.'], [], 'account-locked');

  router.get('/sign-in', async (req, res) => form(res, await sessions.currentOrNew(req, res)));
  router.post('/sign-in', async (req, res) => {
    // The CSRF check has required one; ended since (a double submission that signed in first): the expired page.
    const session = await sessions.current(req);
    if (!session) throw pageExpired(action);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const userId = typeof body.userId === 'string' ? body.userId.trim() : '';
    const result = await signIn(body, `${page.service} ${session.id}`);
    if (!result.ok) {
      switch (result.problem) {
        case 'missing': {
          const fieldErrors = Object.fromEntries(result.missing.map((name) => [name, name === 'userId' ? 'Enter your user ID' : 'Enter your password']));
          return form(res, session, { userId: userId.slice(0, 300), errors: Object.entries(fieldErrors).map(([name, text]) => ({ text, href: `#${name}` })), fieldErrors }, 400);
        }
        case 'invalid':
          return form(res, session, { userId: userId.slice(0, 100), errors: [{ text: 'Invalid user ID or password. Try again.', href: '#userId' }] }, 401);
        case 'locked-out':
        case 'account-locked':
          return locked(res);
      }
    }
    const refusal = page.refuse(result.account);
    if (refusal) return page.message(res, 403, 'You cannot use this service', [refusal], [{ text: 'Sign in with a different user ID', href: action, testid: 'sign-in-again' }], 'wrong-account-type');
    await page.proceed(res, result.account, await sessions.create(res, page.signedIn(result.account), session));
  });
}
