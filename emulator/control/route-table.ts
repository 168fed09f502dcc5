import type express from 'express';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export type Schema = Record<string, unknown>;

/** One documented response of a control route. */
export interface ControlResponse {
  description: string;
  /** The JSON body's schema; absent for an empty body (204) or an HTML page (`html`). */
  schema?: Schema;
  /** The answer is an HTML page (or `text/javascript` with `script`). */
  html?: boolean;
  script?: boolean;
}

/**
 * One route of the control API, as data: the express router and the OpenAPI document
 * (`GET /_emulator/openapi.json`) are both built from these, so neither can drift from the other.
 */
export interface ControlRoute {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI form, under `/_emulator`: `/agents/{arn}/sa-clients`. */
  path: string;
  /** Groups routes in the document and the README table: `clock`, `journeys`, `agents`, … */
  tag: string;
  summary: string;
  /** Optional query parameters, each a string: name → description. */
  query?: Record<string, string>;
  /** Path parameters: name → description (every `{name}` of the path). */
  params?: Record<string, string>;
  /** The JSON request body; form-encoded bodies are read the same way. */
  body?: Schema;
  responses: Record<number, ControlResponse>;
  /**
   * `without-token`: the guard lets callers without the control token through (the host and origin rules still
   * apply); `unguarded`: the guard lets everything through (`GET /health`, for health checks).
   */
  open?: 'without-token' | 'unguarded';
  handler: (req: express.Request, res: express.Response) => unknown;
}

/** `/agents/{arn}/sa-clients` → `/agents/:arn/sa-clients`. */
function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Adds each route to `router`, in table order (so `/sign-ups/outcomes` stays ahead of `/sign-ups/{id}`). */
export function mountRoutes(router: express.Router, routes: readonly ControlRoute[]): express.Router {
  for (const route of routes) router[route.method](expressPath(route.path), route.handler);
  return router;
}
