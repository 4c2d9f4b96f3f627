import { describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectContractErrorShapes,
  expectError,
  expectNoSecretsInErrors,
  storedEvent,
  useContractServer,
  type Session,
} from './helpers.js';

// Enough bytes (about 20 MB) that a reader who never reads leaves the server's writes stuck
// behind full socket buffers, as a stalled client does.
const ROWS = 10_000;
const FAT = 'x'.repeat(2000);

describe.each(STORE_KINDS)('export limits (%s store)', (kind) => {
  const api = useContractServer(kind, {
    // Long enough that the steps between the stalls finish on a loaded machine before the
    // server ends the first one; short enough to wait out.
    exportLimits: { perTenant: 1, total: 2, idleTimeoutMs: 2000 },
  });

  const tenantWithRows = async (rows: number): Promise<Session> => {
    const session = await api.session(['audit_manager']);
    const events = Array.from({ length: rows }, () =>
      storedEvent(session.tenant, { description: FAT }),
    );
    for (let at = 0; at < events.length; at += 1000) {
      await api.store.insertEvents(session.tenant, events.slice(at, at + 1000));
    }
    return session;
  };

  /** Starts an export and leaves its body unread. */
  const stalledExport = async (session: Session) => {
    const response = await fetch(api.url('/api/v1/audit/events/export', { format: 'csv' }), {
      headers: { Authorization: `Bearer ${session.tokens.access_token}` },
    });
    expect(response.status).toBe(200);
    return response;
  };

  const exportStatus = async (session: Session) =>
    (
      await api.request('/api/v1/audit/events/export', {
        ...session.auth,
        query: { format: 'csv' },
      })
    ).status;

  it('limits exports per tenant and in all with 429 + Retry-After, and ends stalled ones', async () => {
    const a = await tenantWithRows(ROWS);
    const b = await tenantWithRows(ROWS);
    const c = await tenantWithRows(3);

    const stalledA = await stalledExport(a);
    const refused = await api.request('/api/v1/audit/events/export', {
      ...a.auth,
      query: { format: 'csv' },
    });
    const body = expectError(refused, 429, 'rate_limit_exceeded');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(body.message).toMatch(/exports/);

    // Another tenant still exports, and finishing gives its slot back.
    expect(await exportStatus(c)).toBe(200);
    expect(await exportStatus(c)).toBe(200);

    // Two stalled exports fill the server's two slots: a third tenant waits.
    const stalledB = await stalledExport(b);
    expectError(
      await api.request('/api/v1/audit/events/export', { ...c.auth, query: { format: 'csv' } }),
      429,
      'rate_limit_exceeded',
    );

    // Idle past the timeout, both are ended by the server and their slots come back.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const readA = await stalledA.text().then(
      (text) => text.split('\r\n').length - 2,
      () => -1,
    );
    expect(readA).toBeLessThan(ROWS);
    await stalledB.body?.cancel();
    expect(await exportStatus(c)).toBe(200);
    expect(await exportStatus(a)).toBe(200);
  }, 90_000);

  it('never puts a password, token or API key in its 429 answers', () => {
    expectNoSecretsInErrors(api);
    expectContractErrorShapes(api);
  });
});
