import type { ServerResponse } from 'node:http';
import express, { type RequestHandler } from 'express';
import type { EmulatorConfig } from '../config/defaults.js';
import type { RawRequest } from './raw.js';

/**
 * The one way request bodies are read: forms (`application/x-www-form-urlencoded`, flat) and JSON, up to
 * `maxBodyBytes`, with body-parser's errors (too large, invalid JSON, unsupported charset, too many
 * parameters) left for http/errors.ts to answer in the endpoint's own shape. Both the express app and
 * the front door's hot paths use these same parsers.
 */
export function bodyParsers(config: Pick<EmulatorConfig, 'maxBodyBytes'>): RequestHandler[] {
  return [
    express.urlencoded({ extended: false, limit: config.maxBodyBytes, parameterLimit: 1000 }),
    express.json({ limit: config.maxBodyBytes, type: ['application/json', 'text/json', 'application/*+json'] }),
  ];
}

/** Runs the parsers on a plain node request; resolves with `req.body` set, or rejects with the parser's error. */
export function readBody(parsers: RequestHandler[], req: RawRequest, res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    let i = 0;
    const next = (err?: unknown): void => {
      if (err) return reject(err);
      const parser = parsers[i++];
      if (!parser) return resolve();
      parser(req as express.Request, res as express.Response, next);
    };
    next();
  });
}
