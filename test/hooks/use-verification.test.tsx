// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import type { AuditLogEvent } from '../../src/client/index.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuditEvents, useVerification } from '../../src/hooks/index.js';
import type { MemoryStore } from '../../src/server/index.js';
import { newClient, signedInClient, testServer, wrapperFor } from './setup.js';

function useVerifiedPage() {
  const page = useAuditEvents({}, { size: 50 });
  const verification = useVerification(page.data?.items ?? []);
  return { page, verification };
}

// Each test starts a new log at the same address: forget the heads earlier tests saw.
beforeEach(() => localStorage.clear());

describe('useVerification', () => {
  it('shows rows first, then marks every untouched one verified', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    const { result } = renderHook(useVerifiedPage, { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.page.data?.items).toHaveLength(50));
    // The rows are there before any verdict.
    expect(['pending', 'done']).toContain(result.current.verification.status);
    await waitFor(() => expect(result.current.verification.status).toBe('done'));
    const { verdicts, failed, consistency } = result.current.verification;
    expect(verdicts.size).toBe(50);
    expect(failed).toEqual([]);
    expect(consistency).toEqual({ ok: true });
  });

  it('lists exactly the rows changed behind the API', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    const first = await client.queryEvents({}, { size: 50 });
    const victim = first.items[4]!;
    (server.store as MemoryStore).editStoredEvents('acme', (rows) => {
      rows.find((row) => row.id === victim.id)!.description = 'quietly rewritten';
    });
    const { result } = renderHook(useVerifiedPage, { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.verification.status).toBe('done'));
    expect(result.current.verification.failed).toEqual([
      expect.objectContaining({ id: victim.id, verdict: 'modified' }),
    ]);
  });

  it('asks only for proofs of rows it has not checked under this tree size', async () => {
    const server = await testServer();
    const asked: string[][] = [];
    const client = newClient(server, async (input, init) => {
      const request = new Request(input, init);
      // A server without the places around a page: every proof asked for is a row's verdict.
      if (new URL(request.url).pathname.endsWith('/entries')) {
        return Response.json({ error: 'not_found', message: 'No such endpoint' }, { status: 404 });
      }
      if (new URL(request.url).pathname.endsWith('/proofs')) {
        asked.push(((await request.clone().json()) as { ids: string[] }).ids);
      }
      return server.fetch(request);
    });
    await client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    const { items } = await client.queryEvents({}, { size: 30 });
    const { result, rerender } = renderHook(
      ({ events }: { events: AuditLogEvent[] }) => useVerification(events),
      { wrapper: wrapperFor(client), initialProps: { events: items.slice(0, 20) } },
    );
    await waitFor(() => expect(result.current.status).toBe('done'));
    // The next view shares ten rows with the first: only the ten new ones are proven.
    rerender({ events: items.slice(10, 30) });
    await waitFor(() => expect(result.current.verdicts.size).toBe(20));
    expect(result.current.verdicts.has(items[29]!.id)).toBe(true);
    expect(asked.map((ids) => ids.length)).toEqual([20, 10]);
    expect(new Set(asked[1])).toEqual(new Set(items.slice(20, 30).map((event) => event.id)));
    expect(result.current.failed).toEqual([]);
  });

  it('names the places whose stored rows were deleted while the log kept them', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    const logged = (await client.queryEvents({}, { size: 1000 })).items.sort(
      (a, b) => a.sequence! - b.sequence!,
    );
    const gone = logged[20]!;
    (server.store as MemoryStore).editStoredEvents('acme', (rows) => {
      rows.splice(
        rows.findIndex((row) => row.id === gone.id),
        1,
      );
    });
    // A page of rows logged one after another, as the list shows them now: one short.
    const page = logged.slice(10, 40).filter((event) => event.id !== gone.id);
    const { result } = renderHook(() => useVerification(page), { wrapper: wrapperFor(client) });
    await waitFor(() => expect(result.current.missing).toEqual([gone.sequence]));
    expect(result.current.failed).toEqual([]);
    expect(result.current.consistency).toEqual({ ok: true });
  });

  it('asks once for a newer head for a row beyond the log, then marks it not in the log', async () => {
    const server = await testServer();
    let heads = 0;
    const client = newClient(server, async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/tree-head')) heads += 1;
      return server.fetch(request);
    });
    await client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    const { items } = await client.queryEvents({}, { size: 20 });
    const size = await server.store.getTreeSize('acme');
    const forged = { ...items[0]!, id: 'forged-beyond', sequence: size };
    (server.store as MemoryStore).editStoredEvents('acme', (rows) => void rows.push(forged));
    const { result } = renderHook(() => useVerification([forged, ...items]), {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.failed).toEqual([
      expect.objectContaining({ id: 'forged-beyond', verdict: 'not_in_log' }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heads).toBe(2);
  });

  it('still marks the rows of a server that cannot answer the places around them', async () => {
    const server = await testServer();
    let refused = 0;
    const older = newClient(server, async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/entries')) {
        refused += 1;
        return Response.json({ error: 'not_found', message: 'No such endpoint' }, { status: 404 });
      }
      return server.fetch(request);
    });
    await older.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    const logged = (await older.queryEvents({}, { size: 1000 })).items.sort(
      (a, b) => a.sequence! - b.sequence!,
    );
    const page = logged.slice(0, 30);
    const { result } = renderHook(() => useVerification(page), { wrapper: wrapperFor(older) });
    await waitFor(() => expect(result.current.status).toBe('done'));
    await waitFor(() => expect(refused).toBe(1));
    expect(result.current.verdicts.size).toBe(30);
    expect(result.current.missing).toEqual([]);
    expect(result.current.error).toBeNull();
  });

  it('stays idle with nothing to check, and is marked unsupported by a server without a log', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    const empty = renderHook(() => useVerification([]), { wrapper: wrapperFor(client) });
    expect(empty.result.current.status).toBe('idle');

    // An older server: the tamper-evidence routes answer 404.
    const older = newClient(server, async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/tree-head')) {
        return Response.json({ error: 'not_found', message: 'No such endpoint' }, { status: 404 });
      }
      return server.fetch(request);
    });
    await older.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    const { result } = renderHook(useVerifiedPage, { wrapper: wrapperFor(older) });
    await waitFor(() => expect(result.current.verification.status).toBe('unsupported'));
    expect(result.current.verification.error).toBeNull();
  });
});
