import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogSummary, TimelineBucket } from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectContractErrorShapes,
  expectNoSecretsInErrors,
  expectValidationError,
  makeEvent,
  nonZero,
  useContractServer,
  type Query,
  type Session,
} from './helpers.js';

const EVENTS = [
  makeEvent({
    timestamp: '2026-03-10T09:05:00Z',
    event_type: 'authentication',
    severity: 'info',
    resource_type: 'session',
    description: 'signed in',
  }),
  makeEvent({
    timestamp: '2026-03-10T10:15:00Z',
    event_type: 'data_modification',
    severity: 'error',
    resource_type: 'document',
    description: 'save failed',
  }),
  makeEvent({
    timestamp: '2026-03-10T10:45:00Z',
    event_type: 'data_modification',
    severity: 'info',
    resource_type: 'document',
    description: 'saved',
  }),
  makeEvent({
    timestamp: '2026-03-10T13:05:00Z',
    event_type: 'system_event',
    severity: 'critical',
    resource_type: 'service',
    description: 'disk full',
  }),
  makeEvent({
    timestamp: '2026-03-11T08:00:00Z',
    event_type: 'user_action',
    severity: 'warning',
    resource_type: 'report',
    description: 'exported',
  }),
];

const HOUR = 3_600_000;

/** Buckets as plain numbers for comparison: start instant, count, non-zero severities. */
const simplify = (timeline: TimelineBucket[] | undefined) =>
  (timeline ?? []).map((bucket) => ({
    at: new Date(bucket.bucket).toISOString(),
    count: bucket.count,
    severities: nonZero(bucket.severities),
  }));

describe.each(STORE_KINDS)('summarising events (%s store)', (kind) => {
  const api = useContractServer(kind);
  let reader: Session;

  const summary = async (query: Query = {}, session = reader) => {
    const answer = await api.request<AuditLogSummary>('/api/v1/audit/summary', {
      ...session.auth,
      query,
    });
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    const writer = await api.session(['api_user']);
    reader = await api.session(['audit_viewer'], writer.tenant);
    await api.postBatch(writer.auth, EVENTS);
  });

  it('counts every event by type, severity and resource type', async () => {
    const body = await summary();
    expect(body.total_count).toBe(5);
    expect(nonZero(body.event_types)).toEqual({
      authentication: 1,
      data_modification: 2,
      system_event: 1,
      user_action: 1,
    });
    expect(nonZero(body.severities)).toEqual({ info: 2, error: 1, critical: 1, warning: 1 });
    expect(nonZero(body.resource_types)).toEqual({
      session: 1,
      document: 2,
      service: 1,
      report: 1,
    });
  });

  it('spans the date range of the events it counted', async () => {
    const body = await summary();
    expect(Date.parse(body.date_range.start ?? '')).toBe(Date.parse('2026-03-10T09:05:00Z'));
    expect(Date.parse(body.date_range.end ?? '')).toBe(Date.parse('2026-03-11T08:00:00Z'));
  });

  it('counts only the filtered set', async () => {
    const body = await summary({ severities: 'info' });
    expect(body.total_count).toBe(2);
    expect(nonZero(body.event_types)).toEqual({ authentication: 1, data_modification: 1 });
    expect(nonZero(body.severities)).toEqual({ info: 2 });
    expect(nonZero(body.resource_types)).toEqual({ session: 1, document: 1 });

    const searched = await summary({ search: 'SAVE' });
    expect(searched.total_count).toBe(2);
    expect(nonZero(searched.severities)).toEqual({ info: 1, error: 1 });
  });

  it('counts a date range inclusively and reports it as the range asked for', async () => {
    const body = await summary({
      start_date: '2026-03-10T10:15:00Z',
      end_date: '2026-03-10 13:05:00',
    });
    expect(body.total_count).toBe(3);
    expect(Date.parse(body.date_range.start ?? '')).toBe(Date.parse('2026-03-10T10:15:00Z'));
    expect(Date.parse(body.date_range.end ?? '')).toBe(Date.parse('2026-03-10T13:05:00Z'));
    expect(body.date_range.end).toMatch(/Z$/);
  });

  it('draws an hourly timeline over the range, quiet hours included as zero', async () => {
    const body = await summary({
      interval: 'hour',
      start_date: '2026-03-10T09:00:00Z',
      end_date: '2026-03-10T13:59:59Z',
    });
    expect(simplify(body.timeline)).toEqual([
      { at: '2026-03-10T09:00:00.000Z', count: 1, severities: { info: 1 } },
      { at: '2026-03-10T10:00:00.000Z', count: 2, severities: { error: 1, info: 1 } },
      { at: '2026-03-10T11:00:00.000Z', count: 0, severities: {} },
      { at: '2026-03-10T12:00:00.000Z', count: 0, severities: {} },
      { at: '2026-03-10T13:00:00.000Z', count: 1, severities: { critical: 1 } },
    ]);
    for (const bucket of body.timeline ?? []) expect(bucket.bucket).toMatch(/Z$/);
  });

  it('draws a daily timeline from the first to the last event when no range is given', async () => {
    const body = await summary({ interval: 'day' });
    expect(simplify(body.timeline)).toEqual([
      {
        at: '2026-03-10T00:00:00.000Z',
        count: 4,
        severities: { info: 2, error: 1, critical: 1 },
      },
      { at: '2026-03-11T00:00:00.000Z', count: 1, severities: { warning: 1 } },
    ]);
  });

  it('draws an hourly timeline without gaps across the whole data', async () => {
    const body = await summary({ interval: 'hour' });
    const timeline = body.timeline ?? [];
    expect(timeline).toHaveLength(24);
    expect(timeline[0]!.bucket).toSatisfy(
      (at: string) => Date.parse(at) === Date.parse('2026-03-10T09:00:00Z'),
    );
    timeline.forEach((bucket, index) => {
      if (index > 0) {
        expect(Date.parse(bucket.bucket) - Date.parse(timeline[index - 1]!.bucket)).toBe(HOUR);
      }
    });
    expect(timeline.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(5);
  });

  it('draws a minute timeline and applies filters to it', async () => {
    const body = await summary({
      interval: 'minute',
      start_date: '2026-03-10T10:14:00Z',
      end_date: '2026-03-10T10:17:00Z',
    });
    expect(simplify(body.timeline)).toEqual([
      { at: '2026-03-10T10:14:00.000Z', count: 0, severities: {} },
      { at: '2026-03-10T10:15:00.000Z', count: 1, severities: { error: 1 } },
      { at: '2026-03-10T10:16:00.000Z', count: 0, severities: {} },
      { at: '2026-03-10T10:17:00.000Z', count: 0, severities: {} },
    ]);

    const filtered = await summary({
      interval: 'hour',
      severities: 'info',
      start_date: '2026-03-10T09:00:00Z',
      end_date: '2026-03-10T10:59:59Z',
    });
    expect(simplify(filtered.timeline)).toEqual([
      { at: '2026-03-10T09:00:00.000Z', count: 1, severities: { info: 1 } },
      { at: '2026-03-10T10:00:00.000Z', count: 1, severities: { info: 1 } },
    ]);
  });

  it('draws an empty range as zero buckets rather than none', async () => {
    const empty = await api.session(['audit_viewer']);
    const body = await summary(
      { interval: 'hour', start_date: '2026-03-10T00:00:00Z', end_date: '2026-03-10T02:59:59Z' },
      empty,
    );
    expect(body.total_count).toBe(0);
    expect(simplify(body.timeline)).toEqual([
      { at: '2026-03-10T00:00:00.000Z', count: 0, severities: {} },
      { at: '2026-03-10T01:00:00.000Z', count: 0, severities: {} },
      { at: '2026-03-10T02:00:00.000Z', count: 0, severities: {} },
    ]);
  });

  it('refuses an unknown interval', async () => {
    const answer = await api.request('/api/v1/audit/summary', {
      ...reader.auth,
      query: { interval: 'week' },
    });
    expectValidationError(answer, 'interval');
  });

  it('never puts a password, token or API key in an error answer', () => {
    expectNoSecretsInErrors(api);
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });
});
