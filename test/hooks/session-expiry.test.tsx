// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AuditLogClient } from '../../src/client/index.js';
import {
  useAuditEvents,
  useAuditSession,
  useCurrentUser,
  useSummary,
} from '../../src/hooks/index.js';
import { createAuditLogTestServer } from '../../src/server/index.js';
import { wrapperFor } from './setup.js';

describe('an expired session', () => {
  it('surfaces once, then the hooks stop asking instead of raising a storm of errors', async () => {
    let now = Date.now();
    const server = await createAuditLogTestServer({
      seed: { eventsPerTenant: 20 },
      now: () => now,
      accessTokenTtlSeconds: 60,
    });
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return server.fetch(input, init);
    };
    const onSessionExpired = vi.fn();
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: counting,
      onSessionExpired,
      retryDelay: 0,
    });
    const tokens = await client.login({
      username: 'viewer',
      password: 'audit-demo',
      tenant_id: 'acme',
    });
    const { result } = renderHook(
      () => ({
        events: useAuditEvents(),
        summary: useSummary(),
        me: useCurrentUser(),
        session: useAuditSession(),
      }),
      { wrapper: wrapperFor(client) },
    );
    await waitFor(() =>
      expect(result.current.events.isSuccess && result.current.summary.isSuccess).toBe(true),
    );

    // The refresh token leaks and is used elsewhere; then the access token runs out.
    await server.fetch(`${server.baseUrl}/api/v1/auth/refresh`, {
      method: 'POST',
      body: JSON.stringify({ refresh_token: tokens.refresh_token }),
    });
    now += 61_000;
    void result.current.events.refetch();
    void result.current.summary.refetch();
    void result.current.me.refetch();

    await waitFor(() => expect(result.current.session.isAuthenticated).toBe(false));
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    const settled = requests;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests).toBe(settled);
    // Nothing of the old session is left on screen.
    expect(result.current.events.data).toBeUndefined();
    expect(result.current.summary.data).toBeUndefined();
  });
});
