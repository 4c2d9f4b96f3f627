import { describe, expect, it } from 'vitest';
import type { AuditLogEvent, AuditLogEventCreate } from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectError,
  expectContractErrorShapes,
  expectNoSecretsInErrors,
  expectValidationError,
  makeEvent,
  useContractServer,
} from './helpers.js';

const TIMESTAMP_FORMS: [form: string, sent: string, instant: string][] = [
  ['UTC with Z', '2026-01-02T03:04:05Z', '2026-01-02T03:04:05.000Z'],
  ['an offset and milliseconds', '2026-01-02T03:04:05.123+02:00', '2026-01-02T01:04:05.123Z'],
  ['naive with T (UTC)', '2026-01-02T03:04:05', '2026-01-02T03:04:05.000Z'],
  ['naive with a space (UTC)', '2026-01-02 03:04:05', '2026-01-02T03:04:05.000Z'],
];

describe.each(STORE_KINDS)('writing events (%s store)', (kind) => {
  const api = useContractServer(kind);

  it('stores an event and answers it with id, tenant, timestamp and the writer as user', async () => {
    const writer = await api.session(['audit_manager']);
    const sent: AuditLogEventCreate = {
      event_type: 'data_modification',
      resource_type: 'invoice',
      action: 'update',
      severity: 'warning',
      description: 'Changed the amount',
      resource_id: 'inv-42',
      metadata: { field: 'amount', from: 10, to: 12, nested: { ok: true } },
      ip_address: '203.0.113.9',
      user_agent: 'contract-test/1.0',
      session_id: 'sess-1',
      correlation_id: 'corr-1',
    };
    const before = Date.now();
    const answer = await api.request<AuditLogEvent>('/api/v1/audit/events', {
      ...writer.auth,
      json: sent,
    });
    const after = Date.now();
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      ...sent,
      id: expect.any(String),
      tenant_id: writer.tenant,
      user_id: writer.user.id,
      timestamp: expect.stringMatching(/Z$/),
      created_at: expect.stringMatching(/Z$/),
    });
    const filledAt = Date.parse(answer.body.timestamp);
    expect(filledAt).toBeGreaterThanOrEqual(before - 1000);
    expect(filledAt).toBeLessThanOrEqual(after + 1000);

    const read = await api.request<AuditLogEvent>(
      `/api/v1/audit/events/${answer.body.id}`,
      writer.auth,
    );
    expect(read.status).toBe(200);
    expect(read.body).toEqual(answer.body);
  });

  it('keeps a user_id the writer names instead of the token user', async () => {
    const writer = await api.session(['api_user']);
    const event = await api.postEvent(writer.auth, makeEvent({ user_id: 'customer-77' }));
    expect(event.user_id).toBe('customer-77');
  });

  it.each(TIMESTAMP_FORMS)(
    'accepts a timestamp given as %s and answers it in UTC with Z',
    async (_form, sent, instant) => {
      const writer = await api.session(['audit_manager']);
      const event = await api.postEvent(writer.auth, makeEvent({ timestamp: sent }));
      expect(event.timestamp).toMatch(/Z$/);
      expect(Date.parse(event.timestamp)).toBe(Date.parse(instant));
      const read = await api.request<AuditLogEvent>(
        `/api/v1/audit/events/${event.id}`,
        writer.auth,
      );
      expect(read.body.timestamp).toMatch(/Z$/);
      expect(Date.parse(read.body.timestamp)).toBe(Date.parse(instant));
    },
  );

  it.each([
    ['a missing severity', { severity: undefined }, 'severity'],
    ['an unknown event type', { event_type: 'gossip' }, 'event_type'],
    ['an unknown severity', { severity: 'catastrophic' }, 'severity'],
    ['an empty description', { description: '' }, 'description'],
    ['an impossible timestamp', { timestamp: '2026-02-30T10:00:00Z' }, 'timestamp'],
    ['a timestamp that is not a date', { timestamp: 'yesterday' }, 'timestamp'],
    ['metadata that is not an object', { metadata: 'flat' }, 'metadata'],
  ])('refuses an event with %s, naming the field', async (_case, change, field) => {
    const writer = await api.session(['audit_manager']);
    const answer = await api.request('/api/v1/audit/events', {
      ...writer.auth,
      json: { ...makeEvent(), ...change },
    });
    expectValidationError(answer, field);
    expect((await api.list(writer.auth)).total).toBe(0);
  });

  it('stores a batch and answers the events in the order sent', async () => {
    const writer = await api.session(['audit_manager']);
    const sent = ['first', 'second', 'third', 'fourth'].map((description, index) =>
      makeEvent({ description, timestamp: `2026-01-0${4 - index}T00:00:00Z` }),
    );
    const answer = await api.request<AuditLogEvent[]>('/api/v1/audit/events/batch', {
      ...writer.auth,
      json: { audit_logs: sent },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.map((event) => event.description)).toEqual([
      'first',
      'second',
      'third',
      'fourth',
    ]);
    expect(new Set(answer.body.map((event) => event.id)).size).toBe(4);
    expect(answer.body.every((event) => event.user_id === writer.user.id)).toBe(true);
    expect((await api.list(writer.auth)).total).toBe(4);
  });

  it('stores a batch of exactly 1000 events', async () => {
    const writer = await api.session(['api_user']);
    const viewer = await api.session(['audit_viewer'], writer.tenant);
    const sent = Array.from({ length: 1000 }, (_, i) => makeEvent({ description: `row ${i}` }));
    const stored = await api.postBatch(writer.auth, sent);
    expect(stored).toHaveLength(1000);
    expect(stored[999]!.description).toBe('row 999');
    expect((await api.list(viewer.auth, { size: 1 })).total).toBe(1000);
  });

  it('refuses a batch of 1001 events and stores none of them', async () => {
    const writer = await api.session(['audit_manager']);
    const sent = Array.from({ length: 1001 }, (_, i) => makeEvent({ description: `row ${i}` }));
    const answer = await api.request('/api/v1/audit/events/batch', {
      ...writer.auth,
      json: { audit_logs: sent },
    });
    expectValidationError(answer, 'audit_logs');
    expect((await api.list(writer.auth)).total).toBe(0);
  });

  it('refuses an empty batch', async () => {
    const writer = await api.session(['audit_manager']);
    const answer = await api.request('/api/v1/audit/events/batch', {
      ...writer.auth,
      json: { audit_logs: [] },
    });
    expectValidationError(answer, 'audit_logs');
  });

  it('refuses a whole batch when one event is invalid, naming its index and field', async () => {
    const writer = await api.session(['audit_manager']);
    const sent: unknown[] = [
      makeEvent({ description: 'fine 0' }),
      makeEvent({ description: 'fine 1' }),
      { ...makeEvent({ description: 'broken 2' }), severity: 'loud' },
      makeEvent({ description: 'fine 3' }),
    ];
    const answer = await api.request('/api/v1/audit/events/batch', {
      ...writer.auth,
      json: { audit_logs: sent },
    });
    const body = expectValidationError(answer, 'audit_logs.2.severity');
    expect(Object.keys(body.details ?? {})).toEqual(['audit_logs.2.severity']);
    expect((await api.list(writer.auth)).total).toBe(0);
  });

  it('answers 404 for an event id that does not exist', async () => {
    const reader = await api.session(['audit_viewer']);
    for (const id of [crypto.randomUUID(), 'no-such-event']) {
      const answer = await api.request(`/api/v1/audit/events/${id}`, reader.auth);
      expectError(answer, 404, 'not_found');
    }
  });

  describe('with an Idempotency-Key', () => {
    it('answers a repeat of the same request with the first event and stores nothing new', async () => {
      const writer = await api.session(['audit_manager']);
      const key = api.unique('idem');
      const event = makeEvent({ description: 'charged the card' });
      const send = () =>
        api.request<AuditLogEvent>('/api/v1/audit/events', {
          ...writer.auth,
          json: event,
          headers: { 'Idempotency-Key': key },
        });
      const first = await send();
      const second = await send();
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect((await api.list(writer.auth)).total).toBe(1);
    });

    it('refuses the same key with a different body with 409 and stores nothing', async () => {
      const writer = await api.session(['audit_manager']);
      const key = api.unique('idem');
      const first = await api.request<AuditLogEvent>('/api/v1/audit/events', {
        ...writer.auth,
        json: makeEvent({ description: 'original' }),
        headers: { 'Idempotency-Key': key },
      });
      expect(first.status).toBe(201);
      const clash = await api.request('/api/v1/audit/events', {
        ...writer.auth,
        json: makeEvent({ description: 'something else' }),
        headers: { 'Idempotency-Key': key },
      });
      expectError(clash, 409, 'conflict');
      const page = await api.list(writer.auth);
      expect(page.items.map((event) => event.description)).toEqual(['original']);
    });

    it('replays a whole batch with the same ids and stores nothing new', async () => {
      const writer = await api.session(['api_user']);
      const viewer = await api.session(['audit_viewer'], writer.tenant);
      const key = api.unique('idem');
      const body = {
        audit_logs: [makeEvent({ description: 'a' }), makeEvent({ description: 'b' })],
      };
      const send = (json: unknown) =>
        api.request<AuditLogEvent[]>('/api/v1/audit/events/batch', {
          ...writer.auth,
          json,
          headers: { 'Idempotency-Key': key },
        });
      const first = await send(body);
      const second = await send(body);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body.map((event) => event.id)).toEqual(first.body.map((event) => event.id));
      expect((await api.list(viewer.auth)).total).toBe(2);

      const changed = await send({ audit_logs: [makeEvent({ description: 'c' })] });
      expectError(changed, 409, 'conflict');
      expect((await api.list(viewer.auth)).total).toBe(2);
    });

    it('keeps a key free for a corrected retry after a refused request', async () => {
      const writer = await api.session(['audit_manager']);
      const headers = { 'Idempotency-Key': api.unique('idem') };
      const refused = await api.request('/api/v1/audit/events', {
        ...writer.auth,
        json: { ...makeEvent(), severity: 'loud' },
        headers,
      });
      expectValidationError(refused, 'severity');
      const fixed = await api.request<AuditLogEvent>('/api/v1/audit/events', {
        ...writer.auth,
        json: makeEvent({ description: 'fixed' }),
        headers,
      });
      expect(fixed.status).toBe(201);
      expect(fixed.body.description).toBe('fixed');
    });

    it('treats the same key from two tenants as two requests', async () => {
      const one = await api.session(['audit_manager']);
      const two = await api.session(['audit_manager']);
      const key = api.unique('idem');
      const event = makeEvent({ description: 'same words' });
      const headers = { 'Idempotency-Key': key };
      const a = await api.request<AuditLogEvent>('/api/v1/audit/events', {
        ...one.auth,
        json: event,
        headers,
      });
      const b = await api.request<AuditLogEvent>('/api/v1/audit/events', {
        ...two.auth,
        json: event,
        headers,
      });
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.body.id).not.toBe(a.body.id);
      expect(b.body.tenant_id).toBe(two.tenant);
      expect((await api.list(two.auth)).total).toBe(1);
    });
  });

  it('never puts a password, token or API key in an error answer', () => {
    expectNoSecretsInErrors(api);
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });
});
