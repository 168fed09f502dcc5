import { isSubscribed } from '../applications/applications.js';
import { platformErrors } from '../errors/platform-error.js';
import type { GatewayStep } from './pipeline.js';

/** An application not subscribed to the API → 403 RESOURCE_FORBIDDEN. */
export const requireSubscription: GatewayStep = (call) => {
  if (call.application && !isSubscribed(call.application, call.api.context)) throw platformErrors.resourceForbidden();
};
