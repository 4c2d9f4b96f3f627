import { beforeAll, describe, expect, it } from 'vitest';
import type { FacetsResponse, PaginatedAuditLogs } from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import { makeEvent, useContractServer, type Query, type Session } from './helpers.js';

// A page's total is added up from counts per hour where the SQL stores keep them, and only
// the partial hours at the ends of a date range are counted event by event. Instants on
// both sides of hour, day, month (PostgreSQL's partitions), year and 1970 boundaries, in
// several batches, must give exactly the totals the events themselves give.

// prettier-ignore
const FIRST_BATCH = [
  '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z',
  '2025-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:30:00.000Z',
  '2026-01-01T00:59:59.999Z', '2026-01-01T01:00:00.000Z', '2026-01-31T23:59:59.999Z',
  '2026-02-01T00:00:00.000Z', '2026-02-15T12:10:00.000Z',
];
// Later writes into hours already counted, and into a month of their own.
const SECOND_BATCH = [
  '2026-01-01T00:30:00.000Z',
  '2026-02-15T12:50:00.000Z',
  '2026-03-01T00:00:00.001Z',
];
const ALL = [...FIRST_BATCH, ...SECOND_BATCH].map(Date.parse);

// prettier-ignore
const RANGES: [label: string, start: string | undefined, end: string | undefined][] = [
  ['no dates', undefined, undefined],
  ['from the first instant of an hour', '2026-01-01T00:00:00.000Z', undefined],
  ['from just after an hour begins', '2026-01-01T00:00:00.001Z', undefined],
  ['from the last instant of a year', '2025-12-31T23:59:59.999Z', undefined],
  ['until the last instant of an hour', undefined, '2026-01-01T00:59:59.999Z'],
  ['until the first instant of an hour', undefined, '2026-01-01T01:00:00.000Z'],
  ['until just before 1970', undefined, '1969-12-31T23:59:59.999Z'],
  ['inside one hour', '2026-01-01T00:00:00.001Z', '2026-01-01T00:59:59.998Z'],
  ['one whole day', '2026-01-01T00:00:00.000Z', '2026-01-01T23:59:59.999Z'],
  ['across three months', '2025-12-31T23:30:00.000Z', '2026-02-15T12:30:00.000Z'],
  ['across 1970', '1969-12-31T23:00:00.000Z', '1970-01-01T00:00:00.000Z'],
  ['across every month written', '2025-12-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z'],
  ['a month with no events', '2026-04-01T00:00:00.000Z', '2026-04-30T23:59:59.999Z'],
];

/** The written instants inside an inclusive range, oldest first, as ISO strings. */
function inRange(start: string | undefined, end: string | undefined): string[] {
  const from = start === undefined ? -Infinity : Date.parse(start);
  const to = end === undefined ? Infinity : Date.parse(end);
  return ALL.filter((at) => at >= from && at <= to)
    .sort((a, b) => a - b)
    .map((at) => new Date(at).toISOString());
}

describe.each(STORE_KINDS)('page totals across hour, day and month edges (%s store)', (kind) => {
  const api = useContractServer(kind);
  let reader: Session;

  beforeAll(async () => {
    const admin = await api.session(['tenant_admin']);
    reader = await api.session(['audit_viewer'], admin.tenant);
    const writer = await api.apiKey(admin, ['write']);
    const batch = (timestamps: string[]) => timestamps.map((timestamp) => makeEvent({ timestamp }));
    await api.postBatch(writer, batch(FIRST_BATCH));
    await api.postBatch(writer, batch(SECOND_BATCH));
    // Another tenant's events in the same hours must never be counted.
    const other = await api.session(['tenant_admin']);
    await api.postBatch(await api.apiKey(other, ['write']), batch(FIRST_BATCH));
  });

  it.each(RANGES)('counts exactly the events %s', async (_, start_date, end_date) => {
    const query: Query = { start_date, end_date, size: 2 };
    const total = inRange(start_date, end_date).length;
    const page = await api.request<PaginatedAuditLogs>('/api/v1/audit/events', {
      ...reader.auth,
      query,
    });
    expect(page.status, page.text).toBe(200);
    expect(page.body).toMatchObject({ total, pages: Math.ceil(total / 2) });
    expect(page.body.items).toHaveLength(Math.min(total, 2));
    const facets = await api.request<FacetsResponse>('/api/v1/audit/events/facets', {
      ...reader.auth,
      query: { start_date, end_date, fields: 'severity' },
    });
    expect(facets.status, facets.text).toBe(200);
    expect(facets.body.total).toBe(total);
  });

  it("serves the last page a range's total promises, to the event", async () => {
    const [, start_date, end_date] = RANGES.find(([label]) => label === 'across three months')!;
    const instants = inRange(start_date, end_date);
    const last = Math.ceil(instants.length / 2);
    const answer = await api.request<PaginatedAuditLogs>('/api/v1/audit/events', {
      ...reader.auth,
      query: { start_date, end_date, size: 2, page: last, sort_order: 'asc' },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.items.map((event) => event.timestamp)).toEqual(
      instants.slice(2 * (last - 1)),
    );
  });
});
