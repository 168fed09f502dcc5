import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context.js';
import { acceptHeader } from './accept-header.js';
import type { Api, ApiResponse } from './api.js';
import { applyFaults } from './apply-faults.js';
import { authenticate } from './authenticate.js';
import type { GatewayCall, GatewayRequest } from './call.js';
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

export interface Gateway {
  /** The API whose context the path is under, if any: the front door sends those requests here. */
  apiFor(path: string): Api | undefined;
  /** Starts a call: its correlation ID is on the response from here on, whatever happens next. */
  begin(api: Api, req: GatewayRequest, res: ServerResponse): GatewayCall;
  /** Runs the pipeline and the endpoint's handler, and sends the response. Errors are thrown. */
  run(call: GatewayCall, res: ServerResponse): Promise<void>;
}

/** The gateway in front of the given APIs. */
export function gateway(ctx: EmulatorContext, apis: Api[]): Gateway {
  const byContext = [...apis].sort((a, b) => b.context.length - a.context.length);
  return {
    apiFor: (path) => byContext.find((a) => path === `/${a.context}` || path.startsWith(`/${a.context}/`)),
    begin(api, req, res) {
      const call: GatewayCall = {
        req,
        api,
        params: {},
        version: '',
        format: /\+xml/.test(req.headers.accept ?? '') ? 'xml' : 'json',
        caller: { kind: 'none' },
        correlationId: randomUUID(),
      };
      res.setHeader('X-CorrelationId', call.correlationId);
      return call;
    },
    async run(call, res) {
      for (const step of PIPELINE) await step(call, ctx);
      const { req } = call;
      const response: ApiResponse = await call.endpoint!.handler(
        {
          method: req.method,
          path: req.path,
          params: call.params,
          query: req.query,
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
    },
  };
}
