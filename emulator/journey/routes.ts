import express, { type NextFunction, type Request, type Response } from 'express';
import type { EmulatorContext } from '../context.js';
import { INTERACTION_PATH } from '../oauth/provider.js';
import { findScope, splitScopes } from '../oauth/scopes.js';
import { escapeHtml } from './html.js';

/**
 * The link-software journey's pages, as oidc-provider interactions: the `login` prompt is "Sign in",
 * the `consent` prompt is "Grant authority". (Placeholder markup until the GOV.UK pages land.)
 */
export function journeyRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { provider } = ctx;

  router.get(`${INTERACTION_PATH}/:uid`, async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const client = await ctx.applications.find(String(details.params.client_id));
    if (details.prompt.name === 'login') return void res.type('html').send(signInPage(details.uid, client?.name ?? ''));
    res.type('html').send(grantPage(details.uid, client?.name ?? '', splitScopes(String(details.params.scope ?? ''))));
  });

  router.post(`${INTERACTION_PATH}/:uid/sign-in`, async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const body = req.body as Record<string, string>;
    const account = await ctx.accounts.signIn(String(body.userId ?? ''), String(body.password ?? ''));
    if (!account) {
      const client = await ctx.applications.find(String(details.params.client_id));
      return void res.status(401).type('html').send(signInPage(details.uid, client?.name ?? '', 'Invalid user ID or password. Try again.'));
    }
    await provider.interactionFinished(req, res, { login: { accountId: account.userId } }, { mergeWithLastSubmission: false });
  });

  router.post(`${INTERACTION_PATH}/:uid/grant`, async (req, res) => {
    const details = await provider.interactionDetails(req, res);
    const accountId = details.session?.accountId;
    const decision = (req.body as Record<string, string>).decision;
    if (decision !== 'grant' || !accountId) {
      return void (await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'user denied the authorization',
      }, { mergeWithLastSubmission: false }));
    }
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? ''));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  router.use((err: Error, _req: Request, res: Response, next: NextFunction) => {
    if (err.name === 'SessionNotFound') return void res.status(400).type('html').send(page('Your session has timed out', '<p>Go back to your software and start again.</p>'));
    next(err);
  });
  return router;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - GOV.UK</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function signInPage(uid: string, appName: string, error?: string): string {
  return page(
    'Sign in',
    `${error ? `<p class="error" data-testid="error-summary">${escapeHtml(error)}</p>` : ''}
<p>Sign in to link <strong>${escapeHtml(appName)}</strong> to HMRC.</p>
<form method="post" action="${INTERACTION_PATH}/${escapeHtml(uid)}/sign-in">
<label for="userId">User ID</label><input id="userId" name="userId" data-testid="user-id">
<label for="password">Password</label><input id="password" name="password" type="password" data-testid="password">
<button type="submit" data-testid="sign-in">Sign in</button></form>`,
  );
}

function grantPage(uid: string, appName: string, scopes: string[]): string {
  return page(
    'Grant authority',
    `<p>${escapeHtml(appName)} will be able to:</p><ul>${scopes.map((s) => `<li>${escapeHtml(findScope(s)?.name ?? s)}</li>`).join('')}</ul>
<p>This authority will last for 18 months. You can remove this authority at any time.</p>
<form method="post" action="${INTERACTION_PATH}/${escapeHtml(uid)}/grant">
<button type="submit" name="decision" value="grant" data-testid="grant-authority">Grant authority</button>
<button type="submit" name="decision" value="deny" data-testid="do-not-grant-authority">Do not grant authority</button></form>`,
  );
}
