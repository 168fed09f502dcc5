import type { IncomingHttpHeaders } from 'node:http';
import { stringify } from 'node:querystring';
import type { Socket } from 'node:net';
import { mediaType, type RawRequest } from '../http/raw.js';

/**
 * The request oidc-provider reads a token request's form from. The front door has read the body already, because
 * HMRC's rules (token-rules.ts) and the token faults need it before oidc-provider runs. Given that request,
 * oidc-provider would find its stream drained, fall back to `req.body` and print "already parsed request body
 * detected". It is given instead a request that reads as a readable one holding the form again, encoded from what
 * was read (as oidc-provider's own fallback re-encodes it), with the headers that describe those bytes. Anything
 * but a form passes as it is: oidc-provider reads only forms on its token endpoint.
 */
export function replayForm(req: RawRequest): RawRequest {
  if (mediaType(req.headers['content-type']) !== 'application/x-www-form-urlencoded' || typeof req.body !== 'object' || !req.body) return req;
  return new ReplayedForm(req, Buffer.from(stringify(req.body as Record<string, string | string[]>))) as unknown as RawRequest;
}

/**
 * Not a stream: oidc-provider reads a body with `for await (const chunk of req.iterator(…))` once `req.readable`
 * says there is one (lib/shared/selective_body.js), and a `Readable` made for one chunk and read through its async
 * iterator cost about 23 µs of CPU a token (docs/benchmarks.md, 7 December 2026). This answers that read with the
 * one chunk; the rest is what koa and oidc-provider read of a request. test/http/oauth-token-body.test.ts fails if
 * oidc-provider stops reading bodies this way.
 */
class ReplayedForm {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly rawHeaders: string[] = [];
  readonly httpVersion: string;
  readonly httpVersionMajor: number;
  readonly httpVersionMinor: number;
  readonly socket: Socket;
  readonly connection: Socket;
  readonly body: unknown;
  readonly readableEncoding = null;
  #consumed = false;

  constructor(req: RawRequest, private readonly bytes: Buffer) {
    this.method = req.method;
    this.url = req.url;
    const headers: IncomingHttpHeaders = { ...req.headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(bytes.length) };
    delete headers['content-encoding'];
    delete headers['transfer-encoding'];
    this.headers = headers;
    this.httpVersion = req.httpVersion;
    this.httpVersionMajor = req.httpVersionMajor;
    this.httpVersionMinor = req.httpVersionMinor;
    this.socket = req.socket;
    this.connection = req.socket;
    this.body = req.body;
  }

  /** True until the form has been read. */
  get readable(): boolean {
    return !this.#consumed;
  }

  /** The form's bytes, once, as the drained stream gave them. */
  iterator(): Iterable<Buffer> {
    const chunks = this.#consumed ? [] : [this.bytes];
    this.#consumed = true;
    return chunks;
  }
}
