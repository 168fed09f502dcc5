import type { PlatformCode } from './platform-codes.js';

/**
 * HMRC's API platform error family: `{"code": "...", "message": "..."}` with an HTTP status
 * (Developer Hub reference guide, "Errors"). Rendered as JSON, or as XML when the caller asked
 * for `application/vnd.hmrc.X.Y+xml`.
 */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: PlatformCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  body(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'Bearer realm="HMRC API Platform"' };

/** The gateway's errors, worded as HMRC's gateway words them (reference guide; api-platform-manage-api). */
export const platformErrors = {
  acceptHeaderInvalid: () => new PlatformError(406, 'ACCEPT_HEADER_INVALID', 'The accept header is missing or invalid'),
  matchingResourceNotFound: () =>
    new PlatformError(404, 'MATCHING_RESOURCE_NOT_FOUND', 'A resource with the name in the request can not be found in the API'),
  versionNotFound: () => new PlatformError(404, 'NOT_FOUND', 'The requested resource could not be found'),
  missingCredentials: () => new PlatformError(401, 'MISSING_CREDENTIALS', 'Authentication information is not provided', WWW_AUTHENTICATE),
  invalidCredentials: () => new PlatformError(401, 'INVALID_CREDENTIALS', 'Invalid Authentication information provided', WWW_AUTHENTICATE),
  incorrectAccessTokenType: () =>
    new PlatformError(401, 'INCORRECT_ACCESS_TOKEN_TYPE', 'The access token type used is not supported when invoking the API', WWW_AUTHENTICATE),
  resourceForbidden: () =>
    new PlatformError(403, 'RESOURCE_FORBIDDEN', 'The application is not subscribed to the API which it is attempting to invoke'),
  invalidScope: () =>
    new PlatformError(403, 'INVALID_SCOPE', 'Cannot access the required resource. Ensure this token has all the required scopes.'),
  throttled: () =>
    new PlatformError(429, 'MESSAGE_THROTTLED_OUT', 'The request for the API is throttled as you have exceeded your quota.'),
  methodNotAllowed: () => new PlatformError(405, 'METHOD_NOT_ALLOWED', 'The request method is not supported by this resource'),
  internalServerError: () => new PlatformError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'),
  serviceUnavailable: () => new PlatformError(503, 'SERVER_ERROR', 'Service unavailable'),
  gatewayTimeout: () => new PlatformError(504, 'GATEWAY_TIMEOUT', 'The request has timed out'),
  badRequest: (message = 'Bad request') => new PlatformError(400, 'BAD_REQUEST', message),
  payloadTooLarge: () => new PlatformError(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body is larger than the emulator accepts (1 MB by default)'),
  invalidBodyType: () => new PlatformError(415, 'INVALID_BODY_TYPE', 'Expecting text/json or application/json body'),
};
