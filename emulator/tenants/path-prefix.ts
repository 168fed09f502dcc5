import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';

/**
 * A tenant's emulator answers paths as HMRC's (`/oauth/authorize`), and knows nothing of the `/t/{id}` its requests
 * came under: this hands it the request without the prefix, and puts the prefix back into what the browser follows
 * in the response — a path-absolute `Location`, a cookie's `Path`, and the `href`, `src`, `action` and `formaction`
 * of its HTML pages (the emulator's own templates: everything reflected in them is escaped, so no attribute can be
 * forged). Absolute URLs are already right: a tenant's base URL includes its prefix.
 */
export function servePrefixed(listener: RequestListener, prefix: string, rest: string, req: IncomingMessage, res: ServerResponse): void {
  req.url = rest;
  const { writeHead, end } = res;
  // At writeHead, which node calls itself before the first byte: headers are set by many hands (express, koa's
  // cookies through OutgoingMessage's own setHeader), and all of them are in place by then.
  res.writeHead = function (this: ServerResponse, status: number, ...args: unknown[]) {
    for (const name of ['location', 'set-cookie']) {
      const value = this.getHeader(name);
      if (value !== undefined) this.setHeader(name, prefixHeader(prefix, name, value));
    }
    const last = args.at(-1);
    if (last && typeof last === 'object') args[args.length - 1] = prefixHeaders(prefix, last as OutgoingHttpHeaders | OutgoingHttpHeader[]);
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...args);
  } as ServerResponse['writeHead'];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const [chunk] = args;
    if (!this.headersSent && (typeof chunk === 'string' || Buffer.isBuffer(chunk)) && /^text\/html/i.test(String(this.getHeader('content-type') ?? ''))) {
      const html = prefixHtml(prefix, typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      this.setHeader('Content-Length', Buffer.byteLength(html));
      args[0] = html;
      if (typeof args[1] === 'string') args[1] = 'utf8';
    }
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['end'];
  listener(req, res);
}

const onPath = (prefix: string, path: string): string => (path.startsWith('/') && !path.startsWith('//') && !path.startsWith(`${prefix}/`) && path !== prefix ? prefix + path : path);

function prefixHeader(prefix: string, name: string, value: number | string | readonly string[]): number | string | readonly string[] {
  const n = name.toLowerCase();
  if (n === 'location' && typeof value === 'string') return onPath(prefix, value);
  if (n === 'set-cookie') return typeof value === 'string' ? prefixCookie(prefix, value) : Array.isArray(value) ? value.map((c: string) => prefixCookie(prefix, c)) : value;
  return value;
}

function prefixHeaders(prefix: string, headers: OutgoingHttpHeaders | OutgoingHttpHeader[]): OutgoingHttpHeaders | OutgoingHttpHeader[] {
  if (Array.isArray(headers)) {
    // [name, value, name, value, …]
    return headers.map((v, i) => (i % 2 === 1 ? (prefixHeader(prefix, String(headers[i - 1]), v as string) as OutgoingHttpHeader) : v));
  }
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) out[name] = value === undefined ? value : (prefixHeader(prefix, name, value) as OutgoingHttpHeader);
  return out;
}

function prefixCookie(prefix: string, cookie: string): string {
  return cookie.replace(/(;\s*path=)([^;]*)/i, (_m, attr: string, path: string) => attr + onPath(prefix, path));
}

function prefixHtml(prefix: string, html: string): string {
  return html.replace(/(\s(?:href|src|action|formaction)=")(\/[^"]*)"/gi, (_m, attr: string, path: string) => `${attr}${onPath(prefix, path)}"`);
}
