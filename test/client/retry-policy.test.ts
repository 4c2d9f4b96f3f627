import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  NetworkError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../../src/client/errors/index.js';
import {
  DEFAULT_RETRY_POLICY,
  mayRetry,
  retryDelayMs,
  sleep,
} from '../../src/client/http/retry-policy.js';

describe('retry policy', () => {
  it('retries reads on network errors, timeouts, 408, 429 and 5xx', () => {
    expect(mayRetry(new NetworkError('down'), 'GET', false)).toBe(true);
    expect(mayRetry(new ServerError('x', { status: 503 }), 'GET', false)).toBe(true);
    expect(mayRetry(new RateLimitError('x', { status: 429 }), 'GET', false)).toBe(true);
    expect(mayRetry(new ServerError('x', { status: 501 }), 'GET', false)).toBe(false);
    expect(mayRetry(new ValidationError('x', { status: 400 }), 'GET', false)).toBe(false);
  });

  it('retries writes only when an idempotency key makes a repeat harmless', () => {
    const outage = new ServerError('x', { status: 503 });
    expect(mayRetry(outage, 'POST', false)).toBe(false);
    expect(mayRetry(outage, 'POST', true)).toBe(true);
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, retryDelay: 1, maxDelay: 5 };
    expect(retryDelayMs(new NetworkError('x'), 1, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(new NetworkError('x'), 2, policy, () => 1)).toBe(2000);
    expect(retryDelayMs(new NetworkError('x'), 3, policy, () => 1)).toBe(4000);
    expect(retryDelayMs(new NetworkError('x'), 4, policy, () => 1)).toBe(5000);
    expect(retryDelayMs(new NetworkError('x'), 3, policy, () => 0.25)).toBe(1000);
    expect(retryDelayMs(new NetworkError('x'), 9, policy, () => 0)).toBe(0);
  });

  it("waits out the server's Retry-After, and gives up at once on waits over the cap", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfter: 60 };
    expect(retryDelayMs(new RateLimitError('x', { retryAfter: 12 }), 1, policy, () => 0)).toBe(
      12_000,
    );
    expect(
      retryDelayMs(new RateLimitError('x', { retryAfter: 3600 }), 1, policy, () => 0),
    ).toBeNull();
    expect(retryDelayMs(new ServerError('x', { status: 503 }), 1, policy, () => 0, 2)).toBe(2000);
  });
});

describe('sleep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves after the delay', async () => {
    let done = false;
    void sleep(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('rejects the moment its signal aborts, without waiting out the delay', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
