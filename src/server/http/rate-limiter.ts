/**
 * Token buckets per credential: `limit` requests a minute, refilled continuously, so a
 * client that waits `Retry-After` seconds is always let through.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number,
  ) {}

  /** Seconds to wait before the next request is allowed, or 0 when it may go now. */
  take(key: string): number {
    const now = this.now();
    const perMs = this.limitPerMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.limitPerMinute, updatedAt: now };
    bucket.tokens = Math.min(this.limitPerMinute, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }
}

/**
 * Failed logins per tenant and username. After `maxFailures` inside the window, the name is
 * refused until the oldest failure leaves the window, whatever the password — guessing
 * passwords stays slow even with rate limiting switched off.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length > 0) this.#failures.set(key, recent);
    else this.#failures.delete(key);
    return recent;
  }

  /** Seconds until this name may try again, or 0. */
  retryAfter(key: string): number {
    const recent = this.#recent(key);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[recent.length - this.maxFailures]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    this.#failures.set(key, [...this.#recent(key), this.now()]);
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }
}
