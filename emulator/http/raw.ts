import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Node's own request and response, as the front door (emulator/front-door.ts) and the hot paths behind it
 * (the token endpoint and the gateway) use them, without express's per-request decoration.
 */
export type RawRequest = IncomingMessage & { body?: unknown };

/** Per-response notes shared with express (the same object as express's `res.locals`). */
export type Locals = Record<string, unknown>;

export function locals(res: ServerResponse): Locals {
  const r = res as ServerResponse & { locals?: Locals };
  return (r.locals ??= Object.create(null) as Locals);
}

/** The application a request came from, as the token endpoint or the gateway noted it, else its `client_id`. */
export function clientIdOf(notes: Locals, body: Record<string, unknown> | undefined, query: Record<string, unknown>): string | undefined {
  const fromLocals = notes.clientId as string | undefined;
  const call = notes.gatewayCall as { application?: { clientId: string } } | undefined;
  const candidate = fromLocals ?? call?.application?.clientId ?? body?.client_id ?? query.client_id;
  return typeof candidate === 'string' ? candidate : undefined;
}

/** `/path?a=b` → `{ path: '/path', search: 'a=b' }`, as express's `req.path` and raw query. */
export function splitUrl(url: string | undefined): { path: string; search: string } {
  const u = url ?? '/';
  const q = u.indexOf('?');
  return q < 0 ? { path: u, search: '' } : { path: u.slice(0, q), search: u.slice(q + 1) };
}

/** Sends a complete text body with its status and content type. */
export function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** Sends a JSON body as express's `res.json` does. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/** The media type of a `Content-Type` header, lower case, without its parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';', 1)[0]!.trim().toLowerCase();
}
