import type { ServerResponse } from 'node:http';
import express, { type RequestHandler } from 'express';
import type { EmulatorConfig } from '../config/defaults.js';
import type { RawRequest } from './raw.js';

export interface BodyParsers {
  /** `application/x-www-form-urlencoded`, flat (no nested keys), at most 1,000 parameters. */
  form: RequestHandler;
  /** `application/json`, `text/json`, `application/*+json`. */
  json: RequestHandler;
}

/**
 * The one way request bodies are read: forms and JSON, up to `maxBodyBytes`, with body-parser's errors (too
 * large, invalid JSON, unsupported charset, too many parameters) left for http/error-handler.ts to answer in
 * the endpoint's own shape. The express app and the front door's hot paths use these same parsers.
 */
export function bodyParsers(config: Pick<EmulatorConfig, 'maxBodyBytes'>): BodyParsers {
  return {
    form: express.urlencoded({ extended: false, limit: config.maxBodyBytes, parameterLimit: 1000 }),
    json: express.json({ limit: config.maxBodyBytes, type: ['application/json', 'text/json', 'application/*+json'] }),
  };
}

/**
 * Reads a plain node request's body: resolves with `req.body` set (left undefined for other media types), or
 * rejects with body-parser's error. The same outcome as express running both parsers in turn, without asking
 * the JSON parser about a form.
 */
export function readBody(parsers: BodyParsers, req: RawRequest, res: ServerResponse): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  const chosen = type === 'application/x-www-form-urlencoded' ? [parsers.form] : [parsers.form, parsers.json];
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
