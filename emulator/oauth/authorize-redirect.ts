import type { Response } from 'express';
import { OUT_OF_BAND } from '../config/redirect-uri.js';
import { escapeHtml } from '../pages/html.js';
import { errorCodeFor } from './outcomes.js';

/**
 * Puts oidc-provider's redirect back to the software into HMRC's shape (Developer Hub, "User-restricted
 * endpoints"): a `302`; no `iss` parameter; a denied grant carries
 * `error=access_denied&error_description=user+denied+the+authorization&error_code=USER_DENIED_AUTHORIZATION&state=…`;
 * and an out-of-band redirect URI renders the code in the page title and body instead of redirecting.
 */
export function hmrcAuthorizeRedirect(res: Response): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    const location = res.getHeader('location');
    if (res.headersSent || typeof location !== 'string' || (res.statusCode !== 303 && res.statusCode !== 302) || location.startsWith('/')) {
      return end(...args);
    }
    const rewritten = rewrite(location);
    if (rewritten.outOfBand) {
      const { code, error, auto } = rewritten.outOfBand;
      const body = outOfBandPage(code, error, auto);
      res.removeHeader('location');
      res.statusCode = 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(body));
      return end(body);
    }
    res.statusCode = 302;
    res.setHeader('location', rewritten.location);
    const body = `Redirecting to ${rewritten.location}.`;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    return end(body);
  }) as Response['end'];
}

interface Rewritten {
  location: string;
  outOfBand?: { code?: string | undefined; error?: string | undefined; auto: boolean };
}

function rewrite(location: string): Rewritten {
  const q = location.indexOf('?');
  const base = q < 0 ? location : location.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : location.slice(q + 1));
  params.delete('iss');
  if (OUT_OF_BAND.has(base)) {
    return { location, outOfBand: { code: params.get('code') ?? undefined, error: params.get('error') ?? undefined, auto: base.endsWith(':auto') } };
  }
  const out = new URLSearchParams();
  const error = params.get('error');
  if (error) {
    out.set('error', error);
    out.set('error_description', params.get('error_description') ?? '');
    if (error === 'access_denied') out.set('error_code', params.get('error_code') ?? errorCodeFor(params.get('error_description')) ?? 'USER_DENIED_AUTHORIZATION');
  }
  for (const [k, v] of params) if (!out.has(k) && k !== 'state') out.set(k, v);
  if (params.has('state')) out.set('state', params.get('state')!);
  const query = out.toString();
  return { location: query ? `${base}?${query}` : base };
}

function outOfBandPage(code: string | undefined, error: string | undefined, auto: boolean): string {
  if (!code) {
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>error=${escapeHtml(error ?? 'access_denied')}</title></head><body><main><h1>Authority not granted</h1><p>You can close this window and return to your software.</p></main></body></html>`;
  }
  const message = auto
    ? '<p>You can now close this window and return to your software.</p>'
    : `<p>Copy this code, switch to your software and paste it there:</p><p><code id="authorisation-code" data-testid="authorisation-code">${escapeHtml(code)}</code></p>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>code=${escapeHtml(code)}</title></head><body><main><h1>Success</h1>${message}</main></body></html>`;
}
