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
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly size: number,
  ) {}

  async entries(filter: { clientId?: string | undefined; since?: number | undefined; path?: string | undefined } = {}): Promise<JournalEntry[]> {
    return (await this.store.read<RawEntry>(LOG))
      .filter(
        (e) =>
          (!filter.clientId || e.clientId === filter.clientId) &&
          (filter.since === undefined || e.id > filter.since) &&
          (!filter.path || e.path.startsWith(filter.path)),
      )
      .map(present);
  }

  /**
   * Express middleware recording each request once its response has been sent. Recording is kept cheap
   * (it runs on every request): secrets are dropped at once, and the masking, fingerprinting and parsing
   * that make an entry readable happen only when the journal is read.
   */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.path.startsWith('/_emulator') || req.path.startsWith('/assets/')) return next();
      // Routers rewrite req.path as they descend; record the path as the client sent it.
      const path = req.path;
      const started = performance.now();
      const time = this.clock.now();
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
      res.on('finish', async () => {
        const entry: RawEntry = {
          // Numbered through the store, so ids stay unique when instances share one store.
          id: await this.store.increment('counters', LOG, 1, Number.MAX_SAFE_INTEGER),
          time,
          clientId: clientIdOf(req, res),
          method: req.method,
          path,
          query: dropSecrets(req.query as Record<string, unknown>),
          requestHeaders: { ...req.headers, authorization: maskAuthorization(req.headers.authorization) },
          requestBody: typeof req.body === 'object' && req.body ? dropSecrets(req.body as Record<string, unknown>) : undefined,
          status: res.statusCode,
          responseHeaders: res.getHeaders(),
          responseText: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
          durationMs: Math.round((performance.now() - started) * 100) / 100,
        };
        void this.store.append(LOG, entry, this.size);
      });
      next();
    };
  }
}

/** What the middleware records; `present` turns it into a {@link JournalEntry}. */
interface RawEntry {
  id: number;
  time: number;
  clientId: string | undefined;
  method: string;
  path: string;
  query: Record<string, unknown>;
  requestHeaders: Record<string, unknown>;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, unknown>;
  responseText: string;
  durationMs: number;
}

function present(raw: RawEntry): JournalEntry {
  return {
    id: raw.id,
    time: new Date(raw.time).toISOString(),
    clientId: raw.clientId,
    method: raw.method,
    path: raw.path,
    query: mask(raw.query),
    requestHeaders: maskHeaders(raw.requestHeaders),
    requestBody: raw.requestBody && typeof raw.requestBody === 'object' ? mask(raw.requestBody as Record<string, unknown>) : raw.requestBody,
    status: raw.status,
    responseHeaders: maskHeaders(raw.responseHeaders),
    responseBody: parseBody(raw.responseText, String(raw.responseHeaders['content-type'] ?? '')),
    durationMs: raw.durationMs,
  };
}

/** Secrets never reach the store, even unmasked-for-now: a shallow copy with them replaced. */
function dropSecrets(source: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(source) || !Object.keys(source).some((k) => SECRET.has(k))) return source;
  const out = { ...source };
  for (const key of Object.keys(out)) if (SECRET.has(key)) out[key] = '***';
  return out;
}

function maskAuthorization(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const [scheme, credential] = header.split(/\s+/, 2);
  return /^bearer$/i.test(scheme ?? '') && credential ? `Bearer ${fingerprint(credential)}` : `${scheme} ***`;
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
    if (lower === 'cookie' || lower === 'set-cookie') out[lower] = '***';
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
