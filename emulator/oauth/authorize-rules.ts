import type { NextFunction, Request, Response } from 'express';
import { invalidRequest, OAuthError } from '../errors/oauth-error.js';
import type { EmulatorContext } from '../context.js';
import { param } from './params.js';
import { findScope, splitScopes } from './scopes.js';

/**
 * HMRC's checks on `GET /oauth/authorize`, in the order of HMRC's error table (Developer Hub,
 * "User-restricted endpoints"). Every failure is shown to the browser as JSON and never redirected:
 * above all, nothing is ever sent to a redirect URI the application has not registered.
 */
export function authorizeRules(ctx: EmulatorContext) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const q = req.query as Record<string, unknown>;
    const clientId = param(q, 'client_id');
    if (!clientId) throw invalidRequest('client_id is required');
    const app = await ctx.applications.find(clientId);
    if (!app) throw invalidRequest('client_id is invalid');

    const redirectUri = param(q, 'redirect_uri');
    if (!redirectUri) throw invalidRequest('redirect_uri is required');
    if (!app.redirectUris.includes(redirectUri)) throw invalidRequest('redirect_uri is invalid');

    const responseType = param(q, 'response_type');
    if (!responseType) throw invalidRequest('response_type is required');
    if (responseType !== 'code') throw new OAuthError(400, 'unsupported_response_type', "response_type must be 'code'");

    const scope = param(q, 'scope');
    if (!scope || !splitScopes(scope).length) throw invalidRequest('scope is required');
    if (!splitScopes(scope).every((s) => findScope(s))) throw new OAuthError(400, 'invalid_scope', 'scope is invalid');

    if (q.client_secret !== undefined) throw invalidRequest('client_secret should NOT be present');

    const challenge = param(q, 'code_challenge');
    const method = param(q, 'code_challenge_method');
    if (challenge === '') throw invalidRequest('code_challenge if present, cannot be empty');
    if (method !== undefined && method !== 'S256') throw invalidRequest('code_challenge_method, if present, must be S256');
    if (challenge !== undefined && method === undefined) throw invalidRequest('code_challenge_method should be present when code_challenge is present');
    if (method !== undefined && challenge === undefined) throw invalidRequest('code_challenge should be present when code_challenge_method is present');
    param(q, 'state');
    next();
  };
}
