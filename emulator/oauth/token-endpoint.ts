import type { ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context.js';
import { invalidRequest, OAuthError } from '../errors/oauth-error.js';
import { unreachable } from '../errors/unreachable.js';
import type { RawRequest } from '../http/raw.js';
import { replayForm } from './replay-form.js';
import { checkTokenRequest } from './token-rules.js';
import { dropUnusableHost } from './usable-host.js';

/** Refresh tokens being exchanged right now, each held for at most this long (virtual time). */
const IN_PROGRESS = 'refresh-in-progress';
const HOLD_MS = 60_000;

/**
 * `POST /oauth/token`, the emulator's hottest path: the named token faults, then HMRC's rules
 * (token-rules.ts), then oidc-provider does the exchange. A refresh token sent again while its first
 * exchange is still being answered gets HMRC's 400 `invalid_request` "Refresh operation is already in
 * progress" (software that refreshes from two threads at once); once answered, reuse is `invalid_grant`.
 *
 * The front door calls it with the body already read, straight from node's HTTP server: behind express,
 * oidc-provider's koa app costs about twice as much per token (docs/benchmarks.md). Errors are thrown,
 * and answered by emulator/error-handler.ts.
 */
export function tokenEndpoint(ctx: EmulatorContext): (req: RawRequest, res: ServerResponse) => Promise<void> {
  const provider = ctx.provider.callback();
  const exchange = async (req: RawRequest, res: ServerResponse, body: Record<string, unknown>): Promise<void> => {
    const fault = await ctx.faults.take('token', { clientId: asString(body.client_id), path: '/oauth/token', grantType: asString(body.grant_type) });
    const faultId = fault?.id;
    switch (faultId) {
      case undefined:
        break;
      case 'token-server-error':
        throw new OAuthError(500, 'server_error', 'an unexpected error occurred');
      case 'token-unavailable':
        throw new OAuthError(503, 'temporarily_unavailable', 'the service is temporarily unavailable');
      case 'token-slow':
        await new Promise((resolve) => setTimeout(resolve, fault?.delayMs ?? 5000));
        break;
      case 'refresh-invalid-grant': {
        const token = await ctx.provider.RefreshToken.find(asString(body.refresh_token) ?? '');
        if (token?.grantId) await ctx.provider.Grant.adapter.revokeByGrantId(token.grantId);
        throw new OAuthError(400, 'invalid_grant', 'refresh_token is invalid');
      }
      default:
        unreachable(faultId, 'token fault');
    }
    await checkTokenRequest(ctx, req);
    dropUnusableHost(req);
    await provider(replayForm(req), res);
  };

  return async (req, res) => {
    const body = (typeof req.body === 'object' && req.body ? req.body : {}) as Record<string, unknown>;
    const refreshToken = body.grant_type === 'refresh_token' ? asString(body.refresh_token) : undefined;
    if (!refreshToken) return exchange(req, res, body);
    if ((await ctx.store.increment(IN_PROGRESS, refreshToken, 1, ctx.clock.now() + HOLD_MS)) > 1) {
      throw invalidRequest('Refresh operation is already in progress');
    }
    try {
      await exchange(req, res, body);
    } finally {
      await ctx.store.delete(IN_PROGRESS, refreshToken);
    }
  };
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
