import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type express from 'express';
import type { ControlRoute } from '../route-table.js';
import * as s from '../schemas.js';
import { readCookie } from '../../pages/cookies.js';
import { createPages, templateDir } from '../../pages/pages.js';
import { sameSecret } from '../../pages/same-secret.js';
import { SESSION_COOKIE, setCookie, SIGN_IN_COOKIE, type DashboardSessions } from './session.js';

const SCRIPT = readFileSync(join(templateDir(import.meta.url, 'static'), 'dashboard.js'), 'utf8');

/**
 * The QA dashboard (docs/dashboard.md): one GOV.UK page at `/_emulator/` whose script reads and drives the emulator
 * through the control API's own endpoints, nothing else. With a control token set, a browser signs in once with the
 * token (`POST /_emulator/session`) and gets an HttpOnly, SameSite=Strict session cookie.
 */
export function dashboardRoutes(sessions: DashboardSessions | undefined): ControlRoute[] {
  const pages = createPages([templateDir(import.meta.url)]);
  const signInPage = (req: express.Request, res: express.Response, status: number, error?: string): void => {
    const csrfToken = randomBytes(18).toString('base64url');
    setCookie(req, res, SIGN_IN_COOKIE, csrfToken);
    pages.render(res, 'dashboard-sign-in.njk', { title: 'Sign in to the dashboard', serviceName: 'HMRC local sandbox', base: req.baseUrl, csrfToken, errors: error ? [{ text: error, href: '#token' }] : undefined }, status);
  };
  return [
    {
      method: 'get',
      path: '/',
      tag: 'dashboard',
      summary: 'The QA dashboard (HTML); with a control token set and no session, its sign-in page (401)',
      open: 'without-token',
      responses: { 200: s.htmlPage('The dashboard'), 401: s.htmlPage('The sign-in page: the control token, once') },
      handler: (req, res) => {
        if (!res.locals.controlAuthenticated) return signInPage(req, res, 401);
        const session = res.locals.dashboardSession as string | undefined;
        pages.render(res, 'dashboard.njk', { title: 'Dashboard', serviceName: 'HMRC local sandbox', base: req.baseUrl, csrfToken: session && sessions ? sessions.csrf(session) : '', signedIn: session !== undefined });
      },
    },
    {
      method: 'get',
      path: '/dashboard.js',
      tag: 'dashboard',
      summary: "The dashboard's script (it calls only the endpoints listed here)",
      open: 'without-token',
      responses: { 200: { description: 'JavaScript', script: true } },
      handler: (_req, res) => void res.type('text/javascript').set('Cache-Control', 'no-cache').send(SCRIPT),
    },
    {
      method: 'post',
      path: '/session',
      tag: 'dashboard',
      summary: 'Signs a browser in to the dashboard with the control token (form: `token`, `csrfToken`); sets the session cookie and redirects to the dashboard',
      open: 'without-token',
      body: s.object({ token: s.str, csrfToken: s.str }),
      responses: { 303: { description: 'Signed in (or no token is needed): to the dashboard' }, 401: s.htmlPage('Not the control token: the sign-in page again'), 403: s.htmlPage('The form was not the one the dashboard served (CSRF): the sign-in page again') },
      handler: (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        if (!sessions) return void res.redirect(303, `${req.baseUrl}/`);
        const expected = readCookie(req, SIGN_IN_COOKIE);
        if (!expected || typeof body.csrfToken !== 'string' || !sameSecret(body.csrfToken, expected)) return signInPage(req, res, 403, 'The sign-in form had expired: enter the control token again');
        if (!sessions.tokenMatches(body.token)) return signInPage(req, res, 401, 'Enter the control token the emulator printed at start, or HMRC_SANDBOX_CONTROL_TOKEN');
        setCookie(req, res, SIGN_IN_COOKIE, undefined);
        setCookie(req, res, SESSION_COOKIE, sessions.issue());
        res.redirect(303, `${req.baseUrl}/`);
      },
    },
    {
      method: 'post',
      path: '/sign-out',
      tag: 'dashboard',
      summary: "Ends the browser's dashboard session (form: `csrfToken`)",
      responses: { 303: { description: 'Signed out: to the sign-in page' } },
      handler: (req, res) => {
        setCookie(req, res, SESSION_COOKIE, undefined);
        res.redirect(303, `${req.baseUrl}/`);
      },
    },
  ];
}
