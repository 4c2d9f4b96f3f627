import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditLogEventCreate,
  AuditLogExport,
  FacetsResponse,
} from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectValidationError,
  makeEvent,
  useContractServer,
  type Query,
  type Session,
} from './helpers.js';

const FACETS = '/api/v1/audit/events/facets';

// Hours on 2026-02-01; a range of whole hours lets the SQL stores add facets up from their
// hourly rollups, a range with partial hours makes them count the edges from the events.
const at = (hour: number, minute = 0) =>
  `2026-02-01T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

// prettier-ignore
const EVENTS: AuditLogEventCreate[] = [
  makeEvent({ timestamp: at(1), action: 'delete', user_id: 'alice', severity: 'error', resource_id: 'apollo', ip_address: '10.0.0.1', description: 'Deleted project Apollo' }),
  makeEvent({ timestamp: at(1, 30), action: 'delete', user_id: 'bob', severity: 'warning', resource_id: 'gemini', ip_address: '10.0.0.1' }),
  makeEvent({ timestamp: at(2), action: 'read', user_id: 'alice', severity: 'info', resource_id: 'apollo' }),
  makeEvent({ timestamp: at(2, 30), action: 'read', user_id: 'bob', severity: 'info', resource_id: 'apollo', event_type: 'data_access' }),
  makeEvent({ timestamp: at(3), action: 'read', user_id: null, severity: 'debug', resource_id: null, event_type: 'data_access' }),
  makeEvent({ timestamp: at(3, 30), action: 'login', user_id: 'carol', severity: 'info', resource_type: 'session', event_type: 'authentication' }),
  makeEvent({ timestamp: at(4), action: 'login', user_id: 'alice', severity: 'critical', resource_type: 'session', event_type: 'authentication', session_id: 'sess-1' }),
];

describe.each(STORE_KINDS)('facets (%s store)', (kind) => {
  const api = useContractServer(kind);
  let reader: Session;

  const facets = (query: Query) => api.request<FacetsResponse>(FACETS, { ...reader.auth, query });
  const counted = async (query: Query) => {
    const answer = await facets(query);
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    // Written with API keys, so an event without a user id keeps none.
    const admin = await api.session(['tenant_admin']);
    reader = await api.session(['audit_viewer'], admin.tenant);
    await api.postBatch(await api.apiKey(admin, ['write']), EVENTS);
    // Another tenant's events with the same values must never be counted.
    const other = await api.session(['tenant_admin']);
    await api.postBatch(await api.apiKey(other, ['write']), EVENTS);
  });

  it('counts each field by count, most frequent first, ties by value, nulls left out', async () => {
    const body = await counted({ fields: ['action', 'user_id', 'resource_id', 'session_id'] });
    expect(body).toEqual({
      total: 7,
      facets: {
        action: [
          { value: 'read', count: 3 },
          { value: 'delete', count: 2 },
          { value: 'login', count: 2 },
        ],
        user_id: [
          { value: 'alice', count: 3 },
          { value: 'bob', count: 2 },
          { value: 'carol', count: 1 },
        ],
        resource_id: [
          { value: 'apollo', count: 3 },
          { value: 'gemini', count: 1 },
        ],
        session_id: [{ value: 'sess-1', count: 1 }],
      },
    });
  });

  it('orders tied severities by name, not by rank', async () => {
    const body = await counted({ fields: 'severity' });
    expect(body.facets.severity).toEqual([
      { value: 'info', count: 3 },
      { value: 'critical', count: 1 },
      { value: 'debug', count: 1 },
      { value: 'error', count: 1 },
      { value: 'warning', count: 1 },
    ]);
  });

  it('keeps the top `limit` values of each field (10 when not given)', async () => {
    const body = await counted({ fields: ['action', 'severity'], limit: 1 });
    expect(body.facets).toEqual({
      action: [{ value: 'read', count: 3 }],
      severity: [{ value: 'info', count: 3 }],
    });
    expect((await counted({ fields: 'user_id' })).facets.user_id).toHaveLength(3);
  });

  it('counts only what the filters, exclusions and search keep', async () => {
    const body = await counted({
      fields: ['action', 'user_id'],
      exclude_actions: 'login',
      exclude_user_ids: 'bob',
    });
    // The event without a user stays: an exclusion never leaves out a null field.
    expect(body).toEqual({
      total: 3,
      facets: {
        action: [
          { value: 'read', count: 2 },
          { value: 'delete', count: 1 },
        ],
        user_id: [{ value: 'alice', count: 2 }],
      },
    });
    const searched = await counted({ fields: 'resource_id', search: 'APOLLO' });
    expect(searched).toEqual({
      total: 3,
      facets: { resource_id: [{ value: 'apollo', count: 3 }] },
    });
    const filtered = await counted({ fields: 'event_type', user_ids: ['alice', 'carol'] });
    expect(filtered.facets.event_type).toEqual([
      { value: 'authentication', count: 2 },
      { value: 'user_action', count: 2 },
    ]);
  });

  it('counts a range of whole hours and one with partial hours alike', async () => {
    const whole = await counted({
      fields: ['event_type', 'severity', 'resource_type'],
      start_date: at(1),
      end_date: '2026-02-01T02:59:59.999Z',
    });
    expect(whole).toEqual({
      total: 4,
      facets: {
        event_type: [
          { value: 'user_action', count: 3 },
          { value: 'data_access', count: 1 },
        ],
        severity: [
          { value: 'info', count: 2 },
          { value: 'error', count: 1 },
          { value: 'warning', count: 1 },
        ],
        resource_type: [{ value: 'document', count: 4 }],
      },
    });
    const partial = await counted({
      fields: ['event_type', 'resource_type'],
      start_date: at(1, 15),
      end_date: at(3, 45),
      exclude_event_types: 'data_access',
    });
    expect(partial).toEqual({
      total: 3,
      facets: {
        event_type: [
          { value: 'user_action', count: 2 },
          { value: 'authentication', count: 1 },
        ],
        resource_type: [
          { value: 'document', count: 2 },
          { value: 'session', count: 1 },
        ],
      },
    });
  });

  it('answers an empty list for each field when nothing matches', async () => {
    expect(await counted({ fields: ['action', 'severity'], user_ids: 'nobody' })).toEqual({
      total: 0,
      facets: { action: [], severity: [] },
    });
  });

  it.each([
    ['fields', {}],
    ['fields', { fields: 'description' }],
    ['fields', { fields: ['action', 'colour'] }],
    ['limit', { fields: 'action', limit: 0 }],
    ['limit', { fields: 'action', limit: 101 }],
    ['limit', { fields: 'action', limit: 'ten' }],
    ['sort_by', { fields: 'action', sort_by: 'action' }],
    ['exclude_severities', { fields: 'action', exclude_severities: 'loud' }],
  ])('refuses a bad %s (%o) with 400', async (field, query) => {
    expectValidationError(await facets(query), field);
  });

  it('is not read as an event id by /events/{id}, and needs a credential', async () => {
    const answer = await facets({ fields: 'action' });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveProperty('facets');
    const anonymous = await api.request(FACETS, { query: { fields: 'action' } });
    expect(anonymous.status).toBe(401);
  });

  it('leaves the same events out of the list, summary and export as out of the facets', async () => {
    const query = { exclude_actions: ['read', 'login'], exclude_user_ids: 'bob' };
    const list = await api.list(reader.auth, query);
    const summary = await api.request<{ total_count: number }>('/api/v1/audit/summary', {
      ...reader.auth,
      query,
    });
    const manager = await api.session(['audit_manager'], reader.tenant);
    const exported = await api.request<AuditLogExport>('/api/v1/audit/events/export', {
      ...manager.auth,
      query: { ...query, format: 'json' },
    });
    const counts = await counted({ ...query, fields: 'action' });
    expect(list.items.map((e) => `${e.action}/${e.user_id}`)).toEqual(['delete/alice']);
    expect(summary.body.total_count).toBe(1);
    expect(exported.body.data.map((e) => e.resource_id)).toEqual(['apollo']);
    expect(counts).toEqual({ total: 1, facets: { action: [{ value: 'delete', count: 1 }] } });
  });
});
