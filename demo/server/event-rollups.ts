import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { INTERVAL_MS } from '../../src/contract/constants.js';
import { bucketStart, SEVERITY_RANK } from '../../src/server/store/event-order.js';
import type { EventFilter } from '../../src/server/store/types.js';
import { fieldColumn, listCondition, listFilters, searches, type SqlParams } from './event-sql.js';
import type { SummaryGroupRow } from './summary-fold.js';

// Counts per tenant, hour, event type, severity and resource type, kept in the same
// transaction as each write. A summary, a timeline or a page's total over a large tenant
// then adds up a few rows per hour instead of counting every event; only the partial hours
// at the edges of a range are counted from the events themselves.

export const ROLLUP_MS = INTERVAL_MS.hour;

/** The rollup columns, in the primary key's order. */
export const ROLLUP_KEY = [
  'tenant_id',
  'hour',
  'event_type',
  'severity_rank',
  'resource_type',
] as const;

/** One rollup row's change: a summary group's counts for one tenant and hour. */
export interface RollupDelta extends SummaryGroupRow {
  tenant_id: string;
  hour: number;
}

/** What a batch adds to the rollups, in key order so concurrent writers lock rows alike. */
export function rollupDeltas(events: readonly AuditLogEvent[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const event of events) {
    const at = Date.parse(event.timestamp);
    const delta: RollupDelta = {
      tenant_id: event.tenant_id,
      hour: bucketStart(at, 'hour'),
      event_type: event.event_type,
      severity_rank: SEVERITY_RANK[event.severity],
      resource_type: event.resource_type,
      n: 1,
      first_at: at,
      last_at: at,
    };
    // Every part but the last is a tenant id, a number or an enum, none holding U+0000, so
    // the key is unambiguous (and cheaper than JSON of the parts, once per event).
    const key = `${delta.tenant_id}\u0000${delta.hour}\u0000${delta.event_type}\u0000${delta.severity_rank}\u0000${delta.resource_type}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.n += 1;
      seen.first_at = Math.min(seen.first_at, at);
      seen.last_at = Math.max(seen.last_at, at);
    } else {
      byKey.set(key, delta);
    }
  }
  return [...byKey.values()].sort(compareDeltas);
}

function compareDeltas(a: RollupDelta, b: RollupDelta): number {
  for (const column of ROLLUP_KEY) {
    const x = a[column];
    const y = b[column];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Whole hours `[from, to)` a query reads from the rollups; null ends are open. */
export interface RollupRange {
  from: number | null;
  to: number | null;
}

/** The event columns a rollup row keeps (beyond tenant and hour). */
export const ROLLED_UP: ReadonlySet<string> = new Set(ROLLUP_KEY.slice(2));

/**
 * The hours of a filter's range the rollups can answer, or null when they cannot: a list or
 * exclusion on any field the rollups do not keep (`kept`: the columns of the rollup asked,
 * these hourly ones by default), a search, or no whole hour. A viewer scope counts as
 * filters too: one the rollups cannot apply sends the query to the events.
 */
export function rollupRange(
  filter: EventFilter,
  kept: ReadonlySet<string> = ROLLED_UP,
): RollupRange | null {
  if (searches(filter).length > 0) return null;
  if (listFilters(filter).some(({ field }) => !kept.has(fieldColumn(field)))) return null;
  const from =
    filter.start_date === undefined
      ? null
      : Math.ceil(Date.parse(filter.start_date) / ROLLUP_MS) * ROLLUP_MS;
  // The end is inclusive: an hour is whole when its last millisecond is in range.
  const to =
    filter.end_date === undefined
      ? null
      : Math.floor((Date.parse(filter.end_date) + 1) / ROLLUP_MS) * ROLLUP_MS;
  if (from !== null && to !== null && from >= to) return null;
  return { from, to };
}

/** The rollup rows of a range, with the filters rollups carry. */
export function rollupConditions(
  params: SqlParams,
  tenantId: string,
  filter: EventFilter,
  range: RollupRange,
): string[] {
  const conditions = [`tenant_id = ${params.add(tenantId)}`];
  if (range.from !== null) conditions.push(`hour >= ${params.add(range.from)}`);
  if (range.to !== null) conditions.push(`hour < ${params.add(range.to)}`);
  // `rollupRange` let through only lists on columns the rollups keep.
  for (const match of listFilters(filter)) conditions.push(listCondition(params, match));
  return conditions;
}

/** The events outside the range's whole hours (the range has at least one closed end). */
export function edgeCondition(params: SqlParams, range: RollupRange): string {
  const outside = [];
  if (range.from !== null) outside.push(`timestamp < ${params.add(range.from)}`);
  if (range.to !== null) outside.push(`timestamp >= ${params.add(range.to)}`);
  return `(${outside.join(' OR ')})`;
}
