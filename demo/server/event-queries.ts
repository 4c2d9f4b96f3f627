import type {
  FacetField,
  FacetsResponse,
  FacetValue,
  SummaryInterval,
  ViewerScope,
} from '../../src/contract/schemas/index.js';
import { topFacetValues } from '../../src/server/store/facet-values.js';
import { INTERVAL_MS } from '../../src/contract/constants.js';
import type { EventFilter } from '../../src/server/store/types.js';
import {
  edgeCondition,
  ROLLED_UP,
  rollupConditions,
  rollupRange,
  type RollupRange,
} from './event-rollups.js';
import { facetRollupCounts, facetRollupRange } from './facet-rollups.js';
import {
  eventConditions,
  eventOrder,
  fieldColumn,
  SqlParams,
  spanStart,
  type SearchCondition,
  type SqlFragment,
} from './event-sql.js';
import { SEVERITY_BY_RANK, type SummaryGroupRow } from './summary-fold.js';

// The statements both databases run over `audit_events` and `event_rollups`, built from
// one description so the two stores cannot drift apart.

export interface SqlDialect {
  placeholders: 'question' | 'numbered';
  search: SearchCondition;
  /** Whether NULL placement must be spelled out (PostgreSQL sorts NULLs high). */
  nulls: boolean;
  /** The select list that reads an event row as `EventRow`. */
  eventSelect: string;
  /** Whether the store keeps `facet_rollups` (facet-rollups.ts) to count facets from. */
  facetRollups?: boolean;
  /** Whether the store keeps `event_totals` (pg-event-totals.ts), a count per tenant and hour. */
  hourTotals?: boolean;
}

/** The event columns `event_totals` keeps: none, so it answers only a range of dates. */
const NO_COLUMNS: ReadonlySet<string> = new Set();

/** The start of a millisecond column's bucket, matching `bucketStart`. */
export function bucketExpression(column: string, interval: SummaryInterval): string {
  return spanStart(column, INTERVAL_MS[interval]);
}

function where(conditions: readonly string[]): string {
  return conditions.join(' AND ');
}

/** `SELECT … FROM audit_events WHERE` the filter, limited to the range's partial hours. */
function edgeEvents(
  params: SqlParams,
  dialect: SqlDialect,
  tenantId: string,
  filter: EventFilter,
  range: RollupRange,
): string | null {
  if (range.from === null && range.to === null) return null;
  const conditions = eventConditions(params, tenantId, filter, dialect.search);
  return where([...conditions, edgeCondition(params, range)]);
}

/** One event by id, and only when it lies inside `scope` (a viewer's get of another is 404). */
export function eventByIdQuery(
  dialect: SqlDialect,
  tenantId: string,
  id: string,
  scope?: ViewerScope,
): SqlFragment {
  const params = new SqlParams(dialect.placeholders);
  const filter: EventFilter = { sort_by: 'timestamp', sort_order: 'desc', ...(scope && { scope }) };
  const conditions = eventConditions(params, tenantId, filter, dialect.search);
  return {
    sql: `SELECT ${dialect.eventSelect} FROM audit_events WHERE ${where(conditions)} AND id = ${params.add(id)}`,
    params: params.values,
  };
}

export function eventCountQuery(
  dialect: SqlDialect,
  tenantId: string,
  filter: EventFilter,
): SqlFragment {
  const params = new SqlParams(dialect.placeholders);
  // Totals by hour alone where the filter has nothing but dates: far fewer rows to add up.
  const totalsRange = dialect.hourTotals ? rollupRange(filter, NO_COLUMNS) : null;
  const range = totalsRange ?? rollupRange(filter);
  if (!range) {
    const conditions = eventConditions(params, tenantId, filter, dialect.search);
    return {
      sql: `SELECT COUNT(*) AS n FROM audit_events WHERE ${where(conditions)}`,
      params: params.values,
    };
  }
  const table = totalsRange ? 'event_totals' : 'event_rollups';
  const rollups = where(rollupConditions(params, tenantId, filter, range));
  const edges = edgeEvents(params, dialect, tenantId, filter, range);
  const edgeCount = edges === null ? '' : ` + (SELECT COUNT(*) FROM audit_events WHERE ${edges})`;
  return {
    sql: `SELECT CAST((SELECT COALESCE(SUM(n), 0) FROM ${table} WHERE ${rollups})${edgeCount} AS BIGINT) AS n`,
    params: params.values,
  };
}

/** Every matching event in query order, for streaming. */
export function eventListQuery(
  dialect: SqlDialect,
  tenantId: string,
  filter: EventFilter,
): SqlFragment {
  const params = new SqlParams(dialect.placeholders);
  const conditions = eventConditions(params, tenantId, filter, dialect.search);
  return {
    sql: `SELECT ${dialect.eventSelect} FROM audit_events WHERE ${where(conditions)}
      ORDER BY ${eventOrder(filter, '', dialect.nulls)}`,
    params: params.values,
  };
}

const GROUP_COLUMNS = 'event_type, severity_rank, resource_type';

/**
 * Counts per (event type, severity, resource type) with their first and last timestamps,
 * from which every part of a summary is folded; rows of one group may repeat (whole hours
 * and edges), so they are added up.
 */
export function summaryGroupsQuery(
  dialect: SqlDialect,
  tenantId: string,
  filter: EventFilter,
): SqlFragment {
  const params = new SqlParams(dialect.placeholders);
  const fromEvents = (conditions: string) =>
    `SELECT ${GROUP_COLUMNS}, COUNT(*) AS n, MIN(timestamp) AS first_at, MAX(timestamp) AS last_at
      FROM audit_events WHERE ${conditions} GROUP BY ${GROUP_COLUMNS}`;
  const range = rollupRange(filter);
  if (!range) {
    const conditions = eventConditions(params, tenantId, filter, dialect.search);
    return { sql: fromEvents(where(conditions)), params: params.values };
  }
  const rollups = `SELECT ${GROUP_COLUMNS}, CAST(SUM(n) AS BIGINT) AS n,
      MIN(first_at) AS first_at, MAX(last_at) AS last_at
    FROM event_rollups WHERE ${where(rollupConditions(params, tenantId, filter, range))}
    GROUP BY ${GROUP_COLUMNS}`;
  const edges = edgeEvents(params, dialect, tenantId, filter, range);
  return {
    sql: edges === null ? rollups : `${rollups} UNION ALL ${fromEvents(edges)}`,
    params: params.values,
  };
}

/** Counts per bucket and severity; a bucket may repeat (whole hours and edges). */
export function timelineQuery(
  dialect: SqlDialect,
  tenantId: string,
  filter: EventFilter,
  interval: SummaryInterval,
): SqlFragment {
  const params = new SqlParams(dialect.placeholders);
  const fromEvents = (conditions: string) =>
    `SELECT ${bucketExpression('timestamp', interval)} AS bucket, severity_rank, COUNT(*) AS n
      FROM audit_events WHERE ${conditions} GROUP BY bucket, severity_rank`;
  // Hours cannot be split into minutes.
  const range = interval === 'minute' ? null : rollupRange(filter);
  if (!range) {
    const conditions = eventConditions(params, tenantId, filter, dialect.search);
    return { sql: fromEvents(where(conditions)), params: params.values };
  }
  const rollups = `SELECT ${bucketExpression('hour', interval)} AS bucket, severity_rank,
      CAST(SUM(n) AS BIGINT) AS n
    FROM event_rollups WHERE ${where(rollupConditions(params, tenantId, filter, range))}
    GROUP BY bucket, severity_rank`;
  const edges = edgeEvents(params, dialect, tenantId, filter, range);
  return {
    sql: edges === null ? rollups : `${rollups} UNION ALL ${fromEvents(edges)}`,
    params: params.values,
  };
}

/**
 * A facet's counts per value over the whole hours of the filter's range, from the hourly
 * rollups or the facet rollups (where the dialect has them), or null when neither can apply
 * the filter.
 */
function rolledUpCounts(
  params: SqlParams,
  dialect: SqlDialect,
  tenantId: string,
  filter: EventFilter,
  column: string,
): { sql: string; range: RollupRange } | null {
  const facetRange = dialect.facetRollups ? facetRollupRange(filter, column) : null;
  if (facetRange) {
    return {
      sql: facetRollupCounts(params, tenantId, filter, column, facetRange),
      range: facetRange,
    };
  }
  const range = ROLLED_UP.has(column) ? rollupRange(filter) : null;
  if (!range) return null;
  return {
    sql: `SELECT ${column} AS value, SUM(n) AS n FROM event_rollups
      WHERE ${where(rollupConditions(params, tenantId, filter, range))} GROUP BY ${column}`,
    range,
  };
}

/** One facet's rows: a stored value (a severity as its rank) and its count. */
export interface FacetRow {
  value: string | number;
  n: number;
}

/**
 * The most frequent non-null values of one field among the matching events, `limit` of them
 * by count descending, then value ascending. Fields the rollups keep are added up from them
 * where the filter allows, like a summary. Severities are stored as ranks, whose order is not
 * their names', so all five are read and ordered by the caller.
 * `matching`, when given, replaces the filter's conditions (a search already run).
 */
export function facetQuery(
  dialect: SqlDialect,
  tenantId: string,
  filter: EventFilter,
  field: FacetField,
  limit: number,
  matching?: (params: SqlParams) => string,
): SqlFragment {
  const params = new SqlParams(dialect.placeholders);
  const column = fieldColumn(field);
  const fromEvents = (conditions: string) =>
    `SELECT ${column} AS value, COUNT(*) AS n FROM audit_events
      WHERE ${conditions} AND ${column} IS NOT NULL GROUP BY ${column}`;
  let counts: string;
  const rolled = matching ? null : rolledUpCounts(params, dialect, tenantId, filter, column);
  if (matching) {
    counts = fromEvents(matching(params));
  } else if (!rolled) {
    counts = fromEvents(where(eventConditions(params, tenantId, filter, dialect.search)));
  } else {
    const edges = edgeEvents(params, dialect, tenantId, filter, rolled.range);
    const parts = edges === null ? rolled.sql : `${rolled.sql} UNION ALL ${fromEvents(edges)}`;
    counts = `SELECT value, SUM(n) AS n FROM (${parts}) AS parts GROUP BY value`;
  }
  const top = field === 'severity' ? '' : ` LIMIT ${params.add(limit)}`;
  return {
    sql: `SELECT value, CAST(n AS BIGINT) AS n FROM (${counts}) AS counts
      ORDER BY n DESC, value ASC${top}`,
    params: params.values,
  };
}

/** Facet fields a summary group row holds, by their column there. */
const SUMMARY_GROUPED: ReadonlyMap<FacetField, keyof SummaryGroupRow> = new Map([
  ['event_type', 'event_type'],
  ['severity', 'severity_rank'],
  ['resource_type', 'resource_type'],
]);

/** One field's counts added up over summary groups (a group's value may repeat). */
function groupCounts(groups: readonly SummaryGroupRow[], field: FacetField): FacetRow[] {
  const column = SUMMARY_GROUPED.get(field)!;
  const counts = new Map<string | number, number>();
  for (const group of groups) {
    const value = group[column];
    counts.set(value, (counts.get(value) ?? 0) + group.n);
  }
  return [...counts].map(([value, n]) => ({ value, n }));
}

/** The statements a facets answer runs (see `facetsQueries`). */
export interface FacetsQueries {
  /** `summaryGroupsQuery`, when a field it groups by is asked. */
  groups: SqlFragment | null;
  /** A `facetQuery` for each other field. */
  fields: { field: FacetField; query: SqlFragment }[];
}

/**
 * What a facets answer reads: the fields a summary groups by come from one summary query,
 * not one pass each, and so does the total (every event has those fields); each other field
 * from its own facet query. With `matching` (see `facetQuery`) every field has its own.
 */
export function facetsQueries(
  dialect: SqlDialect,
  tenantId: string,
  filter: EventFilter,
  fields: readonly FacetField[],
  limit: number,
  matching?: (params: SqlParams) => string,
): FacetsQueries {
  const grouped = !matching && fields.some((field) => SUMMARY_GROUPED.has(field));
  return {
    groups: grouped ? summaryGroupsQuery(dialect, tenantId, filter) : null,
    fields: fields.flatMap((field) =>
      grouped && SUMMARY_GROUPED.has(field)
        ? []
        : [{ field, query: facetQuery(dialect, tenantId, filter, field, limit, matching) }],
    ),
  };
}

/**
 * A facets answer from the rows of `facetsQueries`' statements (`rows` per field of
 * `fields`); its total is null when no summary was read, for the caller to count.
 */
export function facetsAnswer(
  fields: readonly FacetField[],
  limit: number,
  groups: readonly SummaryGroupRow[] | null,
  rows: ReadonlyMap<FacetField, readonly FacetRow[]>,
): { total: number | null; facets: FacetsResponse['facets'] } {
  const facets: FacetsResponse['facets'] = {};
  for (const field of fields) {
    const counted = rows.get(field) ?? (groups ? groupCounts(groups, field) : []);
    facets[field] = facetValues(field, counted, limit);
  }
  return { total: groups && groups.reduce((sum, group) => sum + group.n, 0), facets };
}

/** A facet's rows as the contract's values: severities by name, in the contract's order. */
export function facetValues(
  field: FacetField,
  rows: readonly FacetRow[],
  limit: number,
): FacetValue[] {
  return topFacetValues(
    rows.map((row) => [
      field === 'severity' ? SEVERITY_BY_RANK.get(Number(row.value))! : String(row.value),
      Number(row.n),
    ]),
    limit,
  );
}
