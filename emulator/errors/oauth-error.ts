/**
 * The OAuth 2.0 error family: `{"error": "...", "error_description": "..."}` (RFC 6749 §5.2), with the
 * codes and descriptions HMRC documents for its authorize and token endpoints, quirks included
 * (an invalid code is `invalid_request`, an unknown grant type is `invalid_request`).
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unsupported_response_type'
  | 'access_denied'
  | 'server_error'
  | 'temporarily_unavailable';

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  body(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export const invalidRequest = (description: string): OAuthError => new OAuthError(400, 'invalid_request', description);
export const invalidClient = (): OAuthError => new OAuthError(401, 'invalid_client', 'invalid client id or secret');
export const invalidGrant = (description: string): OAuthError => new OAuthError(400, 'invalid_grant', description);
export const invalidScope = (): OAuthError => new OAuthError(400, 'invalid_scope', 'scope is invalid');
