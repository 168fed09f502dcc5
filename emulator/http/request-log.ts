import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../clock/clock.js';

/** One structured JSON log line per request, on stdout. */
export function requestLog(clock: Clock) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.on('finish', () => {
      process.stdout.write(
        `${JSON.stringify({
          time: new Date(clock.now()).toISOString(),
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          correlationId: res.getHeader('x-correlationid'),
        })}\n`,
      );
    });
    next();
  };
}
