/**
 * The shared store (Redis) cannot be reached, or did not answer: the call's outcome is unknown, nothing it wrote was
 * acknowledged. The HTTP layer answers 503 (HMRC's `SERVER_ERROR`); the connection recovers by itself once the store
 * is back. The message names the store's URL, its password masked.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
