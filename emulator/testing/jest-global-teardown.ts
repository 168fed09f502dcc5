import { STOP_KEY } from './jest-global-setup.js';

/** jest's `globalTeardown`: stops what `hmrc-local-sandbox/jest-setup` started. */
export default async function globalTeardown(): Promise<void> {
  const stop = (globalThis as Record<symbol, unknown>)[STOP_KEY] as (() => Promise<void>) | undefined;
  delete (globalThis as Record<symbol, unknown>)[STOP_KEY];
  await stop?.();
}
