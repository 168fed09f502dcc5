import type { ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context.js';
import { OAuthError } from '../errors/oauth-error.js';
import type { RawRequest } from '../http/raw.js';
import { checkTokenRequest } from './token-rules.js';

/**
 * `POST /oauth/token`, the emulator's hottest path: the named token faults, then HMRC's rules
 * (token-rules.ts), then oidc-provider does the exchange. The front door calls it with the body already
 * read, straight from node's HTTP server: behind express, oidc-provider's koa app costs about twice as
 * much per token (docs/benchmarks.md). Errors are thrown, and answered by http/error-handler.ts.
 */
export function tokenEndpoint(ctx: EmulatorContext): (req: RawRequest, res: ServerResponse) => Promise<void> {
  const provider = ctx.provider.callback();
  return async (req, res) => {
    const body = (typeof req.body === 'object' && req.body ? req.body : {}) as Record<string, unknown>;
    const fault = await ctx.faults.take('token', { clientId: asString(body.client_id), path: '/oauth/token', grantType: asString(body.grant_type) });
    switch (fault?.id) {
      case 'token-server-error':
        throw new OAuthError(500, 'server_error', 'an unexpected error occurred');
      case 'token-unavailable':
        throw new OAuthError(503, 'temporarily_unavailable', 'the service is temporarily unavailable');
      case 'token-slow':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 5000));
        break;
      case 'refresh-invalid-grant': {
        const token = await ctx.provider.RefreshToken.find(asString(body.refresh_token) ?? '');
        if (token?.grantId) await ctx.provider.Grant.adapter.revokeByGrantId(token.grantId);
        throw new OAuthError(400, 'invalid_grant', 'refresh_token is invalid');
      }
    }
    await checkTokenRequest(ctx, req);
    await provider(req, res);
  };
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
