import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditLogEvent,
  AuditLogEventCreate,
  PaginatedAuditLogs,
  Severity,
  SortField,
} from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectContractErrorShapes,
  expectNoSecretsInErrors,
  expectValidationError,
  useContractServer,
  type Query,
  type Session,
} from './helpers.js';

type Row = [
  label: string,
  timestamp: string,
  event_type: AuditLogEventCreate['event_type'],
  severity: Severity,
  action: string,
  resource_type: string,
  resource_id: string,
  user_id: string,
  ip_address: string | null,
  session_id: string | null,
  correlation_id: string | null,
  description: string,
];

// Search markers: "kiwi" only in a description, "mango" only in an action, "papaya" only in a
// resource type, "lime" only in a resource id, "guava" only in a user id; "plum" only in
// fields the search does not cover (session id, metadata).
// prettier-ignore
const ROWS: Row[] = [
  ['e0', '2026-01-01T00:00:00Z', 'authentication', 'info', 'login', 'session', 's-1', 'alice', '10.0.0.1', 'sess-a', 'corr-1', 'Alice signed in'],
  ['e1', '2026-01-01T01:00:00Z', 'data_access', 'debug', 'read', 'document', 'doc-1', 'alice', '10.0.0.1', 'sess-a', 'corr-1', 'Read the KIWI report'],
  ['e2', '2026-01-01T02:00:00Z', 'data_modification', 'warning', 'mango-update', 'document', 'doc-1', 'bob', '10.0.0.2', 'sess-b', 'corr-2', 'Updated the budget sheet'],
  ['e3', '2026-01-01T03:00:00Z', 'data_modification', 'error', 'delete', 'papaya_doc', 'doc-2', 'bob', '10.0.0.2', 'sess-b', 'corr-2', 'Deleted a draft'],
  ['e4', '2026-01-02T00:00:00Z', 'system_event', 'critical', 'restart', 'service', 'api', 'system', null, null, null, 'Service restarted'],
  ['e5', '2026-01-02T12:00:00Z', 'user_action', 'info', 'export', 'report', 'LIME-9', 'carol', '10.0.0.3', 'sess-c', 'corr-3', 'Exported the BUDGET report'],
  ['e6', '2026-01-03T00:00:00Z', 'api_call', 'info', 'call', 'endpoint', '/v1/x', 'api-client', '10.0.0.4', 'sess-plum', 'corr-4', 'Webhook delivered'],
  ['e7', '2026-01-03T06:00:00Z', 'error', 'error', 'call', 'endpoint', '/v1/y', 'guava-bot', '10.0.0.4', null, 'corr-4', 'Webhook failed'],
  ['e8', '2026-01-04T00:00:00Z', 'authorization', 'warning', 'deny', 'document', 'doc-3', 'dave', '10.0.0.5', 'sess-d', 'corr-5', 'Access denied for Ödön'],
];
const ALL = ROWS.map((row) => row[0]);
/** Written in this order, one second apart, so created_at order differs from timestamp order. */
const WRITE_ORDER = ['e5', 'e2', 'e8', 'e0', 'e7', 'e3', 'e1', 'e6', 'e4'];

function toEvent(row: Row): AuditLogEventCreate {
  const [label, timestamp, event_type, severity, action, resource_type, resource_id, user_id] = row;
  const [, , , , , , , , ip_address, session_id, correlation_id, description] = row;
  return {
    timestamp,
    event_type,
    severity,
    action,
    resource_type,
    resource_id,
    user_id,
    ip_address,
    session_id,
    correlation_id,
    description,
    metadata: { label, note: label === 'e6' ? 'plum' : 'none' },
  };
}

const SEVERITY_RANK: Record<Severity, number> = {
  debug: 0,
  info: 1,
  warning: 2,
  error: 3,
  critical: 4,
};

const SORT_KEYS: Record<SortField, (e: AuditLogEvent) => string | number> = {
  timestamp: (e: AuditLogEvent) => e.timestamp,
  severity: (e: AuditLogEvent) => SEVERITY_RANK[e.severity],
  event_type: (e: AuditLogEvent) => e.event_type,
  action: (e: AuditLogEvent) => e.action,
  resource_type: (e: AuditLogEvent) => e.resource_type,
  user_id: (e: AuditLogEvent) => e.user_id ?? '',
  created_at: (e: AuditLogEvent) => e.created_at,
};

const labelOf = (event: AuditLogEvent) => String(event.metadata?.label);

describe.each(STORE_KINDS)('querying events (%s store)', (kind) => {
  // A clock the test moves, so each event gets its own created_at.
  let clock = Date.now();
  const api = useContractServer(kind, { now: () => clock });
  let reader: Session;

  const query = (params: Query) =>
    api.request<PaginatedAuditLogs>('/api/v1/audit/events', { ...reader.auth, query: params });
  const labels = async (params: Query) => {
    const answer = await query({ size: 1000, ...params });
    expect(answer.status, answer.text).toBe(200);
    return answer.body.items.map(labelOf).sort();
  };

  beforeAll(async () => {
    const writer = await api.session(['audit_manager']);
    reader = await api.session(['audit_viewer'], writer.tenant);
    for (const label of WRITE_ORDER) {
      clock += 1000;
      await api.postEvent(writer.auth, toEvent(ROWS.find((row) => row[0] === label)!));
    }
  });

  it('lists every event, newest first, when no filter is given', async () => {
    const answer = await query({});
    expect(answer.status).toBe(200);
    expect(answer.body.items.map(labelOf)).toEqual([...ALL].reverse());
    expect(answer.body).toMatchObject({ total: 9, page: 1, size: 50, pages: 1 });
  });

  it.each([
    ['event_types', ['data_modification'], ['e2', 'e3']],
    ['resource_types', ['endpoint'], ['e6', 'e7']],
    ['resource_ids', ['doc-1'], ['e1', 'e2']],
    ['actions', ['call'], ['e6', 'e7']],
    ['severities', ['warning'], ['e2', 'e8']],
    ['user_ids', ['bob'], ['e2', 'e3']],
    ['ip_addresses', ['10.0.0.4'], ['e6', 'e7']],
    ['session_ids', ['sess-a'], ['e0', 'e1']],
    ['correlation_ids', ['corr-2'], ['e2', 'e3']],
  ])('filters by %s=%s', async (name, values, expected) => {
    expect(await labels({ [name]: values })).toEqual(expected);
  });

  it.each([
    ['event_types', ['data_modification', 'api_call'], ['e2', 'e3', 'e6']],
    ['resource_types', ['endpoint', 'report'], ['e5', 'e6', 'e7']],
    ['resource_ids', ['doc-1', 'api'], ['e1', 'e2', 'e4']],
    ['actions', ['call', 'deny'], ['e6', 'e7', 'e8']],
    ['severities', ['warning', 'critical'], ['e2', 'e4', 'e8']],
    ['user_ids', ['bob', 'carol'], ['e2', 'e3', 'e5']],
    ['ip_addresses', ['10.0.0.4', '10.0.0.5'], ['e6', 'e7', 'e8']],
    ['session_ids', ['sess-a', 'sess-d'], ['e0', 'e1', 'e8']],
    ['correlation_ids', ['corr-2', 'corr-5'], ['e2', 'e3', 'e8']],
  ])('ORs repeated %s values (%s)', async (name, values, expected) => {
    expect(await labels({ [name]: values })).toEqual(expected);
  });

  it.each([
    ['event_types', ['data_modification'], ['e0', 'e1', 'e4', 'e5', 'e6', 'e7', 'e8']],
    ['actions', ['call', 'deny'], ['e0', 'e1', 'e2', 'e3', 'e4', 'e5']],
    ['severities', ['info', 'debug'], ['e2', 'e3', 'e4', 'e7', 'e8']],
    // e4 has no address, e4 and e7 no session: a null field is never excluded.
    ['ip_addresses', ['10.0.0.1', '10.0.0.2', '10.0.0.4'], ['e4', 'e5', 'e8']],
    ['session_ids', ['sess-a', 'sess-b', 'sess-c', 'sess-d', 'sess-plum'], ['e4', 'e7']],
  ])(
    'leaves out exclude_%s=%s, never an event whose field is null',
    async (name, values, expected) => {
      expect(await labels({ [`exclude_${name}`]: values })).toEqual(expected);
    },
  );

  it('excludes within what a filter includes, in the list and the summary alike', async () => {
    const params = { user_ids: ['alice', 'bob'], exclude_actions: ['read'] };
    expect(await labels(params)).toEqual(['e0', 'e2', 'e3']);
    const summary = await api.request<{ total_count: number }>('/api/v1/audit/summary', {
      ...reader.auth,
      query: params,
    });
    expect(summary.body.total_count).toBe(3);
  });

  it('ANDs different filters together', async () => {
    expect(
      await labels({ event_types: 'data_modification', user_ids: 'bob', severities: 'error' }),
    ).toEqual(['e3']);
    expect(
      await labels({ event_types: ['data_modification', 'error'], severities: ['error'] }),
    ).toEqual(['e3', 'e7']);
    expect(await labels({ event_types: 'authentication', user_ids: 'bob' })).toEqual([]);
  });

  it('includes events exactly on both ends of a date range', async () => {
    const range = { start_date: '2026-01-01T01:00:00Z', end_date: '2026-01-01T03:00:00Z' };
    expect(await labels(range)).toEqual(['e1', 'e2', 'e3']);
  });

  it('reads range bounds in every accepted timestamp form', async () => {
    expect(
      await labels({
        start_date: '2026-01-01T03:00:00.000+02:00',
        end_date: '2026-01-01 03:00:00',
      }),
    ).toEqual(['e1', 'e2', 'e3']);
    expect(await labels({ start_date: '2026-01-03T00:00:00' })).toEqual(['e6', 'e7', 'e8']);
    expect(await labels({ end_date: '2026-01-01T00:59:59.999Z' })).toEqual(['e0']);
  });

  it.each([
    ['kiwi', 'a description', ['e1']],
    ['MANGO', 'an action', ['e2']],
    ['Papaya', 'a resource type', ['e3']],
    ['lime', 'a resource id', ['e5']],
    ['GUAVA', 'a user id', ['e7']],
    ['bUdGeT', 'two descriptions in different cases', ['e2', 'e5']],
  ])('finds "%s" in %s, ignoring case', async (search, _where, expected) => {
    expect(await labels({ search })).toEqual(expected);
  });

  it('does not search fields outside description, action, resource type, resource id and user', async () => {
    expect(await labels({ search: 'plum' })).toEqual([]);
  });

  it('treats % and _ in a search as plain characters, not wildcards', async () => {
    expect(await labels({ search: '_' })).toEqual(['e3']);
    expect(await labels({ search: '%' })).toEqual([]);
    expect(await labels({ search: 'a%e' })).toEqual([]);
    expect(await labels({ search: 'w_bhook' })).toEqual([]);
  });

  it('ignores the case of letters beyond ASCII', async () => {
    expect(await labels({ search: 'ÖDÖN' })).toEqual(['e8']);
  });

  it.each(
    (Object.keys(SORT_KEYS) as SortField[]).flatMap((field) =>
      (['asc', 'desc'] as const).map((order) => ({ field, order })),
    ),
  )('sorts by $field $order', async ({ field, order }) => {
    const answer = await query({ sort_by: field, sort_order: order });
    expect(answer.status).toBe(200);
    const keys = answer.body.items.map(SORT_KEYS[field]);
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
    expect(answer.body.items.map(labelOf).sort()).toEqual(ALL);
  });

  it('puts critical events first when sorting by severity descending', async () => {
    const answer = await query({ sort_by: 'severity', sort_order: 'desc' });
    expect(answer.body.items.map((event) => event.severity)).toEqual([
      'critical',
      'error',
      'error',
      'warning',
      'warning',
      'info',
      'info',
      'info',
      'debug',
    ]);
  });

  it('orders by time of writing with sort_by=created_at', async () => {
    const answer = await query({ sort_by: 'created_at', sort_order: 'asc' });
    expect(answer.body.items.map(labelOf)).toEqual(WRITE_ORDER);
  });

  it('sorts oldest first with sort_order=asc and the default sort field', async () => {
    const answer = await query({ sort_order: 'asc' });
    expect(answer.body.items.map(labelOf)).toEqual(ALL);
  });

  it('splits the list into ceil(total/size) pages that together hold every event once', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const answer = await query({ page, size: 4 });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ total: 9, page, size: 4, pages: 3 });
      expect(answer.body.items).toHaveLength(page === 3 ? 1 : 4);
      seen.push(...answer.body.items.map(labelOf));
    }
    expect(seen).toEqual([...ALL].reverse());
  });

  it.each([
    [{ size: 1 }, 9],
    [{ size: 9 }, 1],
    [{ size: 10 }, 1],
    [{ size: 1000 }, 1],
    [{ size: 2, severities: 'info' }, 2],
  ])('reports pages = ceil(total/size) for %o', async (params, pages) => {
    const answer = await query(params);
    expect(answer.status).toBe(200);
    expect(answer.body.pages).toBe(pages);
    expect(answer.body.pages).toBe(Math.ceil(answer.body.total / answer.body.size));
  });

  it('answers an empty page beyond the last one, still counting the total', async () => {
    const answer = await query({ page: 4, size: 4 });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ items: [], total: 9, page: 4, size: 4, pages: 3 });
  });

  it("counts a search's matches on each of its pages and beyond the last one", async () => {
    // "budget" is in e2's and e5's descriptions; the stores count a search as they page it.
    const first = await query({ search: 'budget', size: 1 });
    expect(first.body).toMatchObject({ total: 2, page: 1, size: 1, pages: 2 });
    expect(first.body.items).toHaveLength(1);
    const beyond = await query({ search: 'budget', size: 1, page: 3 });
    expect(beyond.body).toEqual({ items: [], total: 2, page: 3, size: 1, pages: 2 });
  });

  it('answers no pages for a filter that matches nothing', async () => {
    const answer = await query({ user_ids: 'nobody' });
    expect(answer.body).toMatchObject({ items: [], total: 0, pages: 0 });
  });

  it.each([
    ['page', { page: 0 }],
    ['page', { page: -1 }],
    ['page', { page: 'two' }],
    ['size', { size: 0 }],
    ['size', { size: 1001 }],
    ['size', { size: 2.5 }],
    ['event_types', { event_types: 'gossip' }],
    ['event_types', { event_types: ['user_action', 'gossip'] }],
    ['severities', { severities: 'loud' }],
    ['sort_by', { sort_by: 'colour' }],
    ['sort_order', { sort_order: 'sideways' }],
    ['start_date', { start_date: 'yesterday' }],
    ['end_date', { end_date: '2026-13-01T00:00:00Z' }],
  ])('refuses a bad %s (%o) with 400 instead of an empty list', async (field, params) => {
    expectValidationError(await query(params), field);
  });

  it.each([
    ['/api/v1/audit/summary', { severities: 'loud' }, 'severities'],
    ['/api/v1/audit/summary', { start_date: 'soon' }, 'start_date'],
    ['/api/v1/audit/summary', { sort_by: 'colour' }, 'sort_by'],
    ['/api/v1/audit/events/export', { event_types: 'gossip' }, 'event_types'],
    ['/api/v1/audit/events/export', { end_date: '2026-01-01T25:00:00Z' }, 'end_date'],
    ['/api/v1/audit/events/export', { sort_by: 'colour' }, 'sort_by'],
  ])('refuses bad filters on %s too (%o)', async (path, params, field) => {
    const root = await api.session(['tenant_admin'], reader.tenant);
    const answer = await api.request(path, { ...root.auth, query: params });
    expectValidationError(answer, field);
  });

  it('never puts a password, token or API key in an error answer', () => {
    expectNoSecretsInErrors(api);
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });
});
