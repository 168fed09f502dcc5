import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Clock } from '../clock/clock.js';
import { captureBody } from '../http/body-capture.js';
import { clientIdOf, locals, type RawRequest } from '../http/raw.js';
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
        ([id, e]) =>
          (!filter.clientId || e.clientId === filter.clientId) &&
          (filter.since === undefined || id > filter.since) &&
          (!filter.path || e.path.startsWith(filter.path)),
      )
      .map(present);
  }

  /**
   * Records one request once its response has been sent; the front door calls it for every request
   * outside the control API and the page assets. Recording is kept cheap (it runs on every request):
   * secrets are dropped at once, and the masking, fingerprinting and parsing that make an entry
   * readable happen only when the journal is read.
   */
  record(req: RawRequest, res: ServerResponse, path: string, search: string): void {
    const started = performance.now();
    const time = this.clock.now();
    // As sent: later steps may rewrite `req.headers` (the token endpoint does). Node never changes `rawHeaders`.
    const requestHeaders = dropCredentials(req.rawHeaders);
    const responseBody = captureBody(res);
    res.on('finish', () => {
      const query = search ? (parseQuery(search) as Record<string, unknown>) : {};
      const body = typeof req.body === 'object' && req.body ? (req.body as Record<string, unknown>) : undefined;
      // Numbered by the store, so numbers stay unique when instances share one store.
      // After the response: a journal entry is not something the response acknowledged. A shared store out of reach
      // loses it (the response was already a 503), nothing else.
      this.store.append<RawEntry>(
        LOG,
        {
          time,
          clientId: clientIdOf(locals(res), body, query),
          method: req.method ?? 'GET',
          path,
          query: dropSecrets(query),
          requestHeaders,
          requestBody: body ? dropSecrets(body) : undefined,
          status: res.statusCode,
          responseHeaders: dropSetCookies(res.getHeaders()),
          responseText: shown(responseBody.text(), String(res.getHeader('content-type') ?? '')),
          durationMs: Math.round((performance.now() - started) * 100) / 100,
        },
        this.size,
      ).catch(() => undefined);
    });
  }
}

/** What the middleware records; `present` turns it into a {@link JournalEntry}. */
interface RawEntry {
  time: number;
  clientId: string | undefined;
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** Node's `rawHeaders`: name, value, name, value, … */
  requestHeaders: string[];
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, unknown>;
  responseText: string;
  durationMs: number;
}

function present([id, raw]: [number, RawEntry]): JournalEntry {
  return {
    id,
    time: new Date(raw.time).toISOString(),
    clientId: raw.clientId,
    method: raw.method,
    path: raw.path,
    query: mask(raw.query),
    requestHeaders: maskHeaders(headerObject(raw.requestHeaders)),
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

/**
 * Basic (or any non-bearer) credentials and cookies (the journey's session) are secrets: dropped at once. Bearer
 * tokens are fingerprinted on read.
 */
function dropCredentials(raw: string[]): string[] {
  let out = raw;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const cookie = name.length === 6 && name.toLowerCase() === 'cookie';
    if (!cookie && (name.length !== 13 || name.toLowerCase() !== 'authorization' || /^bearer\s/i.test(raw[i + 1]!))) continue;
    if (out === raw) out = [...raw];
    out[i + 1] = cookie ? '***' : `${raw[i + 1]!.split(/\s+/, 1)[0]} ***`;
  }
  return out;
}

/** The response's headers with the cookies it set dropped, as the request's are. */
function dropSetCookies(headers: Record<string, unknown>): Record<string, unknown> {
  return headers['set-cookie'] === undefined ? headers : { ...headers, 'set-cookie': '***' };
}

/** `rawHeaders` as an object of lower-case names, repeated headers joined as node joins them. */
function headerObject(raw: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    out[name] = out[name] === undefined ? raw[i + 1]! : `${out[name]}, ${raw[i + 1]!}`;
  }
  return out;
}

function maskAuthorization(header: string): string {
  const [scheme, credential] = header.split(/\s+/, 2);
  return /^bearer$/i.test(scheme ?? '') && credential ? `Bearer ${fingerprint(credential)}` : header;
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
    else if (lower === 'authorization') out[lower] = maskAuthorization(text);
    else out[lower] = text;
  }
  return out;
}

/** The most of a response body that is not JSON (a page, say) the journal shows: its beginning, then `…`. */
const TEXT_SHOWN = 4096;

/**
 * What of a response body the journal keeps: all of it when it is JSON (read back parsed), the part it shows when it
 * is not. A journey page is 13 KB of HTML; keeping the rest only to cut it off when read cost SQLite a page written
 * for every 4 KB, on every page view.
 */
function shown(text: string, contentType: string): string {
  return !contentType.includes('json') && text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN)}…` : text;
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
  // Entries recorded before `shown` was applied at record time (a data directory of an earlier version) hold more.
  return shown(text, contentType);
}
