import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Store } from '../store/store.js';
import { revokeOtherAccessTokens } from './adapter.js';

/**
 * Puts oidc-provider's token endpoint answers into HMRC's wire format:
 * - success: `token_type` is lowercase `bearer`; a refresh invalidates the grant's previous access token;
 * - errors: HMRC's codes and descriptions (an unusable code is `invalid_request` "code is invalid",
 *   an unusable refresh token `invalid_grant` "refresh_token is invalid").
 * Requests that break HMRC's documented rules never get here: token-rules.ts answers them first.
 */
export async function hmrcTokenResponse(ctx: KoaContextWithOIDC, store: Store): Promise<void> {
  const body = ctx.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return;
  const grantType = (ctx.oidc.params?.grant_type as string | undefined) ?? '';

  if (ctx.status === 200) {
    body.token_type = 'bearer';
    const accessToken = ctx.oidc.entities.AccessToken;
    if (grantType === 'refresh_token' && accessToken?.grantId && accessToken.jti) {
      await revokeOtherAccessTokens(store, accessToken.grantId, accessToken.jti);
    }
    return;
  }

  const error = body.error;
  const [code, description] = mapError(String(error), String(body.error_description ?? ''), grantType);
  ctx.body = { error: code, error_description: description };
  ctx.status = code === 'invalid_client' ? 401 : ctx.status >= 500 ? ctx.status : 400;
  ctx.remove('WWW-Authenticate');
}

function mapError(error: string, description: string, grantType: string): [string, string] {
  switch (error) {
    case 'invalid_grant':
      if (grantType === 'authorization_code') {
        return ['invalid_request', 'code is invalid'];
      }
      return ['invalid_grant', `${grantType === 'refresh_token' ? 'refresh_token' : 'grant'} is invalid`];
    case 'invalid_client':
      return ['invalid_client', 'invalid client id or secret'];
    case 'unsupported_grant_type':
      return ['invalid_request', 'unsupported grant_type'];
    case 'invalid_scope':
      return ['invalid_scope', 'scope is invalid'];
    case 'unauthorized_client':
      return ['invalid_request', 'unsupported grant_type'];
    default:
      return [error, description];
  }
}
