import {
  excludeKey,
  filterFields,
  SEARCH_FIELDS,
  type Severity,
  type SummaryInterval,
} from '../../src/contract/schemas/index.js';
import { INTERVAL_MS } from '../../src/contract/constants.js';
import { SEVERITY_RANK } from '../../src/server/store/event-order.js';
import type { EventFilter, PageRequest } from '../../src/server/store/types.js';
import { SEARCH_FUNCTION } from './sqlite-connection.js';
import { EVENT_COLUMNS } from './sqlite-rows.js';

export type SqlParam = string | number;

/** A piece of SQL with its positional parameters, in order. */
export interface SqlFragment {
  sql: string;
  params: SqlParam[];
}

/** Each event field is a column of the same name; severity is kept as its rank. */
const column = (field: string) => (field === 'severity' ? 'severity_rank' : field);

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * The `WHERE` of a query: the tenant, the inclusive date range, each non-empty list as an
 * `IN` (a NULL column matches no list, as in the in-memory store), then the search.
 */
export function eventWhere(tenantId: string, filter: EventFilter): SqlFragment {
  const conditions = ['tenant_id = ?'];
  const params: SqlParam[] = [tenantId];
  if (filter.start_date !== undefined) {
    conditions.push('timestamp >= ?');
    params.push(Date.parse(filter.start_date));
  }
  if (filter.end_date !== undefined) {
    conditions.push('timestamp <= ?');
    params.push(Date.parse(filter.end_date));
  }
  // Severity by rank, so the severity index serves both this filter and the severity sort.
  const stored = (field: string, values: readonly string[]) =>
    field === 'severity' ? values.map((severity) => SEVERITY_RANK[severity as Severity]) : values;
  for (const [key, { field }] of filterFields()) {
    const values = filter[key] as readonly string[] | undefined;
    if (values && values.length > 0) {
      conditions.push(`${column(field)} IN (${placeholders(values.length)})`);
      params.push(...stored(field, values));
    }
    // An exclusion never leaves out an event whose field is null (the contract says so).
    const excluded = filter[excludeKey(key)] as readonly string[] | undefined;
    if (excluded && excluded.length > 0) {
      conditions.push(
        `(${column(field)} IS NULL OR ${column(field)} NOT IN (${placeholders(excluded.length)}))`,
      );
      params.push(...stored(field, excluded));
    }
  }
  if (filter.search) {
    conditions.push(`${SEARCH_FUNCTION}(?, ${SEARCH_FIELDS.join(', ')})`);
    params.push(filter.search);
  }
  return { sql: conditions.join(' AND '), params };
}

/**
 * The contract's order: the chosen field, then timestamp, then id, all one direction.
 * SQLite puts NULLs first ascending and last descending, as the in-memory store does.
 * Text compares as UTF-8 bytes here and as UTF-16 units there; the two orders differ only
 * between characters above U+FFFF and those from U+E000 to U+FFFF.
 */
export function eventOrder(filter: EventFilter, alias = ''): string {
  const direction = filter.sort_order === 'asc' ? 'ASC' : 'DESC';
  return orderColumns(filter)
    .map((column) => `${alias}${column} ${direction}`)
    .join(', ');
}

/**
 * The start of a timestamp's bucket in SQL, matching `bucketStart`: floor division, also
 * for instants before 1970 (SQLite's `/` and `%` truncate towards zero).
 */
export function bucketExpression(interval: SummaryInterval): string {
  const size = INTERVAL_MS[interval];
  return `(timestamp - ((timestamp % ${size}) + ${size}) % ${size})`;
}

const EVENT_SELECT = EVENT_COLUMNS.join(', ');

// The statements the store runs, built here so tests can ask SQLite how it plans them.

export function eventCountQuery(tenantId: string, filter: EventFilter): SqlFragment {
  const where = eventWhere(tenantId, filter);
  return { sql: `SELECT COUNT(*) AS n FROM audit_events WHERE ${where.sql}`, params: where.params };
}

/**
 * One page of events. The page's rows are picked by an inner query that an index can
 * answer alone, and only those rows are then read from the table.
 */
export function eventPageQuery(
  tenantId: string,
  filter: EventFilter,
  page: PageRequest,
): SqlFragment {
  const where = eventWhere(tenantId, filter);
  return {
    sql: `SELECT ${EVENT_COLUMNS.map((column) => `e.${column}`).join(', ')}
      FROM (SELECT seq FROM audit_events WHERE ${where.sql}
            ORDER BY ${eventOrder(filter)} LIMIT ? OFFSET ?) AS page
      CROSS JOIN audit_events AS e ON e.seq = page.seq
      ORDER BY ${eventOrder(filter, 'e.')}`,
    params: [...where.params, page.limit, page.offset],
  };
}

/** The order's columns, each once: the chosen field, then timestamp, then id. */
export function orderColumns(filter: EventFilter): string[] {
  return [...new Set([column(filter.sort_by), 'timestamp', 'id'])];
}

/**
 * Rows strictly after `last` (the values of `orderColumns` of the last row read) in the
 * query's order, so a stream resumes where it stopped with a fresh, short query. Only
 * `user_id` may be NULL; NULLs come first ascending and last descending, as in `eventOrder`.
 */
function keysetAfter(filter: EventFilter, last: readonly (SqlParam | null)[]): SqlFragment {
  const ascending = filter.sort_order === 'asc';
  const columns = orderColumns(filter);
  const after = (index: number): SqlFragment => {
    const column = columns[index]!;
    const value = last[index] ?? null;
    const rest = index + 1 < columns.length ? after(index + 1) : null;
    const tie = (equal: string, params: SqlParam[]): SqlFragment =>
      rest
        ? { sql: `(${equal} AND ${rest.sql})`, params: [...params, ...rest.params] }
        : { sql: '0', params: [] };
    if (value === null) {
      const tied = tie(`${column} IS NULL`, []);
      return ascending
        ? { sql: `(${column} IS NOT NULL OR ${tied.sql})`, params: tied.params }
        : tied;
    }
    const tied = tie(`${column} = ?`, [value]);
    const beyond = ascending ? `${column} > ?` : `${column} < ?`;
    const nulls = !ascending && column === 'user_id' ? ` OR ${column} IS NULL` : '';
    return { sql: `(${beyond}${nulls} OR ${tied.sql})`, params: [value, ...tied.params] };
  };
  return after(0);
}

/**
 * One page of a stream: matching events written up to `maxSeq` (so the whole stream is the
 * set as of its start; events are never changed or deleted), after `last` in query order.
 * Each page is its own short read, so a slow or stalled reader never holds a transaction
 * open and the WAL can checkpoint.
 */
export function eventStreamPageQuery(
  tenantId: string,
  filter: EventFilter,
  maxSeq: number,
  last: readonly (SqlParam | null)[] | null,
  limit: number,
): SqlFragment {
  const where = eventWhere(tenantId, filter);
  const conditions = [where.sql, 'seq <= ?'];
  const params: SqlParam[] = [...where.params, maxSeq];
  if (last) {
    const after = keysetAfter(filter, last);
    conditions.push(after.sql);
    params.push(...after.params);
    const [column, value] = [orderColumns(filter)[0]!, last[0]];
    if (value !== null && value !== undefined && column !== 'user_id') {
      // Implied by the condition above; written out so the index serves it as a range.
      conditions.push(`${column} ${filter.sort_order === 'asc' ? '>=' : '<='} ?`);
      params.push(value);
    }
  }
  return {
    sql: `SELECT ${EVENT_SELECT} FROM audit_events WHERE ${conditions.join(' AND ')}
      ORDER BY ${eventOrder(filter)} LIMIT ?`,
    params: [...params, limit],
  };
}

/**
 * Counts per (event type, severity, resource type) with their first and last timestamps:
 * one pass over the summary index, from which every part of a summary is folded.
 */
export function summaryGroupsQuery(tenantId: string, filter: EventFilter): SqlFragment {
  const where = eventWhere(tenantId, filter);
  return {
    sql: `SELECT event_type, severity_rank, resource_type, COUNT(*) AS n,
        MIN(timestamp) AS first, MAX(timestamp) AS last
      FROM audit_events WHERE ${where.sql}
      GROUP BY event_type, severity_rank, resource_type`,
    params: where.params,
  };
}

export function timelineQuery(
  tenantId: string,
  filter: EventFilter,
  interval: SummaryInterval,
): SqlFragment {
  const where = eventWhere(tenantId, filter);
  return {
    sql: `SELECT ${bucketExpression(interval)} AS bucket, severity_rank, COUNT(*) AS n
      FROM audit_events WHERE ${where.sql}
      GROUP BY bucket, severity_rank`,
    params: where.params,
  };
}
