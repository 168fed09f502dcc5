import { Redis } from 'ioredis';
import { StateOpenError } from './state-open-error.js';
import { StoreUnavailableError } from './store-unavailable.js';

/** How long a command may wait for Redis's answer before it fails (a Redis that accepts but never answers). */
const COMMAND_TIMEOUT_MS = 10_000;
/** Reconnection backs off from 50 ms to this, then tries every this often, forever. */
const MAX_BACKOFF_MS = 1_000;
/** Redis's own answers that mean "not now" rather than "wrong": the store is unavailable, not broken. */
const UNAVAILABLE_REPLY = /^(LOADING|BUSY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|NOREPLICAS)\b/;

/** `redis://host:port/db` with its password, if any, masked: for messages and logs. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an invalid Redis URL)';
  }
}

export interface RedisConnection {
  redis: Redis;
  /** The URL, password masked. */
  where: string;
  /** `promise`, its failures from Redis being unreachable turned into {@link StoreUnavailableError}. */
  guard: <T>(promise: Promise<T>) => Promise<T>;
}

/**
 * Connects to `url` (`redis://[:password@]host:port/db`), waiting up to `waitMs` for Redis to answer.
 *
 * Once connected, a call made while Redis is unreachable rejects at once (no offline queue; a call in flight when
 * the connection drops is failed, not resent, as its outcome is unknown) and the client reconnects forever, every
 * second at most, so the emulator recovers by itself when Redis is back.
 *
 * @throws StateOpenError when the URL is not a Redis URL or Redis did not answer within `waitMs`.
 */
export async function connectRedis(url: string, waitMs: number): Promise<RedisConnection> {
  const where = maskUrl(url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (parsed?.protocol !== 'redis:' && parsed?.protocol !== 'rediss:') {
    throw new StateOpenError(`${where} is not a Redis URL: give redis://[:password@]host:port/db`);
  }
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(50 * attempt, MAX_BACKOFF_MS),
  });
  let lastError: Error | undefined;
  redis.on('error', (err: Error) => void (lastError = err));
  await waitUntilReady(redis, waitMs).catch((refused: unknown) => {
    redis.disconnect();
    if (refused instanceof Error) throw new StateOpenError(`Redis at ${where} refused the connection (${refused.message}): check the URL, its password and its database number`);
    const why = lastError ? ` (${lastError.message})` : '';
    throw new StateOpenError(`cannot reach Redis at ${where}${why} after ${Math.round(waitMs / 1000)} s: start Redis, or check the URL`);
  });
  const guard = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((err: unknown) => {
      throw unavailable(err) ? new StoreUnavailableError(`Redis at ${where} is unavailable (${(err as Error).message})`, { cause: err }) : err;
    });
  return { redis, where, guard };
}

/**
 * Resolves once Redis answers; rejects with Redis's own error when it refuses us (a wrong password or database
 * number: waiting would not help), or with undefined after `waitMs` of not reaching it.
 */
function waitUntilReady(redis: Redis, waitMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      redis.off('ready', ready);
      redis.off('error', refused);
    };
    const timer = setTimeout(() => {
      done();
      reject(undefined);
    }, waitMs);
    const ready = (): void => {
      done();
      resolve();
    };
    const refused = (err: Error): void => {
      if (err.name !== 'ReplyError' || UNAVAILABLE_REPLY.test(err.message)) return;
      done();
      reject(err);
    };
    redis.once('ready', ready);
    redis.on('error', refused);
    redis.connect().catch(() => undefined); // failures are retried by retryStrategy, and reported by the timeout
  });
}

/** A failure to reach Redis (connection refused, closed, timed out, still loading its data), not a wrong command. */
function unavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'ReplyError') return UNAVAILABLE_REPLY.test(err.message);
  return true;
}
