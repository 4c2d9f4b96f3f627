import type { SummaryInterval } from '../../src/contract/schemas/index.js';
import type { EventFilter, PageRequest } from '../../src/server/store/types.js';
import * as queries from './event-queries.js';
import { eventConditions, eventOrder, SqlParams, type SqlFragment } from './event-sql.js';
import { SEARCH_FUNCTION } from './sqlite-connection.js';
import { EVENT_COLUMNS } from './sqlite-rows.js';

export type { SqlFragment, SqlParam } from './event-sql.js';

/** SQLite's placeholders, and search through the same JavaScript function as the in-memory store. */
export const SQLITE_DIALECT: queries.SqlDialect = {
  placeholders: 'question',
  search: (params, needle) =>
    `${SEARCH_FUNCTION}(${params.add(needle)}, description, action, resource_type, resource_id, user_id)`,
  nulls: false,
  eventSelect: EVENT_COLUMNS.join(', '),
};

// The statements the store runs, built here so tests can ask SQLite how it plans them.

export function eventCountQuery(tenantId: string, filter: EventFilter): SqlFragment {
  return queries.eventCountQuery(SQLITE_DIALECT, tenantId, filter);
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
  const params = new SqlParams('question');
  const conditions = eventConditions(params, tenantId, filter, SQLITE_DIALECT.search);
  return {
    sql: `SELECT ${EVENT_COLUMNS.map((column) => `e.${column}`).join(', ')}
      FROM (SELECT seq FROM audit_events WHERE ${conditions.join(' AND ')}
            ORDER BY ${eventOrder(filter)} LIMIT ? OFFSET ?) AS page
      CROSS JOIN audit_events AS e ON e.seq = page.seq
      ORDER BY ${eventOrder(filter, 'e.')}`,
    params: [...params.values, page.limit, page.offset],
  };
}

export function eventListQuery(tenantId: string, filter: EventFilter): SqlFragment {
  return queries.eventListQuery(SQLITE_DIALECT, tenantId, filter);
}

export function summaryGroupsQuery(tenantId: string, filter: EventFilter): SqlFragment {
  return queries.summaryGroupsQuery(SQLITE_DIALECT, tenantId, filter);
}

export function timelineQuery(
  tenantId: string,
  filter: EventFilter,
  interval: SummaryInterval,
): SqlFragment {
  return queries.timelineQuery(SQLITE_DIALECT, tenantId, filter, interval);
}
