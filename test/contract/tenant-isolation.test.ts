import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditLogEvent,
  AuditLogExport,
  AuditLogSummary,
  UserResponse,
} from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  csvRecords,
  expectError,
  expectContractErrorShapes,
  expectNoSecretsInErrors,
  makeEvent,
  sortedIds,
  useContractServer,
  type Credentials,
  type Session,
} from './helpers.js';

describe.each(STORE_KINDS)('walls between tenants (%s store)', (kind) => {
  const api = useContractServer(kind);
  let alpha: Session;
  let beta: Session;
  let alphaEvents: AuditLogEvent[];
  let betaEvents: AuditLogEvent[];
  let alphaKey: Credentials;

  beforeAll(async () => {
    alpha = await api.session(['tenant_admin']);
    beta = await api.session(['tenant_admin']);
    alphaEvents = await api.postBatch(alpha.auth, [
      makeEvent({ description: 'alpha one', resource_type: 'alpha_doc' }),
      makeEvent({ description: 'alpha two', resource_type: 'alpha_doc' }),
    ]);
    betaEvents = await api.postBatch(beta.auth, [
      makeEvent({ description: 'beta one', resource_type: 'beta_doc', severity: 'critical' }),
      makeEvent({ description: 'beta two', resource_type: 'beta_doc' }),
      makeEvent({ description: 'beta three', resource_type: 'beta_doc' }),
    ]);
    alphaKey = await api.apiKey(alpha, ['read', 'write', 'export']);
  });

  it.each([
    ['a signed-in user', () => alpha.auth],
    ['an API key', () => alphaKey],
  ])('shows %s only its own tenant in the event list', async (_who, auth) => {
    const page = await api.list(auth());
    expect(page.total).toBe(alphaEvents.length);
    expect(sortedIds(page.items)).toEqual(sortedIds(alphaEvents));
    expect(page.items.every((event) => event.tenant_id === alpha.tenant)).toBe(true);
  });

  it.each([
    ['a signed-in user', () => alpha.auth],
    ['an API key', () => alphaKey],
  ])("answers 404 when %s asks for another tenant's event by id", async (_who, auth) => {
    const answer = await api.request(`/api/v1/audit/events/${betaEvents[0]!.id}`, auth());
    expectError(answer, 404, 'not_found');
    expect(answer.text).not.toContain('beta one');
  });

  it("counts only the caller's tenant in the summary", async () => {
    const answer = await api.request<AuditLogSummary>('/api/v1/audit/summary', alpha.auth);
    expect(answer.status).toBe(200);
    expect(answer.body.total_count).toBe(alphaEvents.length);
    expect(answer.body.resource_types).toEqual({ alpha_doc: alphaEvents.length });
    expect(answer.body.severities.critical ?? 0).toBe(0);
  });

  it("exports only the caller's tenant, as JSON and as CSV", async () => {
    const json = await api.request<AuditLogExport>('/api/v1/audit/events/export', {
      ...alpha.auth,
      query: { format: 'json' },
    });
    expect(json.status).toBe(200);
    expect(sortedIds(json.body.data)).toEqual(sortedIds(alphaEvents));

    const csv = await api.request<string>('/api/v1/audit/events/export', {
      ...alphaKey,
      query: { format: 'csv' },
    });
    expect(csv.status).toBe(200);
    const { records } = csvRecords(csv.text);
    expect(records.map((row) => row.id).sort()).toEqual(sortedIds(alphaEvents));
    expect(csv.text).not.toContain('beta');
  });

  it("writes into the caller's tenant only, whatever tenant_id the body claims", async () => {
    const writer = await api.session(['audit_manager']);
    const before = (await api.list(beta.auth)).total;
    const answer = await api.request<AuditLogEvent>('/api/v1/audit/events', {
      ...writer.auth,
      json: { ...makeEvent({ description: 'smuggled' }), tenant_id: beta.tenant },
    });
    expect([201, 400]).toContain(answer.status);
    if (answer.status === 201) expect(answer.body.tenant_id).toBe(writer.tenant);
    expect((await api.list(beta.auth)).total).toBe(before);
  });

  it.each([
    ['read events', { method: 'GET', path: '/api/v1/audit/events' }],
    ['read the summary', { method: 'GET', path: '/api/v1/audit/summary' }],
    ['export', { method: 'GET', path: '/api/v1/audit/events/export' }],
    ['write an event', { method: 'POST', path: '/api/v1/audit/events' }],
    ['write a batch', { method: 'POST', path: '/api/v1/audit/events/batch' }],
  ])(
    'forbids a tenant admin naming another tenant in X-Tenant-ID to %s',
    async (_what, { method, path }) => {
      const before = (await api.list(beta.auth)).total;
      const json =
        method === 'POST'
          ? path.endsWith('batch')
            ? { audit_logs: [makeEvent()] }
            : makeEvent()
          : undefined;
      const answer = await api.request(path, {
        ...alpha.auth,
        tenant: beta.tenant,
        method,
        json,
      });
      expectError(answer, 403, 'authorization_error');
      expect((await api.list(beta.auth)).total).toBe(before);
    },
  );

  it('refuses an API key naming another tenant, for reads and writes', async () => {
    const before = (await api.list(beta.auth)).total;
    const asBeta = { apiKey: alphaKey.apiKey!, tenant: beta.tenant };
    expectError(await api.request('/api/v1/audit/events', asBeta), 401, 'authentication_error');
    const write = await api.request('/api/v1/audit/events', { ...asBeta, json: makeEvent() });
    expectError(write, 401, 'authentication_error');
    expect((await api.list(beta.auth)).total).toBe(before);
  });

  it("accepts X-Tenant-ID naming the caller's own tenant", async () => {
    const page = await api.list({ ...alpha.auth, tenant: alpha.tenant });
    expect(page.items.map((event) => event.id)).toEqual(
      (await api.list(alpha.auth)).items.map((event) => event.id),
    );
    expect(page.items.map((event) => event.id)).toEqual(
      expect.arrayContaining(alphaEvents.map((event) => event.id)),
    );
  });

  it('lets a system admin read and write another tenant named in X-Tenant-ID', async () => {
    const root = await api.session(['system_admin']);
    const asBeta = { ...root.auth, tenant: beta.tenant };
    const page = await api.list(asBeta);
    expect(sortedIds(page.items)).toEqual(expect.arrayContaining(sortedIds(betaEvents)));
    expect(page.items.every((event) => event.tenant_id === beta.tenant)).toBe(true);

    const one = await api.request<AuditLogEvent>(
      `/api/v1/audit/events/${betaEvents[0]!.id}`,
      asBeta,
    );
    expect(one.status).toBe(200);
    expect(one.body.description).toBe('beta one');

    const written = await api.postEvent(asBeta, makeEvent({ description: 'by root' }));
    expect(written.tenant_id).toBe(beta.tenant);
    const own = await api.list(root.auth);
    expect(own.items.map((event) => event.id)).not.toContain(written.id);
  });

  it("keeps another tenant's users out of reach: read, update and delete answer 404", async () => {
    const path = `/api/v1/auth/users/${beta.user.id}`;
    expectError(await api.request(path, alpha.auth), 404, 'not_found');
    expectError(
      await api.request(path, { ...alpha.auth, method: 'PUT', json: { full_name: 'Hijacked' } }),
      404,
      'not_found',
    );
    expectError(await api.request(path, { ...alpha.auth, method: 'DELETE' }), 404, 'not_found');
    const still = await api.request<UserResponse>('/api/v1/auth/me', beta.auth);
    expect(still.status).toBe(200);
    expect(still.body.is_active).toBe(true);
    expect(still.body.full_name).not.toBe('Hijacked');
  });

  it('never puts a password, token or API key in an error answer', () => {
    expectNoSecretsInErrors(api);
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });
});
