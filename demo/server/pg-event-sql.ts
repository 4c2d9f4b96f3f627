import { SEARCH_FIELDS } from '../../src/contract/schemas/index.js';
import type { EventFilter, PageRequest } from '../../src/server/store/types.js';
import type { SqlDialect } from './event-queries.js';
import {
  eventConditions,
  eventOrder,
  SEARCH_SEPARATOR,
  SqlParams,
  type SqlFragment,
} from './event-sql.js';

export { searchText } from './event-sql.js';
import { EVENT_COLUMNS } from './sqlite-rows.js';

function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export const PG_DIALECT: SqlDialect = {
  placeholders: 'numbered',
  // The ids whose search text holds the needle, from the trigram index (see pg-schema.ts,
  // SEARCH_TABLE, for why the text is not on `audit_events`). `OFFSET 0` plans the subquery
  // on its own: pulled into the outer query, its tenant would join the policy's tenant
  // condition, and `LIKE` could again not run in the index ahead of it.
  search: (params, needle, tenant) => {
    const lowered = needle.toLowerCase();
    if (!lowered.includes(SEARCH_SEPARATOR)) {
      const pattern = params.add(`%${likeLiteral(lowered)}%`);
      return `id IN (SELECT id FROM event_search WHERE tenant_id = ${tenant} AND search_text LIKE ${pattern} OFFSET 0)`;
    }
    const placeholder = params.add(lowered);
    return `(${SEARCH_FIELDS.map((column) => `strpos(lower(${column}), ${placeholder}) > 0`).join(' OR ')})`;
  },
  nulls: true,
  hourTotals: true,
  facetRollups: true,
  eventSelect: EVENT_COLUMNS.map((column) =>
    column === 'metadata' ? 'metadata::text AS metadata' : column,
  ).join(', '),
};

/**
 * A page of events; `withTotal` adds every match's count to each row (`total`), for a search,
 * whose count no rollup keeps: the matches are found once for both (counted apart, a search
 * at 10M events took 0.96 s instead of 0.53).
 */
export function eventPageQuery(
  tenantId: string,
  filter: EventFilter,
  page: PageRequest,
  { withTotal = false } = {},
): SqlFragment {
  const params = new SqlParams('numbered');
  const conditions = eventConditions(params, tenantId, filter, PG_DIALECT.search);
  const total = withTotal ? ', COUNT(*) OVER () AS total' : '';
  return {
    sql: `SELECT ${PG_DIALECT.eventSelect}${total} FROM audit_events WHERE ${conditions.join(' AND ')}
      ORDER BY ${eventOrder(filter, '', true)}
      LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
    params: params.values,
  };
}
