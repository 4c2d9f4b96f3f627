import { AuditLogSDKError, RateLimitError } from '../errors/index.js';
import { isRetryableError } from '../errors/guards.js';

export interface RetryPolicy {
  /** Retries after the first attempt (the seed's `max_retries`). Default 3. */
  maxRetries: number;
  /** Base delay in seconds, doubled per retry (the seed's `retry_delay`). Default 1. */
  retryDelay: number;
  /** Longest wait between two attempts, in seconds. Default 30. */
  maxDelay: number;
  /**
   * Longest `Retry-After` the client waits out, in seconds. A server asking for longer gets
   * its `RateLimitError` passed to the caller at once, whose UI can say when to come back.
   */
  maxRetryAfter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  retryDelay: 1,
  maxDelay: 30,
  maxRetryAfter: 60,
};

/** Statuses worth another try: timeout, rate limit and server failures. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a failed attempt may be sent again. Reads always may; writes only with an
 * idempotency key, which makes a repeat harmless.
 */
export function mayRetry(error: unknown, method: string, hasIdempotencyKey: boolean): boolean {
  const safe = method === 'GET' || method === 'HEAD' || hasIdempotencyKey;
  if (!safe) return false;
  if (error instanceof AuditLogSDKError && error.status !== undefined) {
    return RETRY_STATUSES.has(error.status);
  }
  return isRetryableError(error);
}

/**
 * Milliseconds to wait before retry number `retry` (1-based): the server's `Retry-After`
 * when it gave one, else exponential backoff with full jitter (AWS's "full jitter": a
 * random wait up to the exponential cap, so clients that failed together spread out).
 * `null` when the server asks for a longer wait than the policy allows.
 */
export function retryDelayMs(
  error: unknown,
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
  retryAfterSeconds?: number,
): number | null {
  const serverWait =
    retryAfterSeconds ?? (error instanceof RateLimitError ? error.retryAfter : undefined);
  if (serverWait !== undefined) {
    return serverWait > policy.maxRetryAfter ? null : serverWait * 1000;
  }
  const ceiling = Math.min(policy.maxDelay, policy.retryDelay * 2 ** (retry - 1));
  return Math.round(random() * ceiling * 1000);
}

/** Waits `ms`, or rejects with the signal's reason the moment it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
