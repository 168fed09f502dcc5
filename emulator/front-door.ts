import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { EmulatorContext } from './context.js';
import type { Api } from './gateway/api.js';
import type { Gateway } from './gateway/pipeline.js';
import { tokenEndpoint } from './oauth/token-endpoint.js';
import { readBody, type BodyParsers } from './http/body.js';
import { sendError } from './error-handler.js';
import { locals, splitUrl, type RawRequest } from './http/raw.js';
import { requestLogger } from './http/request-log.js';

/** Applies the sign-up decisions (Income Tax and VAT) that fell due on the virtual clock. */
export async function settleDue(ctx: EmulatorContext): Promise<void> {
  await ctx.signUps.settleDue();
  await ctx.vatSignUps.settleDue();
}

/**
 * The emulator's HTTP entry point. Every request is logged and journaled (outside the control API and
 * page assets). Every request but `POST /oauth/token`, which reads nothing a sign-up changes, first sees
 * the sign-up decisions (Income Tax and VAT) that fell due on the virtual clock: the APIs here, the express
 * app's requests in the app (build-emulator.ts), so a failure there is answered in the app's families.
 * Then the two hot paths, `POST /oauth/token` (the OAuth surface) and the APIs behind the gateway (the gateway
 * surface), are answered here on node's own request and response; pages, the control API and oidc-provider's
 * other endpoints go to the express app.
 *
 * Why not all through express: express's router and response decoration cost as much per request as
 * the gateway and the token exchange themselves (measured in docs/benchmarks.md).
 */
export function frontDoor(ctx: EmulatorContext, gateway: Gateway, parsers: BodyParsers, app: RequestListener): RequestListener {
  const token = tokenEndpoint(ctx);
  const log = requestLogger(ctx.config.log, ctx.clock, process.stdout, ctx.tenant ?? null);

  const exchange = async (req: RawRequest, res: ServerResponse): Promise<void> => {
    await readBody(parsers, req, res);
    await token(req, res);
  };

  const callApi = async (api: Api, req: RawRequest, res: ServerResponse, path: string, search: string): Promise<void> => {
    await settleDue(ctx);
    const call = gateway.begin(api, { method: req.method ?? 'GET', path, query: search ? parseQuery(search) : {}, headers: req.headers, body: undefined }, res);
    locals(res).gatewayCall = call;
    try {
      await readBody(parsers, req, res);
      call.req.body = req.body;
      await gateway.run(call, res);
    } catch (err) {
      sendError(res, err, 'gateway', path, call.format);
    }
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    const { path, search } = splitUrl(req.url);
    log?.(req, res, path);
    if (path.startsWith('/assets/')) return void app(req, res);
    if (!path.startsWith('/_emulator')) ctx.journal.record(req, res, path, search);
    if (path === '/oauth/token' && req.method === 'POST') return void exchange(req, res).catch((err: unknown) => sendError(res, err, 'oauth', path));
    const api = gateway.apiFor(path);
    if (!api) return void app(req, res);
    callApi(api, req, res, path, search).catch((err: unknown) => sendError(res, err, 'gateway', path));
  };
}
