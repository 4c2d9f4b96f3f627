import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditLogEvent,
  AuditLogSummary,
  SessionInfo,
  ViewerSessionCreate,
  ViewerSessionResponse,
} from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectContractErrorShapes,
  expectError,
  expectNoSecretsInErrors,
  expectValidationError,
  makeEvent,
  useContractServer,
  type ContractApi,
  type Credentials,
  type Session,
} from './helpers.js';

const SESSIONS = '/api/v1/auth/viewer-sessions';

/** Starts a viewer session as `minter` and answers the answer, remembering its token as a secret. */
async function mint(api: ContractApi, minter: Credentials, body: ViewerSessionCreate) {
  const answer = await api.request<ViewerSessionResponse>(SESSIONS, { ...minter, json: body });
  if (answer.status === 201) api.secrets.add(answer.body.access_token);
  return answer;
}

async function viewer(
  api: ContractApi,
  minter: Credentials,
  body: Partial<ViewerSessionCreate> = {},
): Promise<Credentials & { session: ViewerSessionResponse }> {
  const answer = await mint(api, minter, {
    subject: { id: 'cust-7', display_name: 'Customer Admin', email: 'admin@customer.example' },
    permissions: ['read'],
    ...body,
  });
  expect(answer.status, answer.text).toBe(201);
  return { token: answer.body.access_token, session: answer.body };
}

describe.each(STORE_KINDS)('viewer sessions (%s store)', (kind) => {
  let clock = Date.now();
  const api = useContractServer(kind, { now: () => clock });

  let admin: Session;
  let embedKey: Credentials;
  let invoices: AuditLogEvent[];
  let others: AuditLogEvent[];
  let elsewhere: AuditLogEvent;

  beforeAll(async () => {
    admin = await api.session(['tenant_admin']);
    embedKey = await api.apiKey(admin, ['read', 'export', 'embed']);
    invoices = await api.postBatch(admin.auth, [
      makeEvent({ resource_type: 'invoice', action: 'invoice.paid', description: 'Paid' }),
      makeEvent({ resource_type: 'invoice', action: 'invoice.sent', description: 'Reminder sent' }),
      makeEvent({ resource_type: 'invoice', action: 'invoice.paid', severity: 'warning' }),
    ]);
    others = await api.postBatch(admin.auth, [
      makeEvent({ resource_type: 'user', action: 'user.login', description: 'Reminder seen' }),
      makeEvent({ resource_type: 'project', action: 'invoice.paid', description: 'Odd one' }),
    ]);
    const stranger = await api.session(['tenant_admin']);
    elsewhere = await api.postEvent(stranger.auth, makeEvent({ resource_type: 'invoice' }));
  });

  const ids = (events: readonly AuditLogEvent[]) => events.map((event) => event.id).sort();

  it('mints a bearer token for 900 s by default, with no refresh token', async () => {
    const answer = await mint(api, embedKey, { subject: { id: 'cust-1' }, permissions: ['read'] });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 900,
      expires_at: expect.any(String),
      session_id: expect.any(String),
    });
    const lifetime = Date.parse(answer.body.expires_at) - clock;
    expect(lifetime).toBeGreaterThan(899_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);
  });

  it('reads only its tenant inside its scope: list, get, summary, facets and export', async () => {
    const scoped = await viewer(api, embedKey, {
      permissions: ['read', 'export'],
      scope: { resource_types: ['invoice'] },
    });

    const page = await api.list(scoped);
    expect(ids(page.items)).toEqual(ids(invoices));
    expect(page.total).toBe(3);
    // A filter of its own narrows the scope further, never widens it.
    expect((await api.list(scoped, { resource_types: ['user', 'invoice'] })).total).toBe(3);
    expect((await api.list(scoped, { resource_types: ['user'] })).total).toBe(0);
    expect((await api.list(scoped, { search: 'reminder' })).total).toBe(1);

    const inScope = await api.request<AuditLogEvent>(`/api/v1/audit/events/${invoices[0]!.id}`, {
      ...scoped,
    });
    expect(inScope.status).toBe(200);
    expect(inScope.body.id).toBe(invoices[0]!.id);
    for (const id of [others[0]!.id, elsewhere.id]) {
      expectError(await api.request(`/api/v1/audit/events/${id}`, scoped), 404, 'not_found');
    }

    const summary = await api.request<AuditLogSummary>('/api/v1/audit/summary', {
      ...scoped,
      query: { interval: 'hour' },
    });
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body.total_count).toBe(3);
    expect(summary.body.resource_types).toEqual({ invoice: 3 });
    expect(summary.body.timeline!.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(3);

    const facets = await api.request<{
      total: number;
      facets: Record<string, { value: string; count: number }[]>;
    }>('/api/v1/audit/events/facets', {
      ...scoped,
      query: { fields: ['resource_type', 'event_type'] },
    });
    expect(facets.status, facets.text).toBe(200);
    expect(facets.body.total).toBe(3);
    expect(facets.body.facets['resource_type']).toEqual([{ value: 'invoice', count: 3 }]);

    const exported = await api.request<{ data: AuditLogEvent[]; count: number }>(
      '/api/v1/audit/events/export',
      { ...scoped, query: { format: 'json' } },
    );
    expect(exported.status, exported.text).toBe(200);
    expect(ids(exported.body.data)).toEqual(ids(invoices));
    const csv = await api.request('/api/v1/audit/events/export', {
      ...scoped,
      query: { format: 'csv' },
    });
    expect(csv.text.trim().split('\n')).toHaveLength(1 + 3);
  });

  it('applies scopes the hourly rollups cannot carry (actions, search, exclusions)', async () => {
    const cases: [ViewerSessionCreate['scope'], AuditLogEvent[]][] = [
      [{ actions: ['invoice.paid'] }, [invoices[0]!, invoices[2]!, others[1]!]],
      [{ search: 'reminder' }, [invoices[1]!, others[0]!]],
      [{ exclude_resource_types: ['invoice'] }, others],
      [{ resource_types: ['invoice'], exclude_severities: ['warning'] }, invoices.slice(0, 2)],
    ];
    for (const [scope, expected] of cases) {
      const scoped = await viewer(api, embedKey, { scope });
      const summary = await api.request<AuditLogSummary>('/api/v1/audit/summary', scoped);
      expect(summary.body.total_count, JSON.stringify(scope)).toBe(expected.length);
      expect(ids((await api.list(scoped)).items), JSON.stringify(scope)).toEqual(ids(expected));
    }
  });

  it('without a scope reads its whole tenant and nothing of another', async () => {
    const whole = await viewer(api, embedKey);
    expect(ids((await api.list(whole)).items)).toEqual(ids([...invoices, ...others]));
    expectError(
      await api.request('/api/v1/audit/events', { ...whole, tenant: elsewhere.tenant_id }),
      403,
      'authorization_error',
    );
  });

  it('cannot write, export without the permission, manage, or mint', async () => {
    const reader = await viewer(api, embedKey);
    const refused = [
      await api.request('/api/v1/audit/events', { ...reader, json: makeEvent() }),
      await api.request('/api/v1/audit/events/batch', {
        ...reader,
        json: { audit_logs: [makeEvent()] },
      }),
      await api.request('/api/v1/audit/events/export', reader),
      await api.request('/api/v1/auth/users', {
        ...reader,
        json: { username: api.unique('u'), email: 'u@example.com', password: 'x'.repeat(16) },
      }),
      await api.request('/api/v1/auth/api-keys', {
        ...reader,
        json: { name: 'k', permissions: ['read'] },
      }),
      await api.request('/api/v1/auth/api-keys', reader),
      await mint(api, reader, { subject: { id: 'again' }, permissions: ['read'] }),
      await api.request(`${SESSIONS}/${reader.session.session_id}`, {
        ...reader,
        method: 'DELETE',
      }),
      await api.request('/api/v1/auth/me', reader),
      await api.request('/api/v1/auth/logout', { ...reader, method: 'POST' }),
    ];
    for (const answer of refused) expectError(answer, 403, 'authorization_error');
    expect((await api.list(admin.auth)).total).toBe(5);
    // A scoped session may not ask for proofs over the tenant's whole log.
    const scoped = await viewer(api, embedKey, { scope: { resource_types: ['invoice'] } });
    expectError(await api.request('/api/v1/audit/tree-head', scoped), 403, 'authorization_error');
  });

  it('stops working at its expiry', async () => {
    const short = await viewer(api, embedKey, { ttl_seconds: 60 });
    expect(short.session.expires_in).toBe(60);
    expect((await api.list(short)).total).toBe(5);
    const start = clock;
    try {
      clock = Date.parse(short.session.expires_at) - 1000;
      expect((await api.list(short)).total).toBe(5);
      clock = Date.parse(short.session.expires_at);
      expectError(await api.request('/api/v1/audit/events', short), 401, 'authentication_error');
    } finally {
      clock = start;
    }
  });

  it('refuses lifetimes outside 60..3600 s, unknown permissions and dates in the scope', async () => {
    const subject = { id: 'cust-2' };
    for (const ttl_seconds of [59, 3601]) {
      expectValidationError(
        await mint(api, embedKey, { subject, permissions: ['read'], ttl_seconds }),
        'ttl_seconds',
      );
    }
    const bad = [
      { subject, permissions: ['write'] },
      { subject, permissions: ['export'] },
      { subject, permissions: ['read'], scope: { start_date: '2026-01-01T00:00:00Z' } },
      { subject: { id: '' }, permissions: ['read'] },
    ];
    for (const body of bad) {
      expectError(
        await api.request(SESSIONS, { ...embedKey, json: body }),
        400,
        'validation_error',
      );
    }
  });

  it('ends at once when revoked, and only its own tenant may revoke it', async () => {
    const session = await viewer(api, embedKey);
    const path = `${SESSIONS}/${session.session.session_id}`;
    const stranger = await api.session(['tenant_admin']);
    expectError(await api.request(path, { ...stranger.auth, method: 'DELETE' }), 404, 'not_found');
    expect((await api.list(session)).total).toBe(5);

    const revoked = await api.request(path, { ...embedKey, method: 'DELETE' });
    expect(revoked.status, revoked.text).toBe(204);
    expectError(await api.request('/api/v1/audit/events', session), 401, 'authentication_error');
    expectError(
      await api.request(`${SESSIONS}/no-such-session`, { ...admin.auth, method: 'DELETE' }),
      404,
      'not_found',
    );
  });

  it('never does more than the credential that minted it', async () => {
    const subject = { id: 'cust-3' };
    const readAndEmbed = await api.apiKey(admin, ['read', 'embed']);
    expectError(
      await mint(api, readAndEmbed, { subject, permissions: ['read', 'export'] }),
      403,
      'authorization_error',
    );
    const readOnlyKey = await api.apiKey(admin, ['read', 'export']);
    expectError(
      await mint(api, readOnlyKey, { subject, permissions: ['read'] }),
      403,
      'authorization_error',
    );
    const manager = await api.session(['audit_manager'], admin.tenant);
    expectError(
      await mint(api, manager.auth, { subject, permissions: ['read'] }),
      403,
      'authorization_error',
    );
    const byAdmin = await viewer(api, admin.auth, { permissions: ['read', 'export'] });
    expect((await api.list(byAdmin)).total).toBe(5);

    // Revoking the key that minted a session ends the session too.
    const keyAnswer = await api.request<{ id: string; key: string }>('/api/v1/auth/api-keys', {
      ...admin.auth,
      json: { name: api.unique('key'), permissions: ['read', 'embed'] },
    });
    api.secrets.add(keyAnswer.body.key);
    const minted = await viewer(api, { apiKey: keyAnswer.body.key, tenant: admin.tenant });
    expect((await api.list(minted)).total).toBe(5);
    await api.request(`/api/v1/auth/api-keys/${keyAnswer.body.id}`, {
      ...admin.auth,
      method: 'DELETE',
    });
    expectError(await api.request('/api/v1/audit/events', minted), 401, 'authentication_error');
  });

  it('lets a system admin mint for another tenant, and the session reads that tenant', async () => {
    const sysadmin = await api.session(['system_admin']);
    const session = await viewer(api, { ...sysadmin.auth, tenant: admin.tenant });
    expect(ids((await api.list(session)).items)).toEqual(ids([...invoices, ...others]));
    const info = await api.request<SessionInfo>('/api/v1/auth/session', session);
    expect(info.body.tenant_id).toBe(admin.tenant);
  });

  it('GET /auth/session says what each kind of credential is and may do', async () => {
    const asUser = await api.request<SessionInfo>('/api/v1/auth/session', admin.auth);
    expect(asUser.body).toEqual({
      kind: 'user',
      tenant_id: admin.tenant,
      permissions: ['read', 'write', 'export', 'manage'],
      subject: { id: admin.user.id, display_name: admin.user.full_name, email: admin.user.email },
    });
    const auditor = await api.session(['audit_viewer'], admin.tenant);
    const asAuditor = await api.request<SessionInfo>('/api/v1/auth/session', auditor.auth);
    expect(asAuditor.body.permissions).toEqual(['read']);

    const asKey = await api.request<SessionInfo>('/api/v1/auth/session', embedKey);
    expect(asKey.body).toMatchObject({
      kind: 'api_key',
      tenant_id: admin.tenant,
      permissions: ['read', 'export'],
      subject: { id: expect.stringMatching(/^api_key:alk_/) },
    });

    const scope = { resource_types: ['invoice'] };
    const scoped = await viewer(api, embedKey, { permissions: ['read', 'export'], scope });
    const asViewer = await api.request<SessionInfo>('/api/v1/auth/session', scoped);
    expect(asViewer.body).toEqual({
      kind: 'viewer',
      tenant_id: admin.tenant,
      permissions: ['read', 'export'],
      subject: { id: 'cust-7', display_name: 'Customer Admin', email: 'admin@customer.example' },
      scope,
      expires_at: scoped.session.expires_at,
    });
  });

  it('answers every refusal in the contract shape without leaking a token or key', () => {
    expectContractErrorShapes(api);
    expectNoSecretsInErrors(api);
  });
});
