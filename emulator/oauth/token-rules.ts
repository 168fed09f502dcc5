import { createHash } from 'node:crypto';
import { sameSecret } from '../pages/same-secret.js';
import type { EmulatorContext } from '../context.js';
import { invalidClient, invalidGrant, invalidRequest, invalidScope } from '../errors/oauth-error.js';
import { mediaType, type RawRequest } from '../http/raw.js';
import { param } from './params.js';
import { findScope, splitScopes } from './scopes.js';

const GRANT_TYPES = new Set(['authorization_code', 'refresh_token', 'client_credentials']);
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * HMRC's checks on `POST /oauth/token`, in the order of HMRC's error tables, with HMRC's quirks
 * (an unknown grant type is `invalid_request` "unsupported grant_type"; a bad client is 401).
 *
 * Client authentication is `client_id` + `client_secret` in the form body. Software in the wild also
 * sends an `Authorization: Basic` header, alone or with the body credentials; HMRC accepts that, so the
 * emulator does. Any of the application's (up to 5) secrets authenticates it, compared in constant time.
 * Having authenticated the client, it hands oidc-provider the client's internal secret, so that
 * oidc-provider does the exchange itself (codes, PKCE, rotation) with one canonical credential.
 */
export async function checkTokenRequest(ctx: EmulatorContext, req: RawRequest): Promise<void> {
  if (!BODY_TYPES.has(mediaType(req.headers['content-type'])) || typeof req.body !== 'object' || !req.body) {
    throw invalidRequest('the request body must be application/x-www-form-urlencoded');
  }
  const body = req.body as Record<string, unknown>;
  const basic = basicCredentials(req.headers.authorization);

  const clientId = param(body, 'client_id') ?? basic?.id;
  if (!clientId) throw invalidRequest('client_id is required');
  const secret = param(body, 'client_secret') ?? basic?.secret;
  if (!secret) throw invalidRequest('client_secret is required');
  const app = await ctx.applications.authenticate(clientId, secret);
  if (!app) throw invalidClient();

  const grantType = param(body, 'grant_type');
  if (!grantType) throw invalidRequest('grant_type is required');
  if (!GRANT_TYPES.has(grantType)) throw invalidRequest('unsupported grant_type');

  if (grantType === 'authorization_code') {
    const redirectUri = param(body, 'redirect_uri');
    if (!redirectUri) throw invalidRequest('redirect_uri is required');
    if (!app.redirectUris.includes(redirectUri)) throw invalidRequest('redirect_uri is invalid');
    const code = param(body, 'code');
    if (!code) throw invalidRequest('code is required for given grant_type');
    const verifier = param(body, 'code_verifier');
    const stored = await ctx.provider.AuthorizationCode.find(code, { ignoreExpiration: true });
    if (!stored || stored.clientId !== app.clientId) throw invalidRequest('code is invalid');
    if (stored.redirectUri !== redirectUri) throw invalidRequest('redirect_uri is invalid');
    if (verifier !== undefined && !stored.codeChallenge) throw invalidRequest('code_verifier is not expected');
    if (verifier === undefined && stored.codeChallenge) throw invalidRequest('code_verifier is expected when code_challenge was supplied');
    if (verifier !== undefined && !VERIFIER.test(verifier)) {
      throw invalidRequest('code_verifier must contain valid characters of length between 43 and 128');
    }
    if (verifier !== undefined && !sameSecret(createHash('sha256').update(verifier).digest('base64url'), stored.codeChallenge!)) {
      throw invalidGrant('code_verifier is invalid');
    }
  } else if (grantType === 'refresh_token') {
    const refreshToken = param(body, 'refresh_token');
    if (!refreshToken) throw invalidRequest('refresh_token is required');
    // oidc-provider revokes the whole grant when a used refresh token comes back; HMRC documents no such thing.
    if (ctx.config.tokens.refreshTokenReuse === 'reject' && (await ctx.provider.RefreshToken.find(refreshToken, { ignoreExpiration: true }))?.consumed) {
      throw invalidGrant('refresh_token is invalid');
    }
  } else {
    const scope = param(body, 'scope');
    if (scope !== undefined && !splitScopes(scope).every((s) => findScope(s))) throw invalidScope();
  }

  // Hand oidc-provider one canonical credential, in the body only, as a form.
  body.client_id = app.clientId;
  body.client_secret = app.internalSecret;
  delete req.headers.authorization;
  req.headers['content-type'] = 'application/x-www-form-urlencoded';
}

const BODY_TYPES = new Set(['application/x-www-form-urlencoded', 'application/json']);

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s.replace(/\+/g, '%20'));
    } catch {
      return s;
    }
  };
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}
