import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLogClient, RateLimitError } from '../../src/client/index.js';
import { backoffDelay } from '../../src/client/http/retry-policy.js';

const HEALTHY = {
  status: 'healthy',
  service: 's',
  timestamp: '2026-01-01T00:00:00Z',
  version: '1',
};

/** A fetch that answers `failures` in turn, then a healthy answer, and counts the calls. */
function scripted(...failures: (() => Response | Promise<Response>)[]) {
  const calls: number[] = [];
  const fetch: typeof globalThis.fetch = async () => {
    calls.push(Date.now());
    const next = failures[calls.length - 1];
    return next ? next() : Response.json(HEALTHY);
  };
  return { fetch, calls };
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response('{"error":"x","message":"x"}', { status: code, headers });
const offline = () => Promise.reject(new TypeError('fetch failed'));

const clientWith = (fetch: typeof globalThis.fetch, extra: object = {}) =>
  new AuditLogClient({
    baseUrl: 'http://audit.test',
    apiKey: 'k',
    tenantId: 't',
    fetch,
    retryDelay: 0,
    ...extra,
  });

afterEach(() => vi.useRealTimers());

describe('retry policy', () => {
  it('retries reads on network errors, timeouts, 408, 429 and 5xx', async () => {
    const flaky = scripted(offline, status(408), status(429), status(500), status(502));
    expect((await clientWith(flaky.fetch, { maxRetries: 5 }).health()).status).toBe('healthy');
    expect(flaky.calls).toHaveLength(6);

    for (const code of [501, 400, 404]) {
      const refused = scripted(status(code));
      await expect(clientWith(refused.fetch).health()).rejects.toMatchObject({ status: code });
      expect(refused.calls).toHaveLength(1);
    }
  });

  it('retries writes only when an idempotency key makes a repeat harmless', async () => {
    const keyed = scripted(status(503));
    const event = {
      event_type: 'user_action' as const,
      resource_type: 'form',
      action: 'save',
      severity: 'info' as const,
      description: 'Saved',
    };
    await clientWith(keyed.fetch)
      .createEvent(event)
      .catch(() => {});
    expect(keyed.calls.length).toBeGreaterThan(1);

    const unkeyed = scripted(status(503));
    await expect(
      clientWith(unkeyed.fetch).createUser({
        username: 'new-user',
        email: 'new-user@example.com',
        password: 'a-long-password',
        roles: ['audit_viewer'],
      }),
    ).rejects.toMatchObject({ status: 503 });
    expect(unkeyed.calls).toHaveLength(1);
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const policy = { retryDelay: 1000, maxRetryDelay: 5000 };
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(2, policy, () => 1)).toBe(2000);
    expect(backoffDelay(3, policy, () => 1)).toBe(4000);
    expect(backoffDelay(4, policy, () => 1)).toBe(5000);
    expect(backoffDelay(3, policy, () => 0.25)).toBe(1000);
    expect(backoffDelay(9, policy, () => 0)).toBe(0);
  });

  it('waits those backoffs between attempts', async () => {
    vi.useFakeTimers();
    const flaky = scripted(status(503), status(503));
    const pending = clientWith(flaky.fetch, {
      retryDelay: 1000,
      maxRetryDelay: 5000,
      random: () => 1,
    }).health();
    await vi.advanceTimersByTimeAsync(999);
    expect(flaky.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(flaky.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(flaky.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(flaky.calls).toHaveLength(3);
    expect((await pending).status).toBe('healthy');
  });

  it("waits out the server's Retry-After, and gives up at once on waits over the cap", async () => {
    vi.useFakeTimers();
    const limited = scripted(status(429, { 'Retry-After': '12' }));
    const pending = clientWith(limited.fetch, { maxRetryAfter: 60_000 }).health();
    await vi.advanceTimersByTimeAsync(11_999);
    expect(limited.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(limited.calls).toHaveLength(2);
    await pending;

    const unavailable = scripted(status(503, { 'Retry-After': '2' }));
    const later = clientWith(unavailable.fetch).health();
    await vi.advanceTimersByTimeAsync(1999);
    expect(unavailable.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await later;
    expect(unavailable.calls).toHaveLength(2);

    const tooLong = scripted(status(429, { 'Retry-After': '3600' }));
    const error = await clientWith(tooLong.fetch, { maxRetryAfter: 60_000 })
      .health()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(3600);
    expect(tooLong.calls).toHaveLength(1);
  });
});
