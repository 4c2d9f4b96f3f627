import {
  excludeKey,
  filterFields,
  type AuditLogEvent,
  type Severity,
  type ViewerScope,
} from '../../src/contract/schemas/index.js';
import { searchFields, SEVERITY_RANK } from '../../src/server/store/event-order.js';
import type { EventFilter } from '../../src/server/store/types.js';

// The parts of the events' SQL both databases share: which column each filter (from the
// contract's field table) and sort key reads, and the `WHERE` a query's filters make. Each dialect supplies its placeholders and
// its search condition.

export type SqlParam = string | number;

/** A piece of SQL with its positional parameters, in order. */
export interface SqlFragment {
  sql: string;
  params: SqlParam[];
}

/**
 * Collects parameters while SQL is written: `add` answers the placeholder for a value,
 * `?` for SQLite and `$n` for PostgreSQL, so conditions can be written in either.
 */
export class SqlParams {
  readonly values: SqlParam[] = [];
  readonly #numbered: boolean;

  constructor(style: 'question' | 'numbered') {
    this.#numbered = style === 'numbered';
  }

  add(value: SqlParam): string {
    this.values.push(value);
    return this.#numbered ? `$${this.values.length}` : '?';
  }

  list(values: readonly SqlParam[]): string {
    return values.map((value) => this.add(value)).join(', ');
  }
}

/**
 * The start of the `size`-millisecond span a millisecond column falls in: floor division,
 * also for instants before 1970 (both databases' `/` and `%` truncate towards zero).
 * `size` is a number or an expression.
 */
export function spanStart(column: string, size: number | string): string {
  return `(${column} - ((${column} % ${size}) + ${size}) % ${size})`;
}

/** Each event field is a column of the same name; severity is kept as its rank. */
export const fieldColumn = (field: string) => (field === 'severity' ? 'severity_rank' : field);

/** One list of a query: the events whose field is one of `values`, or (`exclude`) is not. */
export interface ListMatch {
  field: string;
  values: readonly string[];
  exclude: boolean;
}

/** The query's filter sets: its own, and the viewer scope it must stay inside when it has one. */
function filterParts(filter: EventFilter): ViewerScope[] {
  return filter.scope ? [filter, filter.scope] : [filter];
}

/** The non-empty lists and exclusions of a query and its scope, as the field table's rows name them. */
export function listFilters(filter: EventFilter): ListMatch[] {
  return filterParts(filter).flatMap((part) =>
    filterFields().flatMap(([key, { field }]) => {
      const matches: ListMatch[] = [];
      const values = part[key] as readonly string[] | undefined;
      if (values && values.length > 0) matches.push({ field, values, exclude: false });
      const excluded = part[excludeKey(key)] as readonly string[] | undefined;
      if (excluded && excluded.length > 0) matches.push({ field, values: excluded, exclude: true });
      return matches;
    }),
  );
}

/** The searches a query must pass: its own and its scope's. */
export function searches(filter: EventFilter): string[] {
  return filterParts(filter).flatMap((part) => (part.search ? [part.search] : []));
}

/**
 * A list as an `IN` on its column: a NULL column matches no list, and an exclusion never
 * leaves out an event whose field is null (the contract says so). Severity by rank, so the
 * severity index serves this filter and the sort.
 */
export function listCondition(params: SqlParams, { field, values, exclude }: ListMatch): string {
  const column = fieldColumn(field);
  const stored =
    field === 'severity' ? values.map((severity) => SEVERITY_RANK[severity as Severity]) : values;
  const list = `${column} ${exclude ? 'NOT IN' : 'IN'} (${params.list(stored)})`;
  return exclude ? `(${column} IS NULL OR ${list})` : list;
}

/**
 * The dialect's search condition for a needle; it adds its own parameters and may name the
 * tenant's (already added) placeholder.
 */
export type SearchCondition = (params: SqlParams, needle: string, tenant: string) => string;

/**
 * The conditions of a query: the tenant, the inclusive date range, each non-empty list and
 * exclusion of the field table, then the search, for the query and its scope alike.
 */
export function eventConditions(
  params: SqlParams,
  tenantId: string,
  filter: EventFilter,
  search: SearchCondition,
): string[] {
  const tenant = params.add(tenantId);
  const conditions = [`tenant_id = ${tenant}`];
  if (filter.start_date !== undefined) {
    conditions.push(`timestamp >= ${params.add(Date.parse(filter.start_date))}`);
  }
  if (filter.end_date !== undefined) {
    conditions.push(`timestamp <= ${params.add(Date.parse(filter.end_date))}`);
  }
  for (const match of listFilters(filter)) conditions.push(listCondition(params, match));
  for (const needle of searches(filter)) conditions.push(search(params, needle, tenant));
  return conditions;
}

/** The order's columns, each once: the chosen field, then timestamp, then id. */
export function orderColumns(filter: EventFilter): string[] {
  return [...new Set([fieldColumn(filter.sort_by), 'timestamp', 'id'])];
}

/**
 * The contract's order: the chosen field, then timestamp, then id, all one direction, with
 * NULLs first ascending and last descending as the in-memory store sorts. SQLite does so by
 * itself; PostgreSQL is told (`nulls`).
 */
export function eventOrder(filter: EventFilter, alias = '', nulls = false): string {
  const ascending = filter.sort_order === 'asc';
  const direction = ascending ? 'ASC' : 'DESC';
  const nullsOrder = nulls ? (ascending ? ' NULLS FIRST' : ' NULLS LAST') : '';
  return orderColumns(filter)
    .map((column) => `${alias}${column} ${direction}${column === 'user_id' ? nullsOrder : ''}`)
    .join(', ');
}

/** Between the fields of a search text; a needle holding it is searched field by field. */
export const SEARCH_SEPARATOR = '\u001f';

/**
 * The searched fields lower-cased by JavaScript, as `matchesSearch` lowers them, so a
 * substring of this text is exactly what the in-memory store's search finds.
 */
export function searchText(
  event: Pick<
    AuditLogEvent,
    'description' | 'action' | 'resource_type' | 'resource_id' | 'user_id'
  >,
): string {
  return searchFields(event as AuditLogEvent)
    .map((field) => (field ?? '').toLowerCase())
    .join(SEARCH_SEPARATOR);
}
