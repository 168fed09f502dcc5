import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ControlError, type ControlCode } from './errors/control-error.js';
import { OAuthError } from './errors/oauth-error.js';
import { PageError, type ErrorPage } from './errors/page-error.js';
import { PlatformError, platformErrors } from './errors/platform-error.js';
import { Refusal } from './errors/refusal.js';
import { isStoreDown, STORE_DOWN } from './errors/store-down.js';
import { renderPlatformError } from './gateway/render.js';
import { locals, sendJson, sendText } from './http/raw.js';
import { createPages, type PageContext } from './pages/pages.js';

/**
 * Which part of the emulator a request reached, and so which error family it answers in: the GOV.UK pages (HTML),
 * OAuth `{error, error_description}`, the control API `{error, message}`, or HMRC's gateway `{code, message}`.
 */
export type Surface = 'pages' | 'oauth' | 'control' | 'gateway';

/**
 * Middleware marking the requests it sees as reaching `name`. The composition marks each part where it mounts it
 * (build-emulator.ts; the front door marks its own two), so the error handler is told the family instead of guessing
 * it from the path.
 */
export function surface(name: Surface): RequestHandler {
  return (_req, res, next) => {
    locals(res).surface = name;
    next();
  };
}

/** The surface a response was marked with; unmarked is the gateway's, as everything the app does not mount is HMRC's. */
function surfaceOf(res: ServerResponse): Surface {
  return (locals(res).surface as Surface | undefined) ?? 'gateway';
}

type Format = 'json' | 'xml';

/** How one surface answers: the errors only it knows, and bad input (4xx) or a failure (500) in its shape. */
interface Family {
  /** Answers `err` if it is one of the family's own; false otherwise. */
  own(res: ServerResponse, err: unknown): boolean;
  failure(res: ServerResponse, status: number, message: string, format: Format, bad: boolean): void;
}

const pages = createPages();

/** An HTML page, never cached (as pages/pages.ts renders every page). */
function sendPage(res: ServerResponse, status: number, page: ErrorPage): void {
  // Left-out keys are left out, not undefined: an undefined serviceName would hide the template's "HMRC".
  const context = Object.fromEntries(Object.entries(page).filter(([, v]) => v !== undefined)) as PageContext;
  res.setHeader('Cache-Control', 'no-cache, no-store, must-revalidate');
  sendText(res, status, 'text/html; charset=utf-8', pages.renderToString('message.njk', context));
}

/** GOV.UK's pattern for a page that failed ("Sorry, there is a problem with the service"); nothing of the error is shown. */
const SERVICE_PROBLEM: ErrorPage = { title: 'Sorry, there is a problem with the service', paragraphs: ['Try again later.'], testid: 'service-problem' };

const FAMILIES: Record<Surface, Family> = {
  pages: {
    own(res, err) {
      const page = err instanceof PageError ? err : err instanceof Refusal ? err.toPage() : undefined;
      if (page) sendPage(res, page.status, page.page);
      return page !== undefined;
    },
    failure(res, status, message, _format, bad) {
      if (!bad) return sendPage(res, status, SERVICE_PROBLEM);
      sendPage(res, status, { title: 'Sorry, there is a problem with your request', paragraphs: [`The request could not be read: ${message}.`], testid: 'bad-request' });
    },
  },
  oauth: {
    own: () => false,
    failure: (res, status, message) => sendJson(res, status, { error: status < 500 ? 'invalid_request' : 'server_error', error_description: message }),
  },
  control: {
    own(res, err) {
      const known = err instanceof ControlError || err instanceof Refusal;
      if (known) sendJson(res, err.status, err.body());
      return known;
    },
    failure: (res, status, message) => sendJson(res, status, { error: (status < 500 ? 'bad_request' : 'internal_error') satisfies ControlCode, message }),
  },
  gateway: {
    own: () => false,
    failure(res, status, message, format, bad) {
      if (!bad) return renderPlatformError(res, format, platformErrors.internalServerError());
      if (status === 413) return renderPlatformError(res, format, platformErrors.payloadTooLarge());
      if (status === 415) return renderPlatformError(res, format, platformErrors.invalidBodyType());
      renderPlatformError(res, format, platformErrors.badRequest(message));
    },
  },
};

/**
 * The one place errors become responses, in the family of the surface the request reached. OAuth and platform
 * errors keep their own shape wherever they are thrown, and the shared store out of reach is the gateway's 503 on
 * every surface. Bad input never becomes a 500: body-parser failures (invalid JSON, oversized or badly encoded
 * bodies) are 4xx in the family's shape. Anything else is logged and answered as the family's 500, with nothing of
 * the error in it.
 */
export function sendError(res: ServerResponse, err: unknown, on: Surface, path: string, format: Format = 'json'): void {
  if (res.headersSent) return void res.end();
  if (err instanceof OAuthError) return sendJson(res, err.status, err.body());
  if (err instanceof PlatformError) return renderPlatformError(res, format, err);
  if (isStoreDown(err)) return renderPlatformError(res, format, STORE_DOWN);
  const family = FAMILIES[on];
  if (family.own(res, err)) return;

  const bad = badInput(err);
  if (!bad) console.error(JSON.stringify({ level: 'error', path, error: err instanceof Error ? err.stack : String(err) }));
  family.failure(res, bad?.status ?? 500, bad?.message ?? 'an unexpected error occurred', format, bad !== undefined);
}

/** Express's error middleware, the app's last: the pages, OAuth's other endpoints and the control API end here. */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  sendError(res, err, surfaceOf(res), req.path);
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
