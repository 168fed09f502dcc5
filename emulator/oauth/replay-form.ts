import type { IncomingHttpHeaders } from 'node:http';
import { stringify } from 'node:querystring';
import { Readable } from 'node:stream';
import { mediaType, type RawRequest } from '../http/raw.js';

/**
 * The request oidc-provider reads a token request's form from. The front door has read the body already, because
 * HMRC's rules (token-rules.ts) and the token faults need it before oidc-provider runs. Given that request,
 * oidc-provider would find its stream drained, fall back to `req.body` and print "already parsed request body
 * detected". It is given instead a request whose stream yields the form again, encoded from what was read (as
 * oidc-provider's own fallback re-encodes it), with the headers that describe those bytes. Anything but a form
 * passes as it is: oidc-provider reads only forms on its token endpoint.
 */
export function replayForm(req: RawRequest): RawRequest {
  if (mediaType(req.headers['content-type']) !== 'application/x-www-form-urlencoded' || typeof req.body !== 'object' || !req.body) return req;
  const bytes = Buffer.from(stringify(req.body as Record<string, string | string[]>));
  const headers: IncomingHttpHeaders = { ...req.headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(bytes.length) };
  delete headers['content-encoding'];
  delete headers['transfer-encoding'];
  const stream = Readable.from([bytes], { objectMode: false });
  return Object.assign(stream, {
    method: req.method,
    url: req.url,
    headers,
    rawHeaders: [],
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
    body: req.body,
  }) as unknown as RawRequest;
}
