import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock/clock.js';

/** Writes one structured JSON log line on stdout once the response has been sent. */
export function logRequest(clock: Clock, req: IncomingMessage, res: ServerResponse, path: string): void {
  const started = performance.now();
  res.on('finish', () => {
    process.stdout.write(
      `${JSON.stringify({
        time: new Date(clock.now()).toISOString(),
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        correlationId: res.getHeader('x-correlationid'),
      })}\n`,
    );
  });
}
