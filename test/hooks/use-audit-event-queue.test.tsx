// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuditLogClient } from '../../src/client/index.js';
import { memoryQueueStorage } from '../../src/client/queue/index.js';
import { useAuditEventQueue } from '../../src/hooks/index.js';
import { createAuditLogTestServer, DEMO_API_KEYS } from '../../src/server/index.js';
import { wrapperFor } from './setup.js';

const settingsEvent = (description: string) => ({
  event_type: 'user_action' as const,
  resource_type: 'settings',
  action: 'save',
  severity: 'info' as const,
  description,
});

describe('useAuditEventQueue', () => {
  it('opens a queue, shows what is pending, and drains it', async () => {
    const server = await createAuditLogTestServer({ seed: { eventsPerTenant: 0 } });
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      apiKey: DEMO_API_KEYS.globex,
      tenantId: 'globex',
    });
    const { result } = renderHook(
      () => useAuditEventQueue({ storage: memoryQueueStorage(), flushDelay: 50 }),
      {
        wrapper: wrapperFor(client),
      },
    );
    await waitFor(() => expect(result.current.queue).not.toBeNull());
    await act(async () => {
      await result.current.queue!.enqueue(settingsEvent('Saved from the hook'));
    });
    expect(result.current.state.pending).toBe(1);
    await waitFor(() => expect(result.current.state.pending).toBe(0));
    expect((await client.queryEvents({ resource_types: ['settings'] })).total).toBe(1);
  });
});

describe('useAuditEventQueue across a sign-out', () => {
  it("tells the app that a signed-out user's events wait for them, and sends them when they return", async () => {
    const server = await createAuditLogTestServer({ seed: { eventsPerTenant: 0 } });
    const client = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
    const reader = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      apiKey: DEMO_API_KEYS.acme,
      tenantId: 'acme',
    });
    const signIn = (username: string) =>
      client.login({ username, password: 'audit-demo', tenant_id: 'acme' });
    await signIn('writer');
    const { result } = renderHook(
      () => useAuditEventQueue({ storage: memoryQueueStorage(), autoFlush: false }),
      { wrapper: wrapperFor(client) },
    );
    await waitFor(() => expect(result.current.queue).not.toBeNull());
    await act(async () => {
      await result.current.queue!.enqueue(settingsEvent('Queued before signing out'));
    });
    await act(() => client.logout());
    await waitFor(() =>
      expect(result.current.state.held).toMatchObject({
        tenantId: 'acme',
        count: 1,
        action: 'kept',
      }),
    );
    expect(result.current.state.pending).toBe(0);

    await act(() => signIn('manager'));
    await act(() => result.current.queue!.flush());
    expect((await reader.queryEvents({ resource_types: ['settings'] })).total).toBe(0);

    await act(() => client.logout());
    await act(() => signIn('writer'));
    await waitFor(() => expect(result.current.state).toMatchObject({ pending: 1, held: null }));
    await act(() => result.current.queue!.flush());
    expect((await reader.queryEvents({ resource_types: ['settings'] })).total).toBe(1);
  });
});
