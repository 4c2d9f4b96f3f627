import type { AuditLogEvent, FacetField } from '../../src/contract/schemas/index.js';
import { INTERVAL_MS } from '../../src/contract/constants.js';
import type { EventFilter } from '../../src/server/store/types.js';
import { rollupRange, type RollupRange } from './event-rollups.js';
import { listFilters, spanStart, type SqlParams } from './event-sql.js';

// Counts per tenant, field, value and span of time for facet fields the hourly rollups
// (event-rollups.ts) do not key on: a sidebar over a whole tenant then adds up a few rows per
// day and value instead of grouping every event. Each event counts in its hour
// and in its day: whole days are read from the days (a month of 300 users is 9,000 rows, its
// hours 216,000), the hours at the ends of a range from the hours, and the partial hours
// from the events. Kept in the write's transaction like the hourly rollups (SQLite's from
// `facetRollupDeltas`, worked out before the write lock; PostgreSQL's counted by the database
// in the batch's locked insert, `facetRollupsFrom`); a null value is not counted (facets
// leave nulls out).

/** The fields with a facet rollup; `user_id` would multiply the hourly rollups' rows. */
export const FACET_ROLLUP_FIELDS: ReadonlySet<string> = new Set<FacetField>(['action', 'user_id']);

/** The facet rollup columns, in the primary key's order. */
export const FACET_ROLLUP_KEY = ['tenant_id', 'field', 'span', 'start', 'value'] as const;

/** SQLite's table; PostgreSQL's is in pg-schema.ts. */
export const FACET_ROLLUPS_TABLE = `
  CREATE TABLE facet_rollups (
    tenant_id TEXT NOT NULL,
    field TEXT NOT NULL,
    -- The span's length in milliseconds (an hour or a day) and its start.
    span INTEGER NOT NULL,
    start INTEGER NOT NULL,
    value TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (${FACET_ROLLUP_KEY.join(', ')})
  ) WITHOUT ROWID;
`;

/** The spans each event is counted in. */
export const SPANS = [INTERVAL_MS.hour, INTERVAL_MS.day] as const;

// Both databases accept the table's name for the stored row here.
const ON_CONFLICT = `ON CONFLICT (${FACET_ROLLUP_KEY.join(', ')}) DO UPDATE SET n = facet_rollups.n + excluded.n`;

export const FACET_ROLLUP_UPSERT = `INSERT INTO facet_rollups (${FACET_ROLLUP_KEY.join(', ')}, n)
  VALUES (${FACET_ROLLUP_KEY.map(() => '?').join(', ')}, ?)
  ${ON_CONFLICT}`;

/**
 * Adds a set of events' counts to the facet rollups in one statement, in key order so
 * concurrent writers lock rows alike: each event once per field and span, in one pass over
 * `source` (which must expose `tenant_id`, `timestamp` and the fields). `where`: a further
 * condition on the source's rows. The same SQL in both databases.
 */
export function facetRollupsFrom(source: string, where?: string): string {
  const fields = [...FACET_ROLLUP_FIELDS];
  const value = `CASE f.field ${fields.map((field) => `WHEN '${field}' THEN ${field}`).join(' ')} END`;
  return `INSERT INTO facet_rollups (${FACET_ROLLUP_KEY.join(', ')}, n)
    SELECT tenant_id, f.field, s.span, ${spanStart('timestamp', 's.span')}, ${value}, COUNT(*)
    FROM ${source}
      CROSS JOIN (${fields.map((field) => `SELECT '${field}' AS field`).join(' UNION ALL ')}) AS f
      CROSS JOIN (${SPANS.map((span) => `SELECT ${span} AS span`).join(' UNION ALL ')}) AS s
    WHERE ${value} IS NOT NULL${where ? ` AND ${where}` : ''}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ${ON_CONFLICT}`;
}

/** Fills SQLite's table from the events a file already holds (a schema migration). */
export const FILL_FACET_ROLLUPS = `${facetRollupsFrom('audit_events')};`;

export interface FacetRollupDelta {
  tenant_id: string;
  field: string;
  span: number;
  start: number;
  value: string;
  n: number;
}

/** What a batch adds to the facet rollups, in key order so concurrent writers lock rows alike. */
export function facetRollupDeltas(events: readonly AuditLogEvent[]): FacetRollupDelta[] {
  const byKey = new Map<string, FacetRollupDelta>();
  for (const event of events) {
    const at = Date.parse(event.timestamp);
    for (const field of FACET_ROLLUP_FIELDS) {
      const value = event[field as 'action' | 'user_id'];
      if (value === null) continue;
      for (const span of SPANS) {
        const start = Math.floor(at / span) * span;
        const key = `${event.tenant_id}\u0000${field}\u0000${span}\u0000${start}\u0000${value}`;
        const seen = byKey.get(key);
        if (seen) seen.n += 1;
        else byKey.set(key, { tenant_id: event.tenant_id, field, span, start, value, n: 1 });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => {
    for (const column of FACET_ROLLUP_KEY) {
      const x = a[column];
      const y = b[column];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/**
 * The hours of the filter's range the facet rollup of `column` answers, or null: only lists
 * and exclusions on that field itself can be applied to its rows (a sidebar's whole-tenant
 * or date-range question); any other filter counts from the events.
 */
export function facetRollupRange(filter: EventFilter, column: string): RollupRange | null {
  return FACET_ROLLUP_FIELDS.has(column) ? rollupRange(filter, new Set([column])) : null;
}

/**
 * The counts per value of the range's whole hours, with the field's own lists applied:
 * whole days from the days, the hours outside them from the hours.
 */
export function facetRollupCounts(
  params: SqlParams,
  tenantId: string,
  filter: EventFilter,
  column: string,
  range: RollupRange,
): string {
  const [hour, day] = SPANS;
  // Whole days inside the range; null ends stay open.
  const dayFrom = range.from === null ? null : Math.ceil(range.from / day) * day;
  const dayTo = range.to === null ? null : Math.floor(range.to / day) * day;
  const noDays = dayFrom !== null && dayTo !== null && dayFrom >= dayTo;
  const spans: { span: number; from: number | null; to: number | null }[] = noDays
    ? [{ span: hour, from: range.from, to: range.to }]
    : [
        { span: day, from: dayFrom, to: dayTo },
        ...(dayFrom !== null && dayFrom !== range.from
          ? [{ span: hour, from: range.from, to: dayFrom }]
          : []),
        ...(dayTo !== null && dayTo !== range.to
          ? [{ span: hour, from: dayTo, to: range.to }]
          : []),
      ];
  const parts = spans.map(({ span, from, to }) => {
    const conditions = [
      `tenant_id = ${params.add(tenantId)}`,
      `field = ${params.add(column)}`,
      `span = ${params.add(span)}`,
    ];
    if (from !== null) conditions.push(`start >= ${params.add(from)}`);
    if (to !== null) conditions.push(`start < ${params.add(to)}`);
    // `facetRollupRange` let through only lists on this field; no row holds a null value,
    // so an exclusion is a plain NOT IN.
    for (const { values, exclude } of listFilters(filter)) {
      conditions.push(`value ${exclude ? 'NOT IN' : 'IN'} (${params.list(values)})`);
    }
    return `SELECT value, n FROM facet_rollups WHERE ${conditions.join(' AND ')}`;
  });
  return `SELECT value, SUM(n) AS n FROM (${parts.join(' UNION ALL ')}) AS spans GROUP BY value`;
}
