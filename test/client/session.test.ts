import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuditLogClient,
  AuthenticationError,
  TimeoutError,
  sessionStorageTokenStore,
} from '../../src/client/index.js';
import { createAuditLogTestServer } from '../../src/server/index.js';

/** A reference API whose clock the test moves, with 60-second access tokens. */
async function serverWithClock() {
  let now = Date.now();
  const server = await createAuditLogTestServer({
    seed: { eventsPerTenant: 20 },
    now: () => now,
    accessTokenTtlSeconds: 60,
  });
  return { server, advance: (seconds: number) => (now += seconds * 1000) };
}

function countingFetch(inner: typeof fetch) {
  const paths: string[] = [];
  const wrapped: typeof fetch = (input, init) => {
    paths.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
    return inner(input, init);
  };
  return { fetch: wrapped, count: (path: string) => paths.filter((p) => p === path).length };
}

afterEach(() => vi.useRealTimers());

describe('session lifecycle', () => {
  it('refreshes once for all requests that hit an expired token together, then replays each', async () => {
    const { server, advance } = await serverWithClock();
    const counter = countingFetch(server.fetch);
    const client = new AuditLogClient({ baseUrl: server.baseUrl, fetch: counter.fetch });
    await client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    advance(61);
    const pages = await Promise.all(
      Array.from({ length: 5 }, () => client.queryEvents({}, { size: 1 })),
    );
    expect(pages.every((p) => p.total === 20)).toBe(true);
    expect(counter.count('/api/v1/auth/refresh')).toBe(1);
    expect(counter.count('/api/v1/audit/events')).toBe(10);
  });

  it('clears the session and tells the app once when the refresh is refused', async () => {
    const { server, advance } = await serverWithClock();
    const onSessionExpired = vi.fn();
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      onSessionExpired,
    });
    const tokens = await client.login({
      username: 'viewer',
      password: 'audit-demo',
      tenant_id: 'acme',
    });
    // Someone else used the refresh token first: the server now refuses it.
    await server.fetch(`${server.baseUrl}/api/v1/auth/refresh`, {
      method: 'POST',
      body: JSON.stringify({ refresh_token: tokens.refresh_token }),
    });
    advance(61);
    const results = await Promise.allSettled(Array.from({ length: 3 }, () => client.queryEvents()));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AuthenticationError);
    }
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(client.isAuthenticated).toBe(false);
  });

  it('revokes the refresh token on logout', async () => {
    const { server } = await serverWithClock();
    const client = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
    const tokens = await client.login({
      username: 'admin',
      password: 'audit-demo',
      tenant_id: 'acme',
    });
    await client.logout();
    expect(client.isAuthenticated).toBe(false);
    const reuse = await server.fetch(`${server.baseUrl}/api/v1/auth/refresh`, {
      method: 'POST',
      body: JSON.stringify({ refresh_token: tokens.refresh_token }),
    });
    expect(reuse.status).toBe(401);
  });

  it('has dropped its tokens before the revocation goes out, which still carries the token it revokes', async () => {
    const { server } = await serverWithClock();
    let held: unknown = 'not asked';
    let sentWith: string | null = null;
    const client: AuditLogClient = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (request.url.endsWith('/auth/logout')) {
          held = client.isAuthenticated;
          sentWith = request.headers.get('Authorization');
        }
        return server.fetch(request);
      },
    });
    const { access_token } = await client.login({
      username: 'admin',
      password: 'audit-demo',
      tenant_id: 'acme',
    });
    await client.logout();
    expect(held).toBe(false);
    expect(sentWith).toBe(`Bearer ${access_token}`);
  });

  it('asks getAccessToken for a token on every request', async () => {
    const { server } = await serverWithClock();
    const { access_token } = await server.login('viewer', 'acme');
    const getAccessToken = vi.fn(async () => access_token);
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      getAccessToken,
    });
    await client.queryEvents();
    await client.getSummary();
    expect(getAccessToken).toHaveBeenCalledTimes(2);
  });

  it('keeps tokens in sessionStorage when asked, so a reload stays signed in', async () => {
    const { server } = await serverWithClock();
    const storage = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => storage.set(k, v),
      removeItem: (k: string) => storage.delete(k),
    });
    try {
      const first = new AuditLogClient({
        baseUrl: server.baseUrl,
        fetch: server.fetch,
        tokenStore: sessionStorageTokenStore(),
      });
      await first.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
      // No tenant given: the stored token names the one it was issued for.
      const afterReload = new AuditLogClient({
        baseUrl: server.baseUrl,
        fetch: server.fetch,
        tokenStore: sessionStorageTokenStore(),
      });
      expect(afterReload.tenantId).toBe('acme');
      expect((await afterReload.queryEvents()).total).toBe(20);
      await afterReload.logout();
      expect(afterReload.isAuthenticated).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('timeouts and aborts', () => {
  const hanging: typeof fetch = (input, init) =>
    new Promise((_, reject) =>
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
    );

  it('fails with TimeoutError when the server never answers', async () => {
    const client = new AuditLogClient({
      baseUrl: 'http://audit.test',
      fetch: hanging,
      timeout: 50,
      maxRetries: 0,
    });
    await expect(client.health()).rejects.toThrow(TimeoutError);
  });

  it('cancels at once when aborted during a backoff wait', async () => {
    vi.useFakeTimers();
    const failing: typeof fetch = async () => new Response('{}', { status: 503 });
    const client = new AuditLogClient({
      baseUrl: 'http://audit.test',
      fetch: failing,
      retryDelay: 60_000,
      random: () => 1,
    });
    const controller = new AbortController();
    const pending = client.health({ signal: controller.signal });
    const outcome = expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await outcome;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('retries a 503 with backoff and then succeeds', async () => {
    let calls = 0;
    const flaky: typeof fetch = async () =>
      ++calls < 3
        ? new Response('{"error":"server_error","message":"down"}', { status: 503 })
        : Response.json({
            status: 'healthy',
            service: 's',
            timestamp: '2026-01-01T00:00:00Z',
            version: '1',
          });
    const client = new AuditLogClient({
      baseUrl: 'http://audit.test',
      fetch: flaky,
      retryDelay: 0,
    });
    expect((await client.health()).status).toBe('healthy');
    expect(calls).toBe(3);
  });
});

describe('which requests are retried', () => {
  const unavailable = () =>
    new Response('{"error":"server_error","message":"down"}', { status: 503 });

  it('retries a sign-in the server refused with 503, since a repeated login is harmless', async () => {
    let calls = 0;
    const flaky: typeof fetch = async () =>
      ++calls < 2
        ? unavailable()
        : Response.json({
            access_token: 'a',
            refresh_token: 'r',
            token_type: 'bearer',
            expires_in: 60,
          });
    const client = new AuditLogClient({
      baseUrl: 'http://audit.test',
      fetch: flaky,
      retryDelay: 0,
    });
    await client.login({ username: 'u', password: 'p', tenant_id: 't' });
    expect(calls).toBe(2);
  });

  it('never replays a refresh whose answer was lost: its token is already spent', async () => {
    let refreshes = 0;
    const fetchImpl: typeof fetch = async (input) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/auth/login')) {
        return Response.json({
          access_token: 'a',
          refresh_token: 'r',
          token_type: 'bearer',
          expires_in: 60,
        });
      }
      if (url.endsWith('/auth/refresh')) {
        refreshes += 1;
        throw new TypeError('connection reset');
      }
      return new Response('{"error":"authentication_error","message":"expired"}', { status: 401 });
    };
    const client = new AuditLogClient({
      baseUrl: 'http://audit.test',
      fetch: fetchImpl,
      retryDelay: 0,
    });
    await client.login({ username: 'u', password: 'p', tenant_id: 't' });
    await expect(client.queryEvents()).rejects.toMatchObject({ name: 'NetworkError' });
    expect(refreshes).toBe(1);
    // An outage is not an expired session: the tokens stay for a later try.
    expect(client.isAuthenticated).toBe(true);
  });
});
