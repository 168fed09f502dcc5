import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../clock/clock.js';
import type { Store } from '../store/store.js';

/** One request the emulator saw and what it answered. */
export interface JournalEntry {
  id: number;
  /** Virtual time, ISO-8601. */
  time: string;
  /** The application the request came from, when known. */
  clientId?: string | undefined;
  method: string;
  path: string;
  query: Record<string, unknown>;
  requestHeaders: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
  durationMs: number;
}

const LOG = 'journal';
const MAX_CAPTURE = 64 * 1024;

/** Parameters whose values are secrets: never shown. */
const SECRET = new Set(['client_secret', 'password', 'code_verifier', 'totp', 'accessCode', 'access-code']);
/** Parameters whose values are shown as a fingerprint, so that reuse can still be seen. */
const FINGERPRINTED = new Set(['code', 'refresh_token', 'access_token', 'id_token']);
/** In response bodies `code` is an error code (`{"code":"INVALID_CREDENTIALS"}`), never a secret. */
const FINGERPRINTED_IN_RESPONSES = new Set(['refresh_token', 'access_token', 'id_token']);

/**
 * The request journal: every request and response outside the control API, secrets masked
 * (secrets as `***`, codes and tokens as `sha256:<first 12 hex>` so that reuse stays visible).
 */
export class Journal {
  private next = 1;
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly size: number,
  ) {}

  async entries(filter: { clientId?: string | undefined; since?: number | undefined; path?: string | undefined } = {}): Promise<JournalEntry[]> {
    return (await this.store.read<JournalEntry>(LOG)).filter(
      (e) =>
        (!filter.clientId || e.clientId === filter.clientId) &&
        (filter.since === undefined || e.id > filter.since) &&
        (!filter.path || e.path.startsWith(filter.path)),
    );
  }

  /** Express middleware recording each request once its response has been sent. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.path.startsWith('/_emulator') || req.path.startsWith('/assets/')) return next();
      // Routers rewrite req.path as they descend; record the path as the client sent it.
      const path = req.path;
      const started = performance.now();
      const time = new Date(this.clock.now()).toISOString();
      const chunks: Buffer[] = [];
      let captured = 0;
      const capture = (chunk: unknown): void => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function' || captured > MAX_CAPTURE) return;
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        captured += buf.length;
        chunks.push(buf);
      };
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.write = ((...args: unknown[]) => (capture(args[0]), write(...args))) as Response['write'];
      res.end = ((...args: unknown[]) => (capture(args[0]), end(...args))) as Response['end'];
      res.on('finish', () => {
        const entry: JournalEntry = {
          id: this.next++,
          time,
          clientId: clientIdOf(req, res),
          method: req.method,
          path,
          query: mask(req.query as Record<string, unknown>),
          requestHeaders: maskHeaders(req.headers),
          requestBody: typeof req.body === 'object' && req.body ? mask(req.body as Record<string, unknown>) : undefined,
          status: res.statusCode,
          responseHeaders: maskHeaders(res.getHeaders()),
          responseBody: parseBody(Buffer.concat(chunks).toString('utf8'), String(res.getHeader('content-type') ?? '')),
          durationMs: Math.round((performance.now() - started) * 100) / 100,
        };
        void this.store.append(LOG, entry, this.size);
      });
      next();
    };
  }
}

function clientIdOf(req: Request, res: Response): string | undefined {
  const fromLocals = res.locals.clientId as string | undefined;
  const call = res.locals.gatewayCall as { application?: { clientId: string } } | undefined;
  const body = req.body as Record<string, unknown> | undefined;
  const candidate = fromLocals ?? call?.application?.clientId ?? body?.client_id ?? (req.query as Record<string, unknown>).client_id;
  return typeof candidate === 'string' ? candidate : undefined;
}

export function fingerprint(value: string): string {
  return `sha256:${createHash('sha256').update(value).digest('hex').slice(0, 12)}`;
}

function mask(source: Record<string, unknown>, fingerprinted = FINGERPRINTED): Record<string, unknown> {
  if (Array.isArray(source) || source === null || typeof source !== 'object') return source;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (SECRET.has(key)) out[key] = '***';
    else if (fingerprinted.has(key) && typeof value === 'string') out[key] = fingerprint(value);
    else out[key] = value;
  }
  return out;
}

function maskHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    const lower = name.toLowerCase();
    if (lower === 'authorization') {
      const [scheme, credential] = text.split(/\s+/, 2);
      out[lower] = /^bearer$/i.test(scheme ?? '') && credential ? `Bearer ${fingerprint(credential)}` : `${scheme} ***`;
    } else if (lower === 'cookie' || lower === 'set-cookie') out[lower] = '***';
    else out[lower] = text;
  }
  return out;
}

function parseBody(text: string, contentType: string): unknown {
  if (!text) return undefined;
  if (contentType.includes('json')) {
    try {
      return mask(JSON.parse(text) as Record<string, unknown>, FINGERPRINTED_IN_RESPONSES);
    } catch {
      return text;
    }
  }
  return text.length > 4096 ? `${text.slice(0, 4096)}…` : text;
}
