import express from 'express';
import type { EmulatorContext } from '../context.js';
import { OAuthError } from '../errors/oauth-error.js';
import { authorizeRules } from './authorize-rules.js';
import { hmrcAuthorizeRedirect } from './authorize-redirect.js';
import { PROVIDER_PATHS } from './provider.js';
import { tokenRules } from './token-rules.js';

/**
 * HMRC's OAuth endpoints: HMRC's own rules first, then oidc-provider.
 * `GET /oauth/authorize` (also answered on the API host, as HMRC does) and `POST /oauth/token`.
 */
export function oauthRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const callback = ctx.provider.callback();
  const toProvider = (req: express.Request, res: express.Response): void => void callback(req, res);

  router.get('/oauth/authorize', authorizeRules(ctx), (req, res) => {
    hmrcAuthorizeRedirect(res);
    toProvider(req, res);
  });
  router.get('/oauth/authorize/:uid', (req, res) => {
    hmrcAuthorizeRedirect(res);
    toProvider(req, res);
  });
  router.post('/oauth/token', async (req, res, next) => {
    const fault = await ctx.faults.take('token', { clientId: (req.body as Record<string, unknown> | undefined)?.client_id as string | undefined, path: req.path, grantType: (req.body as Record<string, unknown> | undefined)?.grant_type as string | undefined });
    switch (fault?.id) {
      case 'token-server-error':
        throw new OAuthError(500, 'server_error', 'an unexpected error occurred');
      case 'token-unavailable':
        throw new OAuthError(503, 'temporarily_unavailable', 'the service is temporarily unavailable');
      case 'token-slow':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 5000));
        break;
      case 'refresh-invalid-grant': {
        const token = await ctx.provider.RefreshToken.find(String((req.body as Record<string, unknown>).refresh_token ?? ''));
        if (token?.grantId) await ctx.provider.Grant.adapter.revokeByGrantId(token.grantId);
        throw new OAuthError(400, 'invalid_grant', 'refresh_token is invalid');
      }
    }
    next();
  }, tokenRules(ctx), toProvider);
  router.all(PROVIDER_PATHS.filter((p) => !p.startsWith('/oauth/')), toProvider);
  return router;
}
