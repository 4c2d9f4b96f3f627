import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogEvent, ViewerSessionResponse } from '../../src/contract/schemas/index.js';
import { createAuditLogApp } from '../../src/server/app.js';
import { seedDemoData } from '../../src/server/seed.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  makeEvent,
  useContractServer,
  type ContractApi,
  type Credentials,
  type Session,
} from './helpers.js';

/** The tenant's access records, oldest first, read from the store so reading them records nothing. */
async function accessRecords(api: ContractApi, tenant: string): Promise<AuditLogEvent[]> {
  const { items } = await api.store.queryEvents(
    tenant,
    { event_types: ['data_access'], sort_by: 'created_at', sort_order: 'asc' },
    { offset: 0, limit: 1000 },
  );
  return items;
}

describe.each(STORE_KINDS)('access records (%s store)', (kind) => {
  let clock = Date.parse('2026-03-02T10:00:00.000Z');
  // Tokens outlive the test's moving clock.
  const api = useContractServer(kind, {
    accessRecords: true,
    now: () => clock,
    accessTokenTtlSeconds: 24 * 3600,
  });

  let admin: Session;
  let written: AuditLogEvent[];

  beforeAll(async () => {
    admin = await api.session(['tenant_admin']);
    written = await api.postBatch(admin.auth, [
      makeEvent({ resource_type: 'invoice' }),
      makeEvent({ resource_type: 'invoice' }),
      makeEvent({ resource_type: 'user' }),
    ]);
  });

  /** Each test reads a fresh minute, so earlier tests' queries never deduplicate its own. */
  const nextMinute = () => {
    clock += 5 * 60_000;
  };

  it('records a query as the contract says, once a minute per principal and query', async () => {
    nextMinute();
    const before = (await accessRecords(api, admin.tenant)).length;
    for (let i = 0; i < 3; i++) {
      await api.list(admin.auth, { resource_types: ['invoice'] });
      clock += 10_000;
    }
    // Another page of the same query is the same query.
    await api.list(admin.auth, { resource_types: ['invoice'], page: 2 });
    let records = (await accessRecords(api, admin.tenant)).slice(before);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      tenant_id: admin.tenant,
      event_type: 'data_access',
      resource_type: 'audit_log',
      action: 'audit_log.query',
      severity: 'info',
      user_id: admin.user.id,
      metadata: {
        filters: { resource_types: ['invoice'], sort_by: 'timestamp', sort_order: 'desc' },
        result_count: 2,
        session_kind: 'user',
      },
    });

    // Another query is another record; the same one a minute on is recorded again.
    await api.list(admin.auth, { resource_types: ['user'] });
    clock += 60_000;
    await api.list(admin.auth, { resource_types: ['invoice'] });
    records = (await accessRecords(api, admin.tenant)).slice(before);
    expect(records.map((r) => (r.metadata as { result_count: number }).result_count)).toEqual([
      2, 1, 2,
    ]);
  });

  it('records every opened event and every export, however often', async () => {
    nextMinute();
    const before = (await accessRecords(api, admin.tenant)).length;
    const id = written[0]!.id;
    for (let i = 0; i < 2; i++) {
      const opened = await api.request(`/api/v1/audit/events/${id}`, admin.auth);
      expect(opened.status).toBe(200);
      clock += 1000;
      const exported = await api.request('/api/v1/audit/events/export', {
        ...admin.auth,
        query: { format: 'csv', resource_types: ['invoice'] },
      });
      expect(exported.status).toBe(200);
      clock += 1000;
    }
    const records = (await accessRecords(api, admin.tenant)).slice(before);
    expect(records.map((r) => r.action)).toEqual([
      'audit_log.view_event',
      'audit_log.export',
      'audit_log.view_event',
      'audit_log.export',
    ]);
    expect(records[0]).toMatchObject({ resource_id: id, metadata: { event_id: id } });
    expect(records[1]!.metadata).toMatchObject({
      filters: { resource_types: ['invoice'] },
      result_count: 2,
      format: 'csv',
      session_kind: 'user',
    });
  });

  it('records summaries, and names API keys and viewers as the contract says', async () => {
    nextMinute();
    const before = (await accessRecords(api, admin.tenant)).length;
    const key: Credentials = await api.apiKey(admin, ['read', 'embed']);
    const minted = await api.request<ViewerSessionResponse>('/api/v1/auth/viewer-sessions', {
      ...key,
      json: {
        subject: { id: 'cust-9' },
        permissions: ['read'],
        scope: { resource_types: ['user'] },
      },
    });
    api.secrets.add(minted.body.access_token);
    const viewer = { token: minted.body.access_token };

    const summary = await api.request<{ total_count: number }>('/api/v1/audit/summary', {
      ...key,
      query: { interval: 'hour' },
    });
    clock += 1000;
    await api.list(viewer);
    await api.list(viewer);

    const records = (await accessRecords(api, admin.tenant)).slice(before);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      action: 'audit_log.summary',
      user_id: expect.stringMatching(/^api_key:alk_/),
      metadata: {
        filters: { interval: 'hour' },
        result_count: summary.body.total_count,
        session_kind: 'api_key',
      },
    });
    // The viewer's scope is the session's, not a filter it asked for.
    expect(records[1]).toMatchObject({
      action: 'audit_log.query',
      user_id: 'viewer:cust-9',
      session_id: minted.body.session_id,
      metadata: { result_count: 1, session_kind: 'viewer' },
    });
    expect(records[1]!.metadata!.filters).not.toHaveProperty('resource_types');
  });

  it('keeps the records in the tenant that was read, out of every other', async () => {
    const other = await api.session(['tenant_admin']);
    nextMinute();
    await api.list(other.auth);
    expect(await accessRecords(api, other.tenant)).toHaveLength(1);
    const mine = await accessRecords(api, admin.tenant);
    expect(mine.every((record) => record.tenant_id === admin.tenant)).toBe(true);
    expect(mine.some((record) => record.user_id === other.user.id)).toBe(false);
  });
});

describe('the access-record switch', () => {
  it.each([
    [true, 2],
    [false, 0],
  ])('with accessRecords: %s, a list and a summary add %i records', async (on, added) => {
    const store = new MemoryStore();
    const app = createAuditLogApp({ store, jwtSecret: 'x'.repeat(32), accessRecords: on });
    const seeded = await seedDemoData(store, { eventsPerTenant: 5, passwordIterations: 1000 });
    const headers = { 'X-API-Key': seeded.apiKeys.acme!, 'X-Tenant-ID': 'acme' };
    const filter = {
      event_types: ['data_access' as const],
      sort_by: 'timestamp' as const,
      sort_order: 'desc' as const,
    };
    const before = store.countEvents('acme', filter);
    for (const path of ['/api/v1/audit/events', '/api/v1/audit/summary']) {
      expect((await app.request(path, { headers })).status).toBe(200);
    }
    expect(store.countEvents('acme', filter) - before).toBe(added);
  });
});
