import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { OAuthError } from './errors/oauth-error.js';
import { PlatformError, platformErrors } from './errors/platform-error.js';
import { isStoreDown, STORE_DOWN } from './errors/store-down.js';
import { renderPlatformError } from './gateway/render.js';
import { sendJson } from './http/raw.js';

/** Which error shape a path answers in: OAuth `{error, error_description}`, control `{error, message}`, or HMRC's platform `{code, message}`. */
type ErrorFamily = 'oauth' | 'control' | 'platform';

function errorFamily(path: string): ErrorFamily {
  return path.startsWith('/oauth/') ? 'oauth' : path.startsWith('/_emulator') ? 'control' : 'platform';
}

/**
 * The one place errors become responses. Each wire family renders its own shape:
 * OAuth endpoints `{error, error_description}`, the control API `{error, message}`, everything else
 * HMRC's platform `{code, message}` (JSON or XML). Bad input never becomes a 500: body-parser
 * failures (invalid JSON, oversized or badly encoded bodies) are 4xx in the family's shape.
 */
export function sendError(res: ServerResponse, err: unknown, path: string, format: 'json' | 'xml' = 'json'): void {
  if (res.headersSent) return void res.end();
  const family = errorFamily(path);
  if (err instanceof OAuthError) return sendJson(res, err.status, err.body());
  if (err instanceof PlatformError) return renderPlatformError(res, format, err);
  // The shared store out of reach is the gateway's 503 on every path, OAuth's and the control API's too.
  if (isStoreDown(err)) return renderPlatformError(res, format, STORE_DOWN);

  const bad = badInput(err);
  if (!bad) console.error(JSON.stringify({ level: 'error', path, error: err instanceof Error ? err.stack : String(err) }));
  const status = bad?.status ?? 500;
  const message = bad?.message ?? 'an unexpected error occurred';
  if (family === 'oauth') {
    return sendJson(res, status, { error: status < 500 ? 'invalid_request' : 'server_error', error_description: message });
  }
  if (family === 'control') return sendJson(res, status, { error: status < 500 ? 'bad_request' : 'internal_error', message });
  if (!bad) return renderPlatformError(res, format, platformErrors.internalServerError());
  if (status === 413) return renderPlatformError(res, format, platformErrors.payloadTooLarge());
  if (status === 415) return renderPlatformError(res, format, platformErrors.invalidBodyType());
  renderPlatformError(res, format, platformErrors.badRequest(message));
}

/** Express's error middleware: the pages and the control API end here (the gateway's errors never do). */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  sendError(res, err, req.path);
}

/** Recognises body-parser's and URI-decoding errors: the client's fault, answered with a 4xx. */
function badInput(err: unknown): { status: number; message: string } | undefined {
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string } | undefined;
  const status = e?.status ?? e?.statusCode;
  if (e?.type === 'entity.too.large') return { status: 413, message: 'the request body is too large' };
  if (e?.type === 'entity.parse.failed') return { status: 400, message: 'the request body is not valid JSON' };
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') return { status: 415, message: e.message ?? 'unsupported encoding' };
  if (e?.type === 'parameters.too.many') return { status: 413, message: 'too many parameters' };
  if (err instanceof URIError) return { status: 400, message: 'the request URI is badly encoded' };
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: e?.message ?? 'bad request' };
  return undefined;
}

/** Anything no route answered: HMRC's gateway answer for an unknown resource. */
export function notFound(_req: Request, res: Response): void {
  renderPlatformError(res, 'json', platformErrors.matchingResourceNotFound());
}
