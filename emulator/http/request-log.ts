import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import type { Clock } from '../clock/clock.js';
import type { LogFormat } from '../config/defaults.js';
import { clientIdOf, locals } from './raw.js';

/** One request, as logged: no query string, headers or bodies, so no secret, code or token is ever written. */
export interface RequestLogLine {
  /** On the virtual clock, as ISO-8601. */
  time: string;
  /** The tenant the request was for (docs/tenants.md); null for the default tenant at the root. */
  tenant: string | null;
  clientId: string | null;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  correlationId: string | null;
}

export type RequestLogger = (req: IncomingMessage, res: ServerResponse, path: string) => void;

/** Where log lines go: stdout unless told otherwise (the tests collect them). */
export interface LogSink {
  write(line: string): void;
}

/**
 * One line per request once its response has been sent, through pino: `json` writes pino's JSON line (`level`,
 * `msg: "request"` and the fields of {@link RequestLogLine}); `pretty` the same fields on one short line for people.
 * `off` logs nothing.
 *
 * @example
 * const log = requestLogger('json', clock);
 * log?.(req, res, '/hello/world');
 */
export function requestLogger(format: LogFormat, clock: Clock, sink: LogSink = process.stdout, tenant: string | null = null): RequestLogger | undefined {
  if (format === 'off') return undefined;
  const destination = format === 'pretty' ? { write: (line: string) => sink.write(prettyLine(JSON.parse(line) as RequestLogLine)) } : sink;
  const logger = pino(
    {
      base: null,
      timestamp: () => `,"time":"${new Date(clock.now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return (req, res, path) => {
    const started = performance.now();
    res.on('finish', () => {
      const body = typeof (req as { body?: unknown }).body === 'object' ? ((req as { body?: Record<string, unknown> }).body ?? undefined) : undefined;
      const correlationId = res.getHeader('x-correlationid');
      logger.info(
        {
          tenant,
          clientId: clientIdOf(locals(res), body, { client_id: queryClientId(req.url) }) ?? null,
          method: req.method ?? 'GET',
          path,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          correlationId: typeof correlationId === 'string' ? correlationId : null,
        },
        'request',
      );
    });
  };
}

/** The `client_id` of a query string (authorize, say): the one query parameter the log reads. */
function queryClientId(url: string | undefined): string | undefined {
  const at = url?.indexOf('?') ?? -1;
  return at < 0 ? undefined : (new URLSearchParams(url!.slice(at + 1)).get('client_id') ?? undefined);
}

/** `09:00:01.250 GET /hello/world 200 3.1 ms  client=… correlation=…` */
function prettyLine(l: RequestLogLine): string {
  const extra = [l.tenant && `tenant=${l.tenant}`, l.clientId && `client=${l.clientId}`, l.correlationId && `correlation=${l.correlationId}`].filter(Boolean).join(' ');
  return `${l.time.slice(11, 23)} ${l.method} ${l.path} ${l.status} ${l.durationMs} ms${extra ? `  ${extra}` : ''}\n`;
}
