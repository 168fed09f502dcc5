import express from 'express';
import type { EmulatorContext } from '../context.js';
import { authorizeRules } from './authorize-rules.js';
import { hmrcAuthorizeRedirect } from './authorize-redirect.js';
import { PROVIDER_PATHS } from './provider.js';

/**
 * HMRC's authorize endpoint, `GET /oauth/authorize` (also answered on the API host, as HMRC does):
 * HMRC's own rules first, then oidc-provider. oidc-provider's other paths pass straight to it.
 * `POST /oauth/token` never reaches express: the front door sends it to oauth/token-endpoint.ts.
 */
export function oauthRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const callback = ctx.provider.callback();
  const toProvider = (req: express.Request, res: express.Response): void => void callback(req, res);

  router.get('/oauth/authorize', authorizeRules(ctx), (req, res) => {
    hmrcAuthorizeRedirect(res);
    dropResponseMode(req);
    toProvider(req, res);
  });
  router.get('/oauth/authorize/:uid', (req, res) => {
    hmrcAuthorizeRedirect(res);
    toProvider(req, res);
  });
  router.all(PROVIDER_PATHS.filter((p) => !p.startsWith('/oauth/')), toProvider);
  return router;
}

/**
 * HMRC's authorization server is OAuth 2.0's, which always sends the code back in the redirect's query. OpenID
 * Connect's `response_mode` (`fragment`, `form_post`) is not HMRC's: it is taken out before oidc-provider sees the
 * request, so software that asks for one gets a query redirect. (HMRC does not document the parameter: ignoring
 * it is the emulator's choice, recorded in the README.)
 */
function dropResponseMode(req: express.Request): void {
  const at = req.url.indexOf('?');
  if (at < 0) return;
  const query = new URLSearchParams(req.url.slice(at + 1));
  if (!query.has('response_mode')) return;
  query.delete('response_mode');
  req.url = `${req.url.slice(0, at)}?${query.toString()}`;
}
