import { platformErrors } from '../errors/platform-error.js';
import { unreachable } from '../errors/unreachable.js';
import type { GatewayStep } from './pipeline.js';

/** Applies a named API fault switched on through the control API (control/faults.ts). */
export const applyFaults: GatewayStep = async (call, ctx) => {
  const fault = await ctx.faults.take('api', { clientId: call.application?.clientId, path: call.req.path });
  if (!fault) return;
  switch (fault.id) {
    case 'api-internal-server-error':
      throw platformErrors.internalServerError();
    case 'api-service-unavailable':
      throw platformErrors.serviceUnavailable();
    case 'api-gateway-timeout':
      throw platformErrors.gatewayTimeout();
    case 'api-throttled':
      throw platformErrors.throttled();
    case 'api-invalid-credentials':
      throw platformErrors.invalidCredentials();
    case 'api-slow':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 5000));
      return;
    default:
      return unreachable(fault.id, 'API fault');
  }
};
