import { platformErrors } from './platform-error.js';

/**
 * Whether an error says the shared store is out of reach (store/store-unavailable.ts: Redis down or unreachable),
 * looked for on the error and its causes: oidc-provider and express wrap what they catch.
 */
export function isStoreDown(err: unknown): boolean {
  for (let e = err as { name?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.name === 'StoreUnavailableError') return true;
  }
  return false;
}

/** What HMRC's gateway answers when what is behind it is unavailable, on every path: 503 `SERVER_ERROR`. */
export const STORE_DOWN = platformErrors.serviceUnavailable();
export const STORE_DOWN_BODY = JSON.stringify(STORE_DOWN.body());
