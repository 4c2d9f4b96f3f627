import type { AuditLogEvent, FacetField } from '../../src/contract/schemas/index.js';
import { bucketStart } from '../../src/server/store/event-order.js';
import type { EventFilter } from '../../src/server/store/types.js';
import { rollupRange, type RollupRange } from './event-rollups.js';
import { listFilters, type SqlParams } from './event-sql.js';

// Counts per tenant, field, value and hour for facet fields of few values per hour that the
// hourly rollups (event-rollups.ts) do not key on: a sidebar over a whole tenant then adds up
// a few rows per hour instead of grouping every event. Kept in the write's transaction like
// the hourly rollups; a null value is not counted (facets leave nulls out).

/** The fields with a facet rollup; `user_id` would multiply the hourly rollups' rows. */
export const FACET_ROLLUP_FIELDS: ReadonlySet<string> = new Set<FacetField>(['action', 'user_id']);

export const FACET_ROLLUPS_TABLE = `
  CREATE TABLE facet_rollups (
    tenant_id TEXT NOT NULL,
    field TEXT NOT NULL,
    hour INTEGER NOT NULL,
    value TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, field, hour, value)
  ) WITHOUT ROWID;
`;

export const FACET_ROLLUP_UPSERT = `INSERT INTO facet_rollups (tenant_id, field, hour, value, n)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (tenant_id, field, hour, value) DO UPDATE SET n = n + excluded.n`;

export interface FacetRollupDelta {
  tenant_id: string;
  field: string;
  hour: number;
  value: string;
  n: number;
}

/** What a batch adds to the facet rollups, in key order so concurrent writers lock rows alike. */
export function facetRollupDeltas(events: readonly AuditLogEvent[]): FacetRollupDelta[] {
  const byKey = new Map<string, FacetRollupDelta>();
  for (const event of events) {
    const hour = bucketStart(Date.parse(event.timestamp), 'hour');
    for (const field of FACET_ROLLUP_FIELDS) {
      const value = event[field as 'action' | 'user_id'];
      if (value === null) continue;
      const key = `${event.tenant_id}\u0000${field}\u0000${hour}\u0000${value}`;
      const seen = byKey.get(key);
      if (seen) seen.n += 1;
      else byKey.set(key, { tenant_id: event.tenant_id, field, hour, value, n: 1 });
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      compare(a.tenant_id, b.tenant_id) ||
      compare(a.field, b.field) ||
      a.hour - b.hour ||
      compare(a.value, b.value),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The hours of the filter's range the facet rollup of `column` answers, or null: only lists
 * and exclusions on that field itself can be applied to its rows (a sidebar's whole-tenant
 * or date-range question); any other filter counts from the events.
 */
export function facetRollupRange(filter: EventFilter, column: string): RollupRange | null {
  return FACET_ROLLUP_FIELDS.has(column) ? rollupRange(filter, new Set([column])) : null;
}

/** The counts per value of the range's whole hours, with the field's own lists applied. */
export function facetRollupCounts(
  params: SqlParams,
  tenantId: string,
  filter: EventFilter,
  column: string,
  range: RollupRange,
): string {
  const conditions = [`tenant_id = ${params.add(tenantId)}`, `field = ${params.add(column)}`];
  if (range.from !== null) conditions.push(`hour >= ${params.add(range.from)}`);
  if (range.to !== null) conditions.push(`hour < ${params.add(range.to)}`);
  // `facetRollupRange` let through only lists on this field; no row holds a null value, so
  // an exclusion is a plain NOT IN.
  for (const { values, exclude } of listFilters(filter)) {
    conditions.push(`value ${exclude ? 'NOT IN' : 'IN'} (${params.list(values)})`);
  }
  return `SELECT value, SUM(n) AS n FROM facet_rollups WHERE ${conditions.join(' AND ')}
    GROUP BY value`;
}
