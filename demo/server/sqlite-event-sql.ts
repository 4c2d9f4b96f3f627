import {
  SEARCH_FIELDS,
  type FacetField,
  type SummaryInterval,
} from '../../src/contract/schemas/index.js';
import type { EventFilter, PageRequest } from '../../src/server/store/types.js';
import * as queries from './event-queries.js';
import {
  eventConditions,
  eventOrder,
  orderColumns,
  SqlParams,
  type SqlFragment,
  type SqlParam,
} from './event-sql.js';
import { SEARCH_FUNCTION } from './sqlite-connection.js';
import { indexedNeedle, indexedSearchCondition } from './sqlite-search.js';
import { EVENT_COLUMNS } from './sqlite-rows.js';

export type { SqlFragment, SqlParam } from './event-sql.js';
export { eventOrder, orderColumns } from './event-sql.js';

/**
 * SQLite's placeholders, and search from the trigram index, or through the same JavaScript
 * function as the in-memory store where the index cannot answer (sqlite-search.ts).
 * `terms`: per (lowered) needle, the rare trigrams the index should read (`rareTrigrams`).
 */
export function sqliteDialect(
  terms: ReadonlyMap<string, readonly string[]> = new Map(),
): queries.SqlDialect {
  return {
    placeholders: 'question',
    search: (params, needle) => {
      const indexed = indexedNeedle(needle);
      return indexed === null
        ? `${SEARCH_FUNCTION}(${params.add(needle)}, ${SEARCH_FIELDS.join(', ')})`
        : indexedSearchCondition(params, indexed, terms.get(indexed));
    },
    nulls: false,
    eventSelect: EVENT_COLUMNS.join(', '),
    facetRollups: true,
  };
}

export const SQLITE_DIALECT = sqliteDialect();

/** The `WHERE` of a query as one fragment (see `eventConditions`). */
export function eventWhere(tenantId: string, filter: EventFilter): SqlFragment {
  const params = new SqlParams('question');
  const conditions = eventConditions(params, tenantId, filter, SQLITE_DIALECT.search);
  return { sql: conditions.join(' AND '), params: params.values };
}

// The statements the store runs, built here so tests can ask SQLite how it plans them.

export function eventCountQuery(
  tenantId: string,
  filter: EventFilter,
  dialect = SQLITE_DIALECT,
): SqlFragment {
  return queries.eventCountQuery(dialect, tenantId, filter);
}

/**
 * One page of events. The page's rows are picked by an inner query that an index can
 * answer alone, and only those rows are then read from the table.
 */
export function eventPageQuery(
  tenantId: string,
  filter: EventFilter,
  page: PageRequest,
  dialect = SQLITE_DIALECT,
): SqlFragment {
  return pageQuery(tenantId, filter, page, dialect, '');
}

/**
 * A page with the number of all matching rows in each row (`total`), in one pass: for a
 * search, whose matches no rollup counts, a separate count would find them all again.
 * No row when the page is past the end, so no total either.
 */
export function eventPageWithTotalQuery(
  tenantId: string,
  filter: EventFilter,
  page: PageRequest,
  dialect = SQLITE_DIALECT,
): SqlFragment {
  return pageQuery(tenantId, filter, page, dialect, ', COUNT(*) OVER () AS total');
}

function pageQuery(
  tenantId: string,
  filter: EventFilter,
  page: PageRequest,
  dialect: queries.SqlDialect,
  total: string,
): SqlFragment {
  const params = new SqlParams('question');
  const conditions = eventConditions(params, tenantId, filter, dialect.search);
  return {
    sql: `SELECT ${EVENT_COLUMNS.map((column) => `e.${column}`).join(', ')}${total ? ', page.total' : ''}
      FROM (SELECT seq${total} FROM audit_events WHERE ${conditions.join(' AND ')}
            ORDER BY ${eventOrder(filter)} LIMIT ? OFFSET ?) AS page
      CROSS JOIN audit_events AS e ON e.seq = page.seq
      ORDER BY ${eventOrder(filter, 'e.')}`,
    params: [...params.values, page.limit, page.offset],
  };
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
  dialect = SQLITE_DIALECT,
): SqlFragment {
  const where = new SqlParams('question');
  const conditions = [...eventConditions(where, tenantId, filter, dialect.search), 'seq <= ?'];
  const params: SqlParam[] = [...where.values, maxSeq];
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
    sql: `SELECT ${SQLITE_DIALECT.eventSelect} FROM audit_events WHERE ${conditions.join(' AND ')}
      ORDER BY ${eventOrder(filter)} LIMIT ?`,
    params: [...params, limit],
  };
}

export function summaryGroupsQuery(
  tenantId: string,
  filter: EventFilter,
  dialect = SQLITE_DIALECT,
): SqlFragment {
  return queries.summaryGroupsQuery(dialect, tenantId, filter);
}

export function timelineQuery(
  tenantId: string,
  filter: EventFilter,
  interval: SummaryInterval,
  dialect = SQLITE_DIALECT,
): SqlFragment {
  return queries.timelineQuery(dialect, tenantId, filter, interval);
}

/** The rows `seqs` (a search's matches), as a facet's `matching` condition. */
export function rowsMatching(seqs: readonly number[]): (params: SqlParams) => string {
  return (params) => `seq IN (SELECT value FROM json_each(${params.add(JSON.stringify(seqs))}))`;
}

/** One facet; with `seqs`, over those rows (a search's matches) instead of the filter. */
export function facetQuery(
  tenantId: string,
  filter: EventFilter,
  field: FacetField,
  limit: number,
  seqs?: readonly number[],
  dialect = SQLITE_DIALECT,
): SqlFragment {
  const matching = seqs ? rowsMatching(seqs) : undefined;
  return queries.facetQuery(dialect, tenantId, filter, field, limit, matching);
}
