import type { ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import express, { type RequestHandler } from 'express';
import type { EmulatorConfig } from '../config/defaults.js';
import { mediaType, type RawRequest } from './raw.js';

/** Form parameters read at most, as body-parser counts them. */
const PARAMETER_LIMIT = 1000;
/**
 * How deep JSON may nest. HMRC's bodies nest a handful of levels; Jackson, behind HMRC's services, refuses
 * documents nested deeper than 1,000 levels. Deeper JSON is refused as invalid before it is parsed, so that
 * nothing stored from it (the journal keeps request bodies) can overflow the stack when it is written out again.
 */
export const JSON_DEPTH_LIMIT = 100;

export interface BodyParsers {
  /** The largest body read, in bytes. */
  limit: number;
  /** `application/x-www-form-urlencoded`, flat (no nested keys), at most 1,000 parameters. */
  form: RequestHandler;
  /** `application/json`, `text/json`, `application/*+json`. */
  json: RequestHandler;
}

/**
 * The one way request bodies are read: forms and JSON, up to `maxBodyBytes`, with body-parser's errors (too
 * large, invalid JSON, unsupported charset, too many parameters) left for emulator/error-handler.ts to answer in
 * the endpoint's own shape. The express app and the front door's hot paths use these same parsers.
 */
export function bodyParsers(config: Pick<EmulatorConfig, 'maxBodyBytes'>): BodyParsers {
  return {
    limit: config.maxBodyBytes,
    form: express.urlencoded({ extended: false, limit: config.maxBodyBytes, parameterLimit: PARAMETER_LIMIT }),
    json: express.json({ limit: config.maxBodyBytes, type: ['application/json', 'text/json', 'application/*+json'], verify: refuseDeepJson }),
  };
}

/**
 * Reads a plain node request's body: resolves with `req.body` set (left undefined for other media types), or
 * rejects with body-parser's error. The same outcome as express running both parsers in turn.
 *
 * A plain UTF-8 form (every token request) is read here directly, with `node:querystring`, at most 1,000
 * parameters and body-parser's size limit and errors, without body-parser's per-request machinery: on the token
 * endpoint that machinery cost more than the rest of the emulator's own work. body-parser's flat parser (qs with
 * no nesting) and `node:querystring` read every well-formed form alike; they differ only in how they keep a
 * malformed %-escape, which fails HMRC's checks either way. Anything else (another charset, a compressed body,
 * JSON) goes through body-parser.
 */
export function readBody(parsers: BodyParsers, req: RawRequest, res: ServerResponse): Promise<void> {
  const header = req.headers['content-type'] ?? '';
  const form = mediaType(header) === 'application/x-www-form-urlencoded';
  const utf8 = header.split(';').slice(1).every((p) => /^\s*charset\s*=\s*"?utf-8"?\s*$/i.test(p));
  if (form && utf8 && !req.headers['content-encoding']) return readPlainForm(req, parsers.limit);
  const chosen = form ? [parsers.form] : [parsers.form, parsers.json];
  return new Promise((resolve, reject) => {
    let i = 0;
    const next = (err?: unknown): void => {
      if (err) return reject(err);
      const parser = chosen[i++];
      if (!parser) return resolve();
      parser(req as express.Request, res as express.Response, next);
    };
    next();
  });
}

async function readPlainForm(req: RawRequest, limit: number): Promise<void> {
  const declared = Number(req.headers['content-length']);
  // As body-parser: a request with neither a length nor a chunked body has no body at all.
  if (req.headers['transfer-encoding'] === undefined && Number.isNaN(declared)) return;
  if (declared > limit) throw bodyError(413, 'request entity too large', 'entity.too.large', req);
  const chunks = await new Promise<Buffer[]>((resolve, reject) => {
    const read: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received <= limit) return void read.push(chunk);
      req.off('data', onData);
      reject(bodyError(413, 'request entity too large', 'entity.too.large', req));
    };
    req.on('data', onData);
    req.once('end', () => resolve(read));
    req.once('error', () => reject(bodyError(400, 'request aborted', 'request.aborted')));
    req.once('aborted', () => reject(bodyError(400, 'request aborted', 'request.aborted')));
  });
  const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
  if (!text) return void (req.body = {});
  let count = 1;
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    if (++count > PARAMETER_LIMIT) throw bodyError(413, 'too many parameters', 'parameters.too.many');
  }
  req.body = parseForm(text, '&', '=', { maxKeys: 0 });
}

/**
 * body-parser's `verify` hook: refuses JSON nested deeper than {@link JSON_DEPTH_LIMIT} with body-parser's own
 * "invalid JSON" error. One pass over the bytes, skipping strings.
 */
function refuseDeepJson(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > JSON_DEPTH_LIMIT) throw bodyError(400, `JSON nested deeper than ${JSON_DEPTH_LIMIT} levels`, 'entity.parse.failed');
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/** An error shaped as body-parser's (`status`, `type`), for emulator/error-handler.ts; the rest of the body is discarded. */
function bodyError(status: number, message: string, type: string, drain?: RawRequest): Error {
  drain?.resume();
  return Object.assign(new Error(message), { status, statusCode: status, type, expose: true });
}
