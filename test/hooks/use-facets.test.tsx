// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, type AuditLogClient, type AuditLogEvent } from '../../src/client/index.js';
import { auditLogKeys, useFacets } from '../../src/hooks/index.js';
import type { AuditLogTestServer } from '../../src/server/index.js';
import { freshQueryClient, newClient, signedInClient, testServer, wrapperFor } from './setup.js';

let server: AuditLogTestServer;
let acme: AuditLogClient;
let acmeEvents: AuditLogEvent[];

/** Each value's count among `events`, most frequent first, ties by value. */
function expectedTop(events: readonly AuditLogEvent[], field: 'action' | 'user_id', limit: number) {
  const counts = new Map<string, number>();
  for (const event of events) {
    const value = event[field];
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
}

beforeAll(async () => {
  server = await testServer();
  acme = await signedInClient(server, 'viewer', 'acme');
  acmeEvents = await acme.listEvents({}, { limit: 1000 });
});

describe('useFacets', () => {
  it('counts the top values of each field over the query, as the events show them', async () => {
    const { result } = renderHook(() => useFacets(['action', 'user_id'], {}, { limit: 5 }), {
      wrapper: wrapperFor(acme),
    });
    await waitFor(() => expect(result.current.isPending).toBe(false));
    expect(result.current.total).toBe(acmeEvents.length);
    expect(result.current.facets.action).toEqual(expectedTop(acmeEvents, 'action', 5));
    expect(result.current.facets.user_id).toEqual(expectedTop(acmeEvents, 'user_id', 5));
  });

  it("with ownFilters 'ignore', still offers a field's other values once one is picked", async () => {
    const picked = expectedTop(acmeEvents, 'action', 1)[0]!.value;
    const query = { actions: [picked] };
    const { result } = renderHook(
      () => useFacets(['action', 'user_id'], query, { limit: 100, ownFilters: 'ignore' }),
      { wrapper: wrapperFor(acme) },
    );
    await waitFor(() => expect(result.current.isPending).toBe(false));
    // The action list counts all events; the user list only those with the picked action.
    expect(result.current.facets.action).toEqual(expectedTop(acmeEvents, 'action', 100));
    const withAction = acmeEvents.filter((event) => event.action === picked);
    expect(result.current.facets.user_id).toEqual(expectedTop(withAction, 'user_id', 100));
    expect(result.current.total).toBe(withAction.length);
  });

  it('keeps each tenant under its own key, so another tenant never sees these counts', async () => {
    const globex = await signedInClient(server, 'viewer', 'globex');
    const queryClient = freshQueryClient();
    const acmeHook = renderHook(() => useFacets(['action']), {
      wrapper: wrapperFor(acme, queryClient),
    });
    const globexHook = renderHook(() => useFacets(['action']), {
      wrapper: wrapperFor(globex, queryClient),
    });
    await waitFor(() => expect(acmeHook.result.current.total).toBeDefined());
    await waitFor(() => expect(globexHook.result.current.total).toBeDefined());
    const globexEvents = await globex.listEvents({}, { limit: 1000 });
    expect(globexHook.result.current.facets.action).toEqual(
      expectedTop(globexEvents, 'action', 10),
    );
    const keys = queryClient
      .getQueryCache()
      .findAll({ queryKey: auditLogKeys.all })
      .map((query) => query.queryKey);
    expect(keys).toContainEqual(auditLogKeys.facets(acme, ['action'], {}, 10));
    expect(keys).toContainEqual(auditLogKeys.facets(globex, ['action'], {}, 10));
    expect(auditLogKeys.facets(acme, ['action'], {}, 10)).not.toEqual(
      auditLogKeys.facets(globex, ['action'], {}, 10),
    );
  });

  it('reports a server without facets as not found, so a part can hide its counts', async () => {
    const older = newClient(server, (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/events/facets'))
        return Promise.resolve(
          Response.json({ error: 'not_found', message: 'No such route' }, { status: 404 }),
        );
      return server.fetch(request);
    });
    await older.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    const { result } = renderHook(() => useFacets(['action']), { wrapper: wrapperFor(older) });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error).toBeInstanceOf(NotFoundError);
    expect(result.current.facets).toEqual({});
  });
});
