import { platformErrors } from '../errors/platform-error.js';
import type { GatewayStep } from './pipeline.js';

/**
 * HMRC's standard limit: 3 requests per second per application (configurable per emulator and per
 * application); beyond it 429 MESSAGE_THROTTLED_OUT. Windows are whole seconds of the virtual clock.
 */
export const throttle: GatewayStep = async (call, ctx) => {
  const app = call.application;
  if (!app) return;
  const limit = app.rateLimitPerSecond ?? ctx.config.throttle.requestsPerSecond;
  const second = Math.floor(ctx.clock.now() / 1000);
  const count = await ctx.store.increment('throttle', `${app.clientId}:${second}`, 1, (second + 1) * 1000);
  if (count > limit) throw platformErrors.throttled();
};
