import type { Response } from 'express';
import type { PlatformError } from '../errors/platform-error.js';
import type { ApiResponse } from './api.js';

/** Sends an API response in the format the caller asked for. */
export function renderApiResponse(res: Response, format: 'json' | 'xml', response: ApiResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  if (response.status === 204 || response.body === undefined) {
    res.end();
  } else if (format === 'xml' && response.xml !== undefined) {
    res.type('application/xml; charset=utf-8').send(response.xml);
  } else {
    res.type('application/json; charset=utf-8').send(JSON.stringify(response.body));
  }
}

/** Sends a platform error as `{code, message}` JSON, or `<errorResponse>` XML for `+xml` callers. */
export function renderPlatformError(res: Response, format: 'json' | 'xml', error: PlatformError): void {
  res.status(error.status);
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-cache');
  if (format === 'xml') {
    res
      .type('application/xml; charset=utf-8')
      .send(`<errorResponse><code>${escapeXml(error.code)}</code><message>${escapeXml(error.message)}</message></errorResponse>`);
  } else {
    res.type('application/json; charset=utf-8').send(JSON.stringify(error.body()));
  }
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
