// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogClient, AuditLogEvent } from '../../src/client/index.js';
import { StrictMode, type ReactNode } from 'react';
import {
  AuditLogProvider,
  auditLogKeys,
  useAuditEvents,
  useAuditLogClient,
  useCreateEvent,
  useSummary,
} from '../../src/hooks/index.js';
import type { AuditLogTestServer } from '../../src/server/index.js';
import { freshQueryClient, newClient, signedInClient, testServer, wrapperFor } from './setup.js';

let server: AuditLogTestServer;
let viewer: AuditLogClient;

beforeAll(async () => {
  server = await testServer({ latencyMs: 20 });
  viewer = await signedInClient(server, 'viewer', 'acme');
});

describe('useAuditEvents', () => {
  it('keeps the previous page on screen while the next one loads', async () => {
    const { result, rerender } = renderHook(({ page }) => useAuditEvents({}, { page, size: 10 }), {
      wrapper: wrapperFor(viewer),
      initialProps: { page: 1 },
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const firstPage = result.current.data!.items;
    rerender({ page: 2 });
    expect(result.current.data!.items).toBe(firstPage);
    expect(result.current.isPlaceholderData).toBe(true);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data!.page).toBe(2);
    expect(result.current.data!.items[0]!.id).not.toBe(firstPage[0]!.id);
  });

  it('asks the server again when a filter changes, and shows only matching rows', async () => {
    const { result, rerender } = renderHook(
      ({ severities }) => useAuditEvents({ severities }, { size: 100 }),
      {
        wrapper: wrapperFor(viewer),
        initialProps: { severities: ['info'] as ('info' | 'critical')[] },
      },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.items.every((e) => e.severity === 'info')).toBe(true);
    rerender({ severities: ['critical'] });
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data!.items.length).toBeGreaterThan(0);
    expect(result.current.data!.items.every((e) => e.severity === 'critical')).toBe(true);
  });

  it('refreshes the list and the summary of this tenant after a write', async () => {
    const admin = await signedInClient(server, 'admin', 'initech');
    const queryClient = freshQueryClient();
    const { result } = renderHook(
      () => ({
        list: useAuditEvents({}, { size: 1 }),
        summary: useSummary(),
        create: useCreateEvent(),
      }),
      { wrapper: wrapperFor(admin, queryClient) },
    );
    await waitFor(() =>
      expect(result.current.list.isSuccess && result.current.summary.isSuccess).toBe(true),
    );
    const before = result.current.list.data!.total;
    await act(() =>
      result.current.create.mutateAsync({
        event_type: 'user_action',
        resource_type: 'report',
        action: 'create',
        severity: 'info',
        description: 'Quarterly report created',
      }),
    );
    await waitFor(() => expect(result.current.list.data!.total).toBe(before + 1));
    await waitFor(() => expect(result.current.summary.data!.total_count).toBe(before + 1));
  });

  it('shows cached rows at once when a page under StrictMode is left and opened again', async () => {
    const client = await signedInClient(server, 'viewer', 'initech');
    const queryClient = freshQueryClient();
    const Inner = wrapperFor(client, queryClient);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <Inner>{children}</Inner>
      </StrictMode>
    );
    const first = renderHook(() => useAuditEvents({ actions: ['read'] }), { wrapper });
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    first.unmount();
    const second = renderHook(() => useAuditEvents({ actions: ['read'] }), { wrapper });
    // Same tenant and login: the rows come from the cache on the first render.
    expect(second.result.current.data?.items).toEqual(first.result.current.data!.items);
  });

  it('cancels its request when the component unmounts', async () => {
    const slow = await testServer({ latencyMs: 400, seed: { eventsPerTenant: 5 } });
    const signals: AbortSignal[] = [];
    const watching: typeof fetch = (input, init) => {
      if (input instanceof Request) signals.push(input.signal);
      return slow.fetch(input, init);
    };
    const client = newClient(slow, watching);
    await client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'globex' });
    signals.length = 0;
    const { unmount } = renderHook(() => useAuditEvents({ search: 'unmount' }), {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(signals.length).toBe(1));
    unmount();
    await waitFor(() => expect(signals[0]!.aborted).toBe(true));
  });

  it('never shows another tenant’s rows, on any render, when the tenant switches mid-request', async () => {
    const root = await signedInClient(server, 'root', 'acme');
    const globex = root.withTenant('globex');
    const queryClient = freshQueryClient();
    let active: AuditLogClient = root;
    const Wrapper = ({ children }: { children: ReactNode }) => (
      <AuditLogProvider client={active} queryClient={queryClient}>
        {children}
      </AuditLogProvider>
    );
    const renders: { tenant: string | undefined; rows: AuditLogEvent[] }[] = [];
    const { result, rerender } = renderHook(
      () => {
        const query = useAuditEvents({}, { size: 20 });
        renders.push({ tenant: useAuditLogClient().tenantId, rows: query.data?.items ?? [] });
        return query;
      },
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    void result.current.refetch(); // acme's answer is still on its way when the switch happens
    active = globex;
    rerender();
    await waitFor(() => expect(result.current.data?.items[0]?.tenant_id).toBe('globex'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(renders.some((r) => r.tenant === 'globex')).toBe(true);
    for (const render of renders) {
      expect(render.rows.every((row) => row.tenant_id === render.tenant)).toBe(true);
    }
    // The old tenant's cache is gone, not just hidden.
    expect(
      queryClient.getQueryCache().findAll({ queryKey: auditLogKeys.scope(root) }),
    ).toHaveLength(0);
  });
});
