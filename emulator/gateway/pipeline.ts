import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { EmulatorContext } from '../context.js';
import { acceptHeader } from './accept-header.js';
import type { Api, ApiResponse } from './api.js';
import { applyFaults } from './apply-faults.js';
import { authenticate } from './authenticate.js';
import type { GatewayCall } from './call.js';
import { matchRoute } from './match-route.js';
import { requireScope } from './require-scope.js';
import { requireSubscription } from './require-subscription.js';
import { throttle } from './throttle.js';
import { renderApiResponse } from './render.js';

export type GatewayStep = (call: GatewayCall, ctx: EmulatorContext) => void | Promise<void>;

/**
 * The gateway's checks, in the order HMRC's gateway applies them. Every API behind the gateway
 * passes through exactly these steps; an API only declares its endpoints (see gateway/api.ts).
 */
export const PIPELINE: readonly GatewayStep[] = [
  acceptHeader, // 406 ACCEPT_HEADER_INVALID, 404 NOT_FOUND for an unknown version
  matchRoute, // 404 MATCHING_RESOURCE_NOT_FOUND
  authenticate, // 401 MISSING_CREDENTIALS, INVALID_CREDENTIALS, INCORRECT_ACCESS_TOKEN_TYPE
  requireSubscription, // 403 RESOURCE_FORBIDDEN
  throttle, // 429 MESSAGE_THROTTLED_OUT
  requireScope, // 403 INVALID_SCOPE
  applyFaults, // named faults switched on through the control API
];

/** Express middleware that routes requests for the given APIs through the pipeline to their handlers. */
export function gateway(ctx: EmulatorContext, apis: Api[]) {
  const byContext = [...apis].sort((a, b) => b.context.length - a.context.length);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const api = byContext.find((a) => req.path === `/${a.context}` || req.path.startsWith(`/${a.context}/`));
    if (!api) return next();
    const call: GatewayCall = {
      req,
      api,
      params: {},
      version: '',
      format: /\+xml/.test(req.headers.accept ?? '') ? 'xml' : 'json',
      caller: { kind: 'none' },
      correlationId: randomUUID(),
    };
    res.locals.gatewayCall = call;
    res.setHeader('X-CorrelationId', call.correlationId);
    for (const step of PIPELINE) await step(call, ctx);
    const response: ApiResponse = await call.endpoint!.handler(
      {
        method: req.method,
        path: req.path,
        params: call.params,
        query: req.query as Record<string, unknown>,
        headers: req.headers,
        body: req.body,
        version: call.version,
        format: call.format,
        caller: call.caller,
        correlationId: call.correlationId,
      },
      ctx,
    );
    renderApiResponse(res, call.format, response);
  };
}
