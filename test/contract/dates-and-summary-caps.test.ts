import { describe, expect, it } from 'vitest';
import type { AuditLogEvent, AuditLogSummary } from '../../src/contract/schemas/index.js';
import {
  MAX_SUMMARY_RESOURCE_TYPES,
  MAX_TIMELINE_BUCKETS,
} from '../../src/server/routes/summary-route.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectValidationError,
  makeEvent,
  useContractServer,
  type Query,
  type Session,
} from './helpers.js';

const DAY = 86_400_000;

describe.each(STORE_KINDS)('dates of any year and capped summaries (%s store)', (kind) => {
  const api = useContractServer(kind);

  const tenantWith = async (timestamps: string[]): Promise<Session> => {
    const writer = await api.session(['audit_manager']);
    await api.postBatch(
      writer.auth,
      timestamps.map((timestamp) => makeEvent({ timestamp })),
    );
    return writer;
  };

  const summary = async (session: Session, query: Query) => {
    const answer = await api.request<AuditLogSummary>('/api/v1/audit/summary', {
      ...session.auth,
      query,
    });
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  };

  it.each([
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['0050-06-15T12:00:00Z', '0050-06-15T12:00:00.000Z'],
    ['0099-12-31T23:59:59.999Z', '0099-12-31T23:59:59.999Z'],
    ['1990-01-01T00:00:00+01:00', '1989-12-31T23:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('stores %s as %s, exactly, and finds it by its date', async (sent, kept) => {
    const writer = await api.session(['audit_manager']);
    const stored = await api.postEvent(writer.auth, makeEvent({ timestamp: sent }));
    expect(stored.timestamp).toBe(kept);
    const read = await api.request<AuditLogEvent>(`/api/v1/audit/events/${stored.id}`, writer.auth);
    expect(read.body.timestamp).toBe(kept);
    const found = await api.list(writer.auth, { start_date: kept, end_date: kept });
    expect(found.items.map((event) => event.timestamp)).toEqual([kept]);
  });

  it.each(['0000-12-31T00:00:00Z', '0001-01-01T00:30:00+01:00', '10000-01-01T00:00:00Z'])(
    'refuses %s, outside the years 0001–9999, naming the field',
    async (timestamp) => {
      const writer = await api.session(['api_user']);
      const answer = await api.request('/api/v1/audit/events', {
        ...writer.auth,
        json: makeEvent({ timestamp }),
      });
      expectValidationError(answer, 'timestamp');
    },
  );

  it('draws the timeline by the day, clipped up to now, when one event is dated 9999', async () => {
    const now = Date.now();
    const session = await tenantWith([
      new Date(now - 3 * DAY).toISOString(),
      new Date(now - DAY).toISOString(),
      '9999-06-01T00:00:00Z',
    ]);
    const body = await summary(session, { interval: 'day' });
    expect(body.total_count).toBe(3);
    // From the first event's day to today: a handful of bars, not ten thousand empty ones.
    expect(body.timeline).toHaveLength(4);
    expect(body.timeline![0]!.bucket).toBe(
      `${new Date(now - 3 * DAY).toISOString().slice(0, 10)}T00:00:00.000Z`,
    );
    expect(body.timeline_adjusted).toMatchObject({
      interval: 'day',
      max_buckets: MAX_TIMELINE_BUCKETS,
      events_outside: 1,
    });
    const drawn = body.timeline!.reduce((sum, bucket) => sum + bucket.count, 0);
    expect(drawn).toBe(2);
    // The range still names the outlier: only the drawing is clipped.
    expect(body.date_range.end).toBe('9999-06-01T00:00:00.000Z');
  });

  it('answers a "last hour" preset by the minute asked for, coarsened, with a far-future event', async () => {
    const session = await tenantWith([new Date().toISOString(), '9999-06-01T00:00:00Z']);
    const body = await summary(session, {
      interval: 'minute',
      start_date: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(body.timeline!.length).toBeLessThanOrEqual(MAX_TIMELINE_BUCKETS);
    expect(body.timeline_adjusted?.interval).toBe('day');
    expect(body.timeline_adjusted?.events_outside).toBe(1);
  });

  it('counts by the hour asked for while it fits, and by the day when hours would not', async () => {
    const session = await tenantWith(['2024-01-01T05:00:00Z', '2025-12-31T05:00:00Z']);
    const fits = await summary(session, {
      interval: 'hour',
      start_date: '2024-01-01T00:00:00Z',
      end_date: '2024-01-02T00:00:00Z',
    });
    expect(fits.timeline).toHaveLength(25);
    expect(fits.timeline_adjusted).toBeUndefined();

    const coarse = await summary(session, { interval: 'hour' });
    expect(coarse.timeline_adjusted).toMatchObject({ interval: 'day', events_outside: 0 });
    expect(coarse.timeline).toHaveLength(731);
    expect(coarse.timeline![0]).toMatchObject({ bucket: '2024-01-01T00:00:00.000Z', count: 1 });
  });

  it('summarises an event from 1990 beside this year’s without failing', async () => {
    const session = await tenantWith(['1990-01-01T00:00:00Z', new Date().toISOString()]);
    const body = await summary(session, { interval: 'day' });
    expect(body.total_count).toBe(2);
    expect(body.timeline_adjusted).toMatchObject({ interval: 'day', events_outside: 1 });
  });

  it(`names the ${MAX_SUMMARY_RESOURCE_TYPES} most frequent resource types and counts the rest together`, async () => {
    const writer = await api.session(['audit_manager']);
    const types = MAX_SUMMARY_RESOURCE_TYPES + 50;
    // Type i is used (i % 3) + 1 times; "__proto__" rides along as plain data.
    const events = Array.from({ length: types }, (_, i) =>
      Array.from({ length: (i % 3) + 1 }, () =>
        makeEvent({ resource_type: i === 0 ? '__proto__' : `type-${String(i).padStart(3, '0')}` }),
      ),
    ).flat();
    await api.postBatch(writer.auth, events);
    const body = await summary(writer, {});
    expect(Object.keys(body.resource_types)).toHaveLength(MAX_SUMMARY_RESOURCE_TYPES);
    const named = Object.values(body.resource_types).reduce((sum, n) => sum + n, 0);
    expect(body.resource_types_other).toEqual({
      limit: MAX_SUMMARY_RESOURCE_TYPES,
      types: 50,
      count: events.length - named,
    });
    // The most frequent are the ones named: every type used three times is among them.
    expect(Math.min(...Object.values(body.resource_types))).toBeGreaterThanOrEqual(2);
  });
});
