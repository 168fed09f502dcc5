import type { ServerResponse } from 'node:http';
import type { PlatformError } from '../errors/platform-error.js';
import { sendText } from '../http/raw.js';
import type { ApiResponse } from './api.js';

/** Sends an API response in the format the caller asked for. */
export function renderApiResponse(res: ServerResponse, format: 'json' | 'xml', response: ApiResponse): void {
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  if (response.status === 204 || response.body === undefined) {
    res.statusCode = response.status;
    res.end();
  } else if (format === 'xml' && response.xml !== undefined) {
    sendText(res, response.status, 'application/xml; charset=utf-8', response.xml);
  } else {
    sendText(res, response.status, 'application/json; charset=utf-8', JSON.stringify(response.body));
  }
}

/** Sends a platform error as `{code, message}` JSON, or `<errorResponse>` XML for `+xml` callers. */
export function renderPlatformError(res: ServerResponse, format: 'json' | 'xml', error: PlatformError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-cache');
  if (format === 'xml') {
    sendText(res, error.status, 'application/xml; charset=utf-8', `<errorResponse><code>${escapeXml(error.code)}</code><message>${escapeXml(error.message)}</message></errorResponse>`);
  } else {
    sendText(res, error.status, 'application/json; charset=utf-8', JSON.stringify(error.body()));
  }
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}
