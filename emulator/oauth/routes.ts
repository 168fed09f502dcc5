import express from 'express';
import type { EmulatorContext } from '../context.js';
import { authorizeRules } from './authorize-rules.js';
import { hmrcAuthorizeRedirect } from './authorize-redirect.js';
import { PROVIDER_PATHS } from './provider.js';
import { dropUnusableHost } from './usable-host.js';

/**
 * HMRC's authorize endpoint, `GET /oauth/authorize` (also answered on the API host, as HMRC does):
 * HMRC's own rules first, then oidc-provider. oidc-provider's other paths pass straight to it.
 * `POST /oauth/token` never reaches express: the front door sends it to oauth/token-endpoint.ts.
 */
export function oauthRoutes(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const callback = ctx.provider.callback();
  // oidc-provider finds where it is mounted by comparing the URL the request came with and the one it is given:
  // a tenant's paths on the wire begin with its prefix (tenants/path-prefix.ts), and the query may have lost
  // OpenID parameters (below).
  const toProvider = (req: express.Request, res: express.Response): void => {
    req.originalUrl = ctx.pathPrefix + req.url;
    dropUnusableHost(req);
    void callback(req, res);
  };

  router.get('/oauth/authorize', authorizeRules(ctx), (req, res) => {
    hmrcAuthorizeRedirect(res);
    dropOpenIdParameters(req);
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
 * OpenID Connect's authorization parameters that change the flow, none of them HMRC's. oidc-provider would act on
 * them: `response_mode` sends the code as a fragment or a form post, `prompt=none` and `max_age`, `id_token_hint`,
 * `acr_values`, `request` or `request_uri` redirect to the software with errors HMRC never sends, `prompt=login`
 * and `login_hint` change the sign-in. HMRC documents none of them; they are taken out before oidc-provider sees
 * the request, so the software gets HMRC's journey and a query redirect. Ignoring them is the emulator's choice,
 * recorded in the README.
 */
const OPENID_ONLY = ['response_mode', 'prompt', 'max_age', 'id_token_hint', 'login_hint', 'acr_values', 'claims', 'claims_locales', 'ui_locales', 'display', 'request', 'request_uri', 'registration'];

function dropOpenIdParameters(req: express.Request): void {
  const at = req.url.indexOf('?');
  if (at < 0) return;
  const query = new URLSearchParams(req.url.slice(at + 1));
  if (!OPENID_ONLY.some((name) => query.has(name))) return;
  for (const name of OPENID_ONLY) query.delete(name);
  req.url = `${req.url.slice(0, at)}?${query.toString()}`;
}
