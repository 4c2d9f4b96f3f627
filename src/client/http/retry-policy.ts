/**
 * The SDK's one retry policy, in milliseconds like every duration option: the transport
 * hands it to ky's `retry`, and the durable queue backs off between sends with the same
 * `backoffDelay` and the same idea of what is retryable (`RETRY_STATUSES`).
 */
export interface RetryPolicy {
  /** Retries after the first attempt (the seed's `max_retries`). Default 3. */
  maxRetries: number;
  /** Base delay in ms, doubled per retry (the seed's `retry_delay`, there in seconds). Default 1000. */
  retryDelay: number;
  /** Longest wait between two attempts, in ms. Default 30,000. */
  maxRetryDelay: number;
  /**
   * Longest `Retry-After` the client waits out, in ms. A server asking for longer gets its
   * `RateLimitError` passed to the caller at once, whose UI can say when to come back.
   */
  maxRetryAfter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  retryDelay: 1000,
  maxRetryDelay: 30_000,
  maxRetryAfter: 60_000,
};

/** Statuses worth another try: timeout, rate limit and the server failures that pass. */
export const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/** Statuses whose `Retry-After` says when to try again. */
export const RETRY_AFTER_STATUSES = [429, 503];

/**
 * The exponential ceiling for retry number `attempt` (1-based): `retryDelay` doubled per
 * retry, capped by `maxRetryDelay`.
 */
export function backoffCeiling(
  attempt: number,
  policy: Pick<RetryPolicy, 'retryDelay' | 'maxRetryDelay'>,
): number {
  return Math.min(policy.maxRetryDelay, policy.retryDelay * 2 ** (attempt - 1));
}

/**
 * "Full jitter" (AWS): a random wait up to the ceiling, so clients that failed together
 * spread out instead of returning together.
 */
export const fullJitter = (ceiling: number, random: () => number = Math.random): number =>
  Math.round(random() * ceiling);

/** The wait before retry number `attempt`: the ceiling with full jitter. */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'retryDelay' | 'maxRetryDelay'>,
  random: () => number = Math.random,
): number {
  return fullJitter(backoffCeiling(attempt, policy), random);
}
