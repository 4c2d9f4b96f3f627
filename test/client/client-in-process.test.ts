import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AuditLogClient,
  AuthenticationError,
  AuthorizationError,
  BatchError,
  NotFoundError,
  ValidationError,
  type AuditLogEventInput,
} from '../../src/client/index.js';
import { createAuditLogTestServer, type AuditLogTestServer } from '../../src/server/index.js';

const event = (i: number, extra: Partial<AuditLogEventInput> = {}): AuditLogEventInput => ({
  event_type: 'user_action',
  resource_type: 'document',
  action: 'update',
  severity: 'info',
  description: `Client test event ${i}`,
  ...extra,
});

let server: AuditLogTestServer;

function client(extra: Partial<ConstructorParameters<typeof AuditLogClient>[0]> = {}) {
  return new AuditLogClient({
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    retryDelay: 0,
    ...extra,
  });
}

async function signedIn(username = 'admin', tenant_id = 'acme') {
  const c = client();
  await c.login({ username, password: 'audit-demo', tenant_id });
  return c;
}

beforeAll(async () => {
  server = await createAuditLogTestServer({ seed: { eventsPerTenant: 300 } });
});

describe('AuditLogClient against the in-process reference API', () => {
  it('signs in, then lists events with every value of a list filter applied', async () => {
    const c = await signedIn('viewer');
    const page = await c.queryEvents({ severities: ['error', 'critical'] }, { size: 100 });
    expect(page.total).toBeGreaterThan(0);
    expect(new Set(page.items.map((e) => e.severity))).toEqual(new Set(['error', 'critical']));
    expect(page.items.every((e) => e.tenant_id === 'acme')).toBe(true);
  });

  it('accepts Date objects and answers timestamps as UTC strings', async () => {
    const c = await signedIn();
    const since = new Date(Date.now() - 24 * 3600 * 1000);
    const page = await c.queryEvents({ start_date: since }, { size: 5 });
    for (const e of page.items) {
      expect(e.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(e.timestamp)).toBeGreaterThanOrEqual(since.getTime());
    }
  });

  it('refuses an invalid event before sending anything, naming the field', async () => {
    const fetchSpy = vi.fn(server.fetch);
    const c = client({ fetch: fetchSpy });
    await c.login({ username: 'admin', password: 'audit-demo', tenant_id: 'acme' });
    fetchSpy.mockClear();
    const bad = { ...event(1), severity: 'loud' } as unknown as AuditLogEventInput;
    await expect(c.createEvent(bad)).rejects.toThrow(ValidationError);
    await expect(c.createEvent(bad)).rejects.toMatchObject({
      details: { severity: expect.stringMatching(/expected one of/) },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('stores an event once even when its answer is lost and the client retries', async () => {
    let dropped = false;
    const lossy: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
      const response = await server.fetch(input, init);
      if (!dropped && method === 'POST' && url.includes('/audit/events')) {
        dropped = true; // the server stored it; the answer never arrives
        throw new TypeError('network connection lost');
      }
      return response;
    };
    const c = client({ fetch: lossy });
    await c.login({ username: 'writer', password: 'audit-demo', tenant_id: 'globex' });
    const marker = `lost-answer-${Date.now()}`;
    const created = await c.createEvent(event(1, { correlation_id: marker }));
    expect(dropped).toBe(true);
    const reader = await signedIn('admin', 'globex');
    const found = await reader.queryEvents({ correlation_ids: [marker] });
    expect(found.total).toBe(1);
    expect(found.items[0]!.id).toBe(created.id);
  });

  it('splits a large batch into ≤ 1000-event requests and answers in input order', async () => {
    const requests: number[] = [];
    const c = client({
      hooks: {
        onRequest: async (request) => {
          if (request.url.endsWith('/batch'))
            requests.push((await request.clone().json()).audit_logs.length);
        },
      },
    });
    await c.login({ username: 'writer', password: 'audit-demo', tenant_id: 'initech' });
    const inputs = Array.from({ length: 2500 }, (_, i) => event(i, { resource_id: `order-${i}` }));
    const created = await c.createEventsBatch(inputs, { concurrency: 3 });
    expect(requests.sort()).toEqual([1000, 1000, 500]);
    expect(created.map((e) => e.resource_id)).toEqual(inputs.map((e) => e.resource_id));
  });

  it('reports exactly which events were stored when part of a batch fails', async () => {
    let batches = 0;
    const flaky: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/batch') && ++batches === 2) {
        return new Response(JSON.stringify({ error: 'validation_error', message: 'Refused' }), {
          status: 400,
        });
      }
      return server.fetch(input, init);
    };
    const c = client({ fetch: flaky });
    await c.login({ username: 'writer', password: 'audit-demo', tenant_id: 'initech' });
    const inputs = Array.from({ length: 25 }, (_, i) => event(i));
    const error = await c
      .createEventsBatch(inputs, { chunkSize: 10, concurrency: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchError);
    const batch = error as BatchError;
    expect(batch.storedCount).toBe(15);
    expect(batch.failures.map((f) => f.indexes)).toEqual([
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
    ]);
    expect(batch.unstoredEvents).toEqual(inputs.slice(10, 20));
    expect(batch.message).toMatch(/15 of 25 events were stored/);
  });

  it('pages through every match with iterateEvents, and listEvents stops at its limit', async () => {
    const c = await signedIn('viewer', 'globex');
    const query = { event_types: ['authentication' as const, 'api_call' as const] };
    const { total } = await c.queryEvents(query, { size: 1 });
    const seen: string[] = [];
    for await (const e of c.iterateEvents(query, { pageSize: 7 })) seen.push(e.id);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(await c.listEvents(query, { limit: 5 })).toHaveLength(5);
  });

  it('summarises with a timeline', async () => {
    const c = await signedIn('viewer');
    const summary = await c.getSummary(
      { start_date: new Date(Date.now() - 3 * 86_400_000) },
      { interval: 'day' },
    );
    expect(summary.timeline!.length).toBeGreaterThanOrEqual(3);
    expect(summary.timeline!.reduce((n, b) => n + b.count, 0)).toBe(summary.total_count);
  });

  it('exports CSV with progress reaching every row, and JSON as a document', async () => {
    const c = await signedIn('manager');
    const progress: number[] = [];
    const csv = await c.exportEvents(
      { severities: ['warning'] },
      { format: 'csv', onProgress: (p) => progress.push(p.rows) },
    );
    const json = await c.exportEvents({ severities: ['warning'] });
    expect(csv.count).toBe(json.count);
    expect(progress.at(-1)).toBe(json.count);
    expect(csv.fileName).toMatch(/^audit-logs-acme-\d{4}-\d\d-\d\d\.csv$/);
    const lines = (await csv.blob.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,timestamp,tenant_id/);
    expect(lines).toHaveLength(json.count + 1);
  });

  it('lets a system admin act for another tenant with withTenant, and no one else', async () => {
    const root = await signedIn('root', 'acme');
    const globex = root.withTenant('globex');
    const page = await globex.queryEvents({}, { size: 3 });
    expect(page.items.every((e) => e.tenant_id === 'globex')).toBe(true);
    const admin = await signedIn('admin', 'acme');
    await expect(admin.withTenant('globex').queryEvents()).rejects.toThrow(AuthorizationError);
  });

  it('answers a missing event with NotFoundError and encodes ids into one path segment', async () => {
    const c = await signedIn();
    await expect(c.getEvent('../../auth/me')).rejects.toThrow(NotFoundError);
  });

  it('works with an API key', async () => {
    const key = server.seed!.apiKeys.acme!;
    const c = client({ apiKey: key, tenantId: 'acme' });
    const created = await c.createEvent(event(1));
    expect(created.tenant_id).toBe('acme');
    expect(created.user_id).toBeNull();
  });

  it('manages users and API keys', async () => {
    const admin = await signedIn('admin', 'initech');
    const username = `auditor${Date.now()}`;
    const user = await admin.createUser({
      username,
      email: `${username}@example.com`,
      password: 'long-enough-pw',
      roles: ['audit_viewer'],
    });
    expect(await admin.getUser(user.id)).toMatchObject({ username, is_active: true });
    expect(await admin.updateUser(user.id, { full_name: 'A. Auditor' })).toMatchObject({
      full_name: 'A. Auditor',
    });
    const key = await admin.createApiKey({ name: 'ci', permissions: ['read'] });
    expect(key.key).toMatch(/^alk_/);
    await admin.deactivateUser(user.id);
    await expect(
      client().login({ username, password: 'long-enough-pw', tenant_id: 'initech' }),
    ).rejects.toThrow(AuthenticationError);
    expect((await admin.getCurrentUser()).username).toBe('admin');
  });

  it('checks health without credentials', async () => {
    expect((await client().health()).status).toBe('healthy');
  });
});
