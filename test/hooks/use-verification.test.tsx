// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
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
