import express, { type Request, type Response } from 'express';
import { signedInSessions, type UserSession } from '../pages/page-sessions.js';
import type { EmulatorContext } from '../context.js';
import { lockOutMinutes, pageSignIn } from '../pages/page-sign-in.js';
import { UserGrants } from '../oauth/user-grants.js';
import { createPages, templateDir, type PageContext } from '../pages/pages.js';
import type { PageError } from '../errors/page-error.js';
import { pageExpired } from '../pages/page-expired.js';

/** HMRC's address for it: https://www.tax.service.gov.uk/applications-manage-authority. */
export const MANAGE_AUTHORITY_PATH = '/applications-manage-authority';
const SERVICE_NAME = 'Manage your authorised software';
const APPLICATIONS = `${MANAGE_AUTHORITY_PATH}/applications`;
const REMOVED = `${MANAGE_AUTHORITY_PATH}/application/authority-removed`;
const removePath = (clientId: string): string => `${MANAGE_AUTHORITY_PATH}/application/${encodeURIComponent(clientId)}/remove-authority`;

/**
 * "Manage your authorised software" (HMRC's api-revocation-frontend): the user signs in with a Government Gateway
 * user ID and password (the shared sign-in step, pages/page-sign-in.ts: the link journey's rules and lock-out), sees the software they
 * granted authority to — name, date first granted, what it may do — and removes one: a confirmation page
 * ("Remove authority"), then "Authority removed". Removing is real revocation (oauth/user-grants.ts): the
 * software's refresh token then answers `invalid_grant` and its access token `INVALID_CREDENTIALS`.
 *
 * Pages: `GET /applications-manage-authority` (→ applications), `GET …/applications` (sign-in page when signed out),
 * `POST …/sign-in`, `GET|POST …/application/{clientId}/remove-authority`, `GET …/application/authority-removed`,
 * `POST …/sign-out`. Sessions: an HttpOnly cookie on the pages' path, 15 minutes idle on the virtual clock; every
 * form carries the session's CSRF token. The `data-testid` hooks are listed in docs/journey.md.
 */
export function manageAuthorityRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const pages = createPages([templateDir(import.meta.url)]);
  const sessions = signedInSessions(ctx, { ns: 'manage-authority-sessions', cookie: 'applications-manage-authority', path: MANAGE_AUTHORITY_PATH });
  const grants = new UserGrants(ctx.store, ctx.applications);
  const signIn = pageSignIn(ctx);

  const render = (res: Response, template: string, context: PageContext, status = 200): void => pages.render(res, template, { serviceName: SERVICE_NAME, ...context }, status);
  const message = (res: Response, title: string, paragraphs: string[], testid: string, status = 200, actions: unknown[] = []): void =>
    render(res, 'message.njk', { title, paragraphs, testid, actions }, status);
  const signInPage = (res: Response, session: UserSession, userId = '', error?: string, status = 200): void =>
    render(res, 'manage-sign-in.njk', { title: 'Sign in', action: `${MANAGE_AUTHORITY_PATH}/sign-in`, csrfToken: session.csrfToken, userId, error, errors: error ? [{ text: error, href: '#userId' }] : undefined }, status);
  const expired = (): PageError => pageExpired(APPLICATIONS, SERVICE_NAME);

  /** The signed-in session, or undefined after redirecting to the sign-in page. */
  const signedIn = async (req: Request, res: Response): Promise<(UserSession & { userId: string }) | undefined> => {
    const session = await sessions.current(req);
    if (session?.userId && (await ctx.accounts.find(session.userId))) return session as UserSession & { userId: string };
    res.redirect(303, APPLICATIONS);
    return undefined;
  };
  /** A form's session: signed in, with the session's CSRF token; otherwise the "expired" page (thrown). */
  const formSession = async (req: Request): Promise<UserSession & { userId: string }> => {
    const session = await sessions.current(req);
    if (!session?.userId || !sessions.csrfValid(session, (req.body as Record<string, unknown> | undefined)?.csrfToken)) throw expired();
    return session as UserSession & { userId: string };
  };
  const clientIdOf = (req: Request): string => (typeof req.params.clientId === 'string' ? req.params.clientId : '');
  const notGranted = (res: Response): void =>
    message(res, 'You have not authorised this software', ['It may have been removed already.'], 'not-authorised', 404, [{ text: 'Your authorised software', href: APPLICATIONS, testid: 'applications-link' }]);

  router.get(MANAGE_AUTHORITY_PATH, (_req, res) => res.redirect(303, APPLICATIONS));

  router.get(APPLICATIONS, async (req, res) => {
    const session = await sessions.currentOrNew(req, res);
    const account = session.userId ? await ctx.accounts.find(session.userId) : undefined;
    if (!account) return signInPage(res, session);
    const list = await grants.list(account.userId);
    render(res, 'applications.njk', {
      title: 'Authorised software applications',
      csrfToken: session.csrfToken,
      signOut: `${MANAGE_AUTHORITY_PATH}/sign-out`,
      applications: list.map((g) => ({ clientId: g.clientId, name: g.applicationName, grantedOn: longDate(g.grantedAt), scopes: g.scopes, remove: removePath(g.clientId) })),
    });
  });

  router.post(`${MANAGE_AUTHORITY_PATH}/sign-in`, async (req, res) => {
    const session = await sessions.current(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!session || !sessions.csrfValid(session, body.csrfToken)) throw expired();
    const result = await signIn(body, `manage-authority session ${session.id}`);
    const userId = typeof body.userId === 'string' ? body.userId.trim().slice(0, 100) : '';
    if (result.ok) {
      await sessions.create(res, { userId: result.account.userId }, session);
      return res.redirect(303, APPLICATIONS);
    }
    switch (result.problem) {
      case 'missing':
      case 'invalid':
        return signInPage(res, session, userId, 'Invalid user ID or password. Try again.', 401);
      case 'locked-out':
        return message(res, 'You have tried to sign in too many times', [`For your security, we have locked your account. You can try again in ${lockOutMinutes(ctx)}.`], 'sign-in-locked', 401);
      case 'account-locked':
        return message(res, 'Your account is locked', ['You cannot sign in with this user ID. Contact HMRC to unlock it.'], 'account-locked', 403);
    }
  });

  router.get(`${MANAGE_AUTHORITY_PATH}/application/:clientId/remove-authority`, async (req, res) => {
    const session = await signedIn(req, res);
    if (!session) return;
    const grant = await grants.find(session.userId, clientIdOf(req));
    if (!grant) return notGranted(res);
    render(res, 'remove-authority.njk', { title: 'Remove authority', name: grant.applicationName, action: removePath(grant.clientId), cancel: APPLICATIONS, csrfToken: session.csrfToken });
  });

  router.post(`${MANAGE_AUTHORITY_PATH}/application/:clientId/remove-authority`, async (req, res) => {
    const session = await formSession(req);
    if (!(await grants.revoke(session.userId, clientIdOf(req)))) return notGranted(res);
    res.redirect(303, REMOVED);
  });

  router.get(REMOVED, async (req, res) => {
    if (!(await signedIn(req, res))) return;
    render(res, 'authority-removed.njk', { title: 'Authority removed', applications: APPLICATIONS });
  });

  router.post(`${MANAGE_AUTHORITY_PATH}/sign-out`, async (req, res) => {
    const session = await formSession(req);
    await sessions.create(res, {}, session);
    message(res, 'You have signed out', ['Sign in again to manage your authorised software.'], 'signed-out', 200, [{ text: 'Sign in', href: APPLICATIONS, testid: 'sign-in-again' }]);
  });

  return router;
}

/** 15 January 2026. */
function longDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
