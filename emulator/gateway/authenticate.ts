import { platformErrors } from '../errors/platform-error.js';
import type { GatewayStep } from './pipeline.js';

/**
 * Reads the bearer token. Open endpoints need none. Otherwise: no token → 401 MISSING_CREDENTIALS;
 * unknown, expired or revoked token → 401 INVALID_CREDENTIALS; an application token on a
 * user-restricted endpoint → 401 INCORRECT_ACCESS_TOKEN_TYPE. Application-restricted endpoints accept
 * user tokens too, as HMRC's gateway does ("Application & Application User").
 */
export const authenticate: GatewayStep = async (call, ctx) => {
  const auth = call.endpoint!.auth;
  if (auth === 'open') return;
  const header = call.req.headers.authorization;
  if (!header) throw platformErrors.missingCredentials();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw platformErrors.invalidCredentials();
  const caller = await ctx.tokens.lookup(match[1]);
  if (!caller) throw platformErrors.invalidCredentials();
  if (auth === 'user' && caller.kind !== 'user') throw platformErrors.incorrectAccessTokenType();
  call.caller = caller;
  call.application = await ctx.applications.find(caller.clientId);
  if (!call.application) throw platformErrors.invalidCredentials();
};
