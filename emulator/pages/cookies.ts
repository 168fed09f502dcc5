import type { Request } from 'express';

/**
 * One cookie of the request's `Cookie` header, as sent (the emulator's own cookie values are base64url, never
 * quoted or encoded). The one cookie reader of every page family and the dashboard: no cookie-parser middleware,
 * so nothing else reads cookies the pages did not set.
 */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
