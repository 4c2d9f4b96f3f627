import { filterFields, type Severity } from '../../src/contract/schemas/index.js';
import { SEVERITY_RANK } from '../../src/server/store/event-order.js';
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

/** Each event field is a column of the same name; severity is kept as its rank. */
export const fieldColumn = (field: string) => (field === 'severity' ? 'severity_rank' : field);

/** The query's non-empty list filters, as field-table rows name them: `[field, values]`. */
export function listFilters(filter: EventFilter): [field: string, values: readonly string[]][] {
  return filterFields().flatMap(([key, { field }]) => {
    const values = filter[key] as readonly string[] | undefined;
    return values && values.length > 0 ? [[field, values] as [string, readonly string[]]] : [];
  });
}

/**
 * A list filter as an `IN` on its column (a NULL column matches no list, as in the
 * in-memory store). Severity by rank, so the severity index serves this filter and the sort.
 */
export function listCondition(params: SqlParams, field: string, values: readonly string[]): string {
  const matched =
    field === 'severity' ? values.map((severity) => SEVERITY_RANK[severity as Severity]) : values;
  return `${fieldColumn(field)} IN (${params.list(matched)})`;
}

/** The dialect's search condition for a needle; it adds its own parameters. */
export type SearchCondition = (params: SqlParams, needle: string) => string;

/**
 * The conditions of a query: the tenant, the inclusive date range, each non-empty list of
 * the field table as an `IN`, then the search.
 */
export function eventConditions(
  params: SqlParams,
  tenantId: string,
  filter: EventFilter,
  search: SearchCondition,
): string[] {
  const conditions = [`tenant_id = ${params.add(tenantId)}`];
  if (filter.start_date !== undefined) {
    conditions.push(`timestamp >= ${params.add(Date.parse(filter.start_date))}`);
  }
  if (filter.end_date !== undefined) {
    conditions.push(`timestamp <= ${params.add(Date.parse(filter.end_date))}`);
  }
  for (const [field, values] of listFilters(filter)) {
    conditions.push(listCondition(params, field, values));
  }
  if (filter.search) conditions.push(search(params, filter.search));
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
