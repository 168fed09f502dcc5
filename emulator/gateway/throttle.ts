import { platformErrors } from '../errors/platform-error.js';
import type { GatewayStep } from './pipeline.js';

/**
 * HMRC: "Our standard limit is 3 requests per second per application"; beyond it 429 MESSAGE_THROTTLED_OUT.
 * HMRC's gateway counted per application over a minute, not per second, so a burst (validate the fraud headers,
 * read obligations, validate, submit) passes while a sustained rate above the limit is refused. The emulator does
 * the same: each application may make `rate × throttle.windowSeconds` requests in each window of the virtual clock
 * (windows start at multiples of the window length; default 3 × 60 = 180 a minute). Every API behind the gateway
 * counts, test-support APIs included (docs/decisions/0008-throttle-window.md). No `Retry-After`: whether HMRC sends
 * one is unconfirmed, so software must back off without it.
 */
export const throttle: GatewayStep = async (call, ctx) => {
  const app = call.application;
  if (!app) return;
  const { requestsPerSecond, windowSeconds } = ctx.config.throttle;
  const quota = (app.rateLimitPerSecond ?? requestsPerSecond) * windowSeconds;
  const windowMs = windowSeconds * 1000;
  const window = Math.floor(ctx.clock.now() / windowMs);
  const count = await ctx.store.increment('throttle', `${app.clientId}:${window}`, 1, (window + 1) * windowMs);
  if (count > quota) throw platformErrors.throttled();
};
