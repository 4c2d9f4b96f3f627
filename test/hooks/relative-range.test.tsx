// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLogClient, AuditLogQueryInput } from '../../src/client/index.js';
import { auditLogKeys, useAuditEvents, useSummary } from '../../src/hooks/index.js';
import type { AuditLogTestServer } from '../../src/server/index.js';
import { freshQueryClient, signedInClient, testServer, wrapperFor } from './setup.js';

let server: AuditLogTestServer;
let acme: AuditLogClient;

beforeAll(async () => {
  server = await testServer();
  acme = await signedInClient(server, 'viewer', 'acme');
});

const DAY = 86_400_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a relative range (`last`) in a hook query', () => {
  it('is resolved by each fetch, so a refetch asks for the window ending then, under one cache entry', async () => {
    const sent: AuditLogQueryInput[] = [];
    const queryEvents = acme.queryEvents.bind(acme);
    const spy = vi.spyOn(acme, 'queryEvents').mockImplementation((query, options) => {
      sent.push(query ?? {});
      return queryEvents(query, options);
    });
    const queryClient = freshQueryClient();
    const { result } = renderHook(() => useAuditEvents({ last: '7d', severities: ['error'] }), {
      wrapper: wrapperFor(acme, queryClient),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await pause(5);
    await result.current.refetch();
    spy.mockRestore();

    expect(sent).toHaveLength(2);
    const [first, second] = sent.map((query) => Date.parse(String(query.start_date)));
    // Each request counts back seven days from the moment it was sent, and names no end.
    expect(second! - first!).toBeGreaterThanOrEqual(5);
    expect(Date.now() - 7 * DAY - second!).toBeLessThan(1000);
    expect(sent.every((query) => query.end_date === undefined && !('last' in query))).toBe(true);

    // The answer is the server's for that window.
    const expected = await acme.queryEvents({
      severities: ['error'],
      start_date: new Date(second!).toISOString(),
    });
    expect(result.current.data?.total).toBe(expected.total);

    // One entry, keyed by the range as written: not one per render or per millisecond.
    const entries = queryClient.getQueryCache().findAll({ queryKey: auditLogKeys.events(acme) });
    expect(entries.map((entry) => entry.queryKey)).toEqual([
      auditLogKeys.eventList(acme, { last: '7d', severities: ['error'] }, { page: 1, size: 50 }),
    ]);
  });

  it('counts the summary over the same moving window', async () => {
    const { result } = renderHook(() => useSummary({ last: '24h' }), {
      wrapper: wrapperFor(acme),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const within = await acme.queryEvents({
      start_date: new Date(Date.now() - DAY).toISOString(),
    });
    const all = await acme.queryEvents({});
    expect(result.current.data?.total_count).toBe(within.total);
    expect(within.total).toBeLessThan(all.total);
  });
});
