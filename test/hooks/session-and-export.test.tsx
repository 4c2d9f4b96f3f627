// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  useAuditEvents,
  useCurrentUser,
  useExport,
  useInfiniteAuditEvents,
  useLogin,
  useLogout,
  usePermissions,
} from '../../src/hooks/index.js';
import { AuditLogClient } from '../../src/client/index.js';
import type { AuditLogTestServer } from '../../src/server/index.js';
import {
  freshQueryClient,
  newClient,
  readBlobText,
  signedInClient,
  testServer,
  wrapperFor,
} from './setup.js';

let server: AuditLogTestServer;

beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 400 } });
});

describe('session hooks', () => {
  it('loads nothing before login, then the signed-in tenant’s rows; logout drops them', async () => {
    const client = newClient(server);
    const queryClient = freshQueryClient();
    const { result } = renderHook(
      () => ({
        login: useLogin(),
        logout: useLogout(),
        events: useAuditEvents(),
        user: useCurrentUser(),
      }),
      { wrapper: wrapperFor(client, queryClient) },
    );
    expect(result.current.events.fetchStatus).toBe('idle');
    await act(() =>
      result.current.login.mutateAsync({
        username: 'viewer',
        password: 'audit-demo',
        tenant_id: 'globex',
      }),
    );
    await waitFor(() => expect(result.current.events.isSuccess).toBe(true));
    expect(result.current.events.data!.items.every((e) => e.tenant_id === 'globex')).toBe(true);
    await waitFor(() => expect(result.current.user.data?.username).toBe('viewer'));

    await act(() => result.current.logout.mutateAsync());
    await waitFor(() => expect(result.current.events.data).toBeUndefined());
    expect(client.isAuthenticated).toBe(false);
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .filter((q) => q.state.data !== undefined),
    ).toHaveLength(0);
  });

  it('shows a wrong password as an AuthenticationError the form can put in words', async () => {
    const { result } = renderHook(() => useLogin(), { wrapper: wrapperFor(newClient(server)) });
    await act(async () => {
      await result.current
        .mutateAsync({ username: 'viewer', password: 'nope', tenant_id: 'acme' })
        .catch(() => undefined);
    });
    await waitFor(() => expect(result.current.error?.name).toBe('AuthenticationError'));
    expect(result.current.error?.message).toBe('Username, password or tenant is wrong');
  });

  it.each([
    ['viewer', { canRead: true, canWrite: false, canExport: false, canManageUsers: false }],
    ['manager', { canRead: true, canWrite: true, canExport: true, canManageUsers: false }],
    ['writer', { canRead: false, canWrite: true, canExport: false, canManageUsers: false }],
    ['admin', { canRead: true, canWrite: true, canExport: true, canManageUsers: true }],
  ])('tells what %s may do, so a UI can hide what would be refused', async (username, expected) => {
    const client = await signedInClient(server, username, 'acme');
    const { result } = renderHook(() => usePermissions(), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.known).toBe(true));
    expect(result.current).toMatchObject(expected);
  });
});

describe('usePermissions for every kind of credential', () => {
  // Generous waits: each loads the session, and a user also their roles, on a busy machine.
  const slow = { timeout: 5000 };
  const keyClient = (key: string) =>
    new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      apiKey: key,
      tenantId: 'acme',
    });

  it('tells what an API key and a viewer session may do, from GET /auth/session', async () => {
    const admin = await signedInClient(server, 'admin', 'acme');
    const embed = await admin.createApiKey({ name: 'host', permissions: ['read', 'embed'] });
    const asKey = renderHook(() => usePermissions(), {
      wrapper: wrapperFor(keyClient(embed.key!)),
    });
    await waitFor(() => expect(asKey.result.current.known).toBe(true), slow);
    expect(asKey.result.current).toMatchObject({
      canRead: true,
      canWrite: false,
      canExport: false,
      canManageUsers: false,
      roles: [],
      session: { kind: 'api_key', tenant_id: 'acme' },
    });

    const scope = { resource_types: ['invoice'] };
    const session = await keyClient(embed.key!).createViewerSession({
      subject: { id: 'c-5', display_name: 'Pat' },
      permissions: ['read'],
      scope,
    });
    const viewer = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      getAccessToken: () => session,
    });
    const asViewer = renderHook(() => usePermissions(), { wrapper: wrapperFor(viewer) });
    await waitFor(() => expect(asViewer.result.current.known).toBe(true), slow);
    expect(asViewer.result.current).toMatchObject({
      canRead: true,
      canWrite: false,
      canExport: false,
      canManageUsers: false,
      roles: [],
      session: { kind: 'viewer', subject: { id: 'c-5', display_name: 'Pat' }, scope },
    });
  });

  it('falls back to the user’s roles on a server without GET /auth/session', async () => {
    const asked: string[] = [];
    const older: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname !== '/api/v1/auth/session') return server.fetch(request);
      asked.push(request.headers.has('X-API-Key') ? 'key' : 'user');
      return Promise.resolve(
        Response.json({ error: 'not_found', message: 'No such endpoint' }, { status: 404 }),
      );
    };
    const user = newClient(server, older);
    await user.login({ username: 'manager', password: 'audit-demo', tenant_id: 'acme' });
    const asUser = renderHook(() => usePermissions(), { wrapper: wrapperFor(user) });
    // The roles come from /auth/me, a moment after the permissions.
    await waitFor(() => expect(asUser.result.current.roles).toEqual(['audit_manager']), slow);
    expect(asUser.result.current).toMatchObject({
      known: true,
      canRead: true,
      canWrite: true,
      canExport: true,
      canManageUsers: false,
      roles: ['audit_manager'],
    });

    const key = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: older,
      apiKey: server.seed!.apiKeys.acme!,
      tenantId: 'acme',
    });
    const asKey = renderHook(() => usePermissions(), { wrapper: wrapperFor(key) });
    await waitFor(() => expect(asked).toContain('key'), slow);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The server does not say what a key may do: nothing is hidden on a guess.
    expect(asKey.result.current).toMatchObject({ known: false, session: null });
  });
});

describe('useInfiniteAuditEvents', () => {
  it('appends page after page until the last', async () => {
    const client = await signedInClient(server, 'viewer', 'initech');
    const { result } = renderHook(
      () => useInfiniteAuditEvents({ severities: ['info'] }, { size: 100 }),
      {
        wrapper: wrapperFor(client),
      },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const total = result.current.data!.pages[0]!.total;
    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }
    const ids = result.current.data!.pages.flatMap((p) => p.items.map((e) => e.id));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });
});

describe('useExport', () => {
  it('reports progress up to 100% and hands back a CSV file named for the tenant', async () => {
    const client = await signedInClient(server, 'manager', 'acme');
    const { result } = renderHook(() => useExport(), { wrapper: wrapperFor(client) });
    const percents: (number | null)[] = [];
    let file: Awaited<ReturnType<typeof result.current.mutateAsync>> | undefined;
    await act(async () => {
      file = await result.current.mutateAsync({ format: 'csv' });
    });
    percents.push(result.current.progress?.percent ?? null);
    expect(percents.at(-1)).toBe(100);
    expect(file!.fileName).toMatch(/^audit-logs-acme-\d{4}-\d\d-\d\d\.csv$/);
    expect(file!.count).toBe(400);
    const lines = (await readBlobText(file!.blob)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(401);
  });

  it('exports JSON as a file too', async () => {
    const client = await signedInClient(server, 'manager', 'acme');
    const { result } = renderHook(() => useExport(), { wrapper: wrapperFor(client) });
    let file: Awaited<ReturnType<typeof result.current.mutateAsync>> | undefined;
    await act(async () => {
      file = await result.current.mutateAsync({
        format: 'json',
        query: { severities: ['critical'] },
      });
    });
    const doc = JSON.parse(await readBlobText(file!.blob));
    expect(doc.count).toBe(file!.count);
    expect(doc.data.every((e: { severity: string }) => e.severity === 'critical')).toBe(true);
    expect(file!.fileName).toMatch(/\.json$/);
  });

  it('stops the download when cancelled', async () => {
    const slow = await testServer({ latencyMs: 300, seed: { eventsPerTenant: 50 } });
    const client = await signedInClient(slow, 'manager', 'acme');
    const { result } = renderHook(() => useExport(), { wrapper: wrapperFor(client) });
    let outcome: unknown;
    act(() => {
      result.current.mutateAsync({ format: 'csv' }).catch((error: unknown) => (outcome = error));
    });
    await waitFor(() => expect(result.current.isPending).toBe(true));
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect((outcome as Error).name).toBe('AbortError');
    expect(result.current.progress).toBeNull();
  });
});
