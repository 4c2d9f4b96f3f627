/**
 * Token buckets per credential: `limit` requests a minute, refilled continuously, so a
 * client that waits `Retry-After` seconds is always let through.
 */
const MAX_TRACKED_KEYS = 100_000;

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
    if (this.#buckets.size >= MAX_TRACKED_KEYS && !this.#buckets.has(key)) this.#forgetFull(now);
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

  /** Buckets refilled by now are the same as no bucket; dropping them bounds memory. */
  #forgetFull(now: number): void {
    const perMs = this.limitPerMinute / 60_000;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * perMs >= this.limitPerMinute) {
        this.#buckets.delete(key);
      }
    }
  }
}

/**
 * Failed sign-ins per (tenant, username, client address). From `maxFailures` failures inside
 * the window on, each further try waits twice as long as the one before (1 s, 2 s, 4 s, …,
 * at most the window), whatever the password: guessing stays slow from any one address, and
 * a stranger elsewhere failing on purpose cannot lock the owner of the name out.
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

  /** Seconds until this name may be tried again from this address, or 0. */
  retryAfter(key: string): number {
    const recent = this.#recent(key);
    if (recent.length < this.maxFailures) return 0;
    const backoff = Math.min(this.windowMs, 1000 * 2 ** (recent.length - this.maxFailures));
    const wait = recent[recent.length - 1]! + backoff - this.now();
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  fail(key: string): void {
    if (this.#failures.size >= MAX_TRACKED_KEYS) this.#forgetOld();
    // Only the last few failures matter for the backoff; keep the list short.
    this.#failures.set(key, [...this.#recent(key), this.now()].slice(-(this.maxFailures + 20)));
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }

  /** A flood of made-up names must not grow memory without end. */
  #forgetOld(): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
  }
}
