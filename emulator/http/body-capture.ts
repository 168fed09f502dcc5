import type { ServerResponse } from 'node:http';

/** The most of a response body captured for the journal (which keeps all of a JSON body, 4,096 characters of any other). */
const MAX_CAPTURE = 64 * 1024;

/** What a response body was, up to {@link MAX_CAPTURE} bytes, for the request journal. */
export class BodyCapture {
  private chunks: Array<string | Buffer> = [];
  private bytes = 0;

  add(chunk: unknown): void {
    if (this.bytes > MAX_CAPTURE || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk))) return;
    this.bytes += chunk.length;
    this.chunks.push(chunk);
  }

  text(): string {
    const { chunks } = this;
    if (chunks.length === 1 && typeof chunks[0] === 'string') return chunks[0];
    return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
  }
}

type Send<R> = (chunk?: unknown, encoding?: unknown, callback?: unknown) => R;

/**
 * Starts keeping what `res` sends, by wrapping its `write` and `end`: whoever answers (the token endpoint's
 * koa app, the gateway, express), every body goes through them.
 */
export function captureBody(res: ServerResponse): BodyCapture {
  const capture = new BodyCapture();
  const methods = res as unknown as { write: Send<boolean>; end: Send<ServerResponse> };
  const { write, end } = methods;
  methods.write = function (this: ServerResponse, chunk, encoding, callback) {
    capture.add(chunk);
    return write.call(this, chunk, encoding, callback);
  };
  methods.end = function (this: ServerResponse, chunk, encoding, callback) {
    capture.add(chunk);
    return end.call(this, chunk, encoding, callback);
  };
  return capture;
}
