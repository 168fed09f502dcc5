import { platformErrors } from '../errors/platform-error.js';
import type { GatewayStep } from './pipeline.js';

/** The token must carry every scope the endpoint needs → else 403 INVALID_SCOPE. */
export const requireScope: GatewayStep = (call) => {
  const needed = call.endpoint!.scopes ?? [];
  if (!needed.length || call.caller.kind === 'none') return;
  const granted = new Set(call.caller.scopes);
  if (!needed.every((s) => granted.has(s))) throw platformErrors.invalidScope();
};
