import type pg from 'pg';
import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { bucketExpression } from './event-queries.js';
import { ROLLUP_KEY } from './event-rollups.js';
import { facetRollupsFrom } from './facet-rollups.js';
import { searchText } from './pg-event-sql.js';
import { totalsFrom } from './pg-event-totals.js';
import { eventValues, INSERT_EVENT_COLUMNS } from './sqlite-rows.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

const COLUMN_TYPES: Record<string, string> = {
  timestamp: 'bigint',
  created_at: 'bigint',
  severity_rank: 'smallint',
  sequence: 'bigint',
};
const ROLLUP_COLUMNS = [...ROLLUP_KEY, 'n', 'first_at', 'last_at'] as const;
const ROLLUPS_ON_CONFLICT = `ON CONFLICT (${ROLLUP_KEY.join(', ')}) DO UPDATE SET
    n = event_rollups.n + excluded.n,
    first_at = LEAST(event_rollups.first_at, excluded.first_at),
    last_at = GREATEST(event_rollups.last_at, excluded.last_at)`;

/** A set of events' counts per rollup row, in key order so concurrent writers lock alike. */
function rollupsFrom(source: string, where = ''): string {
  return `INSERT INTO event_rollups (${ROLLUP_COLUMNS.join(', ')})
    SELECT tenant_id, ${bucketExpression('timestamp', 'hour')}, event_type, severity_rank, resource_type,
      count(*), min(timestamp), max(timestamp)
    FROM ${source} ${where}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
}

/** A batch's rows as PostgreSQL reads them, made before the tenant's log is locked. */
export interface EventBatch {
  /** The events' columns but their sequences, as one JSON document. */
  events: string;
  /** Each event's id and search text, as one JSON document. */
  search: string;
}

// The rows travel as JSON documents, which PostgreSQL parses in C (the driver's array
// literals cost ~2.5× the JavaScript time), read as `jsonb`: its rows are taken apart about
// a quarter faster than `json`'s, which builds a hash table per row. Metadata travels as
// its JSON text in a string: read as a nested document, a `\u0000` in it would be refused.
const BATCH_COLUMNS = INSERT_EVENT_COLUMNS.filter((column) => column !== 'sequence');
const SEQUENCE_AT = INSERT_EVENT_COLUMNS.indexOf('sequence');

export function eventBatch(events: readonly AuditLogEvent[]): EventBatch {
  const rows = events.map((event) => {
    const values = eventValues(event);
    values.splice(SEQUENCE_AT, 1);
    const row: Record<string, unknown> = {};
    for (let i = 0; i < BATCH_COLUMNS.length; i++) row[BATCH_COLUMNS[i]!] = values[i];
    return row;
  });
  const search = events.map((event) => ({ id: event.id, search_text: searchText(event) }));
  return { events: JSON.stringify(rows), search: JSON.stringify(search) };
}

// The search text needs no place in the log, so it is written before the log is locked:
// its heap and trigram index (pg-schema.ts, SEARCH_TABLE) are kept current while another
// write of the tenant holds the lock, and are visible with the events, at commit.
const SEARCH_INSERT = `INSERT INTO event_search (tenant_id, id, search_text)
  SELECT $2::text, id, search_text FROM jsonb_to_recordset($1::jsonb) AS b (id text, search_text text)`;

/** Stores a batch's search text; needs no lock, so it goes before `insertLockedEvents`. */
export async function insertSearchText(
  db: Queryable,
  tenantId: string,
  batch: EventBatch,
): Promise<void> {
  await db.query({
    name: 'event-search-insert',
    text: SEARCH_INSERT,
    values: [batch.search, tenantId],
  });
}

// One statement and one round trip from the lock to the events: the tenant's tree row is
// locked (writers of one tenant take turns from here to commit, so sequences follow commit
// order), the events numbered from its size in their order in the batch, and the rollups
// (hourly, totals, facets') counted by the database. Everything that reads `batch` waits
// for `tree`, so the rollup rows are locked after the tree's row by every writer alike.
const LOCKED_INSERT = `WITH tree AS (
    INSERT INTO merkle_trees (tenant_id, size) VALUES ($2::text, 0)
    ON CONFLICT (tenant_id) DO UPDATE SET size = merkle_trees.size
    RETURNING size, edge
  ), batch AS (
    SELECT b.*, tree.size + b.place - 1 AS sequence
    FROM tree, ROWS FROM (jsonb_to_recordset($1::jsonb)
      AS (${BATCH_COLUMNS.map((column) => `${column} ${COLUMN_TYPES[column] ?? 'text'}`).join(', ')}))
      WITH ORDINALITY AS b (${BATCH_COLUMNS.join(', ')}, place)
  ), events AS (
    INSERT INTO audit_events (${INSERT_EVENT_COLUMNS.join(', ')})
    SELECT ${INSERT_EVENT_COLUMNS.map((column) => (column === 'metadata' ? 'metadata::json' : column)).join(', ')} FROM batch
  ), rollups AS (
    ${rollupsFrom('batch')}
    ${ROLLUPS_ON_CONFLICT}
  ), totals AS (
    ${totalsFrom('batch')}
  ), facets AS (
    ${facetRollupsFrom('batch')}
  )
  SELECT size, edge FROM tree`;

/**
 * Locks the tenant's log until the transaction ends and stores the batch's events, numbered
 * from the log's size, with their rollups; answers that size (the first event's sequence)
 * and the tree's stored right edge (see `appendTreeLeaves`).
 */
export async function insertLockedEvents(
  db: Queryable,
  tenantId: string,
  batch: EventBatch,
): Promise<{ size: number; edge: Uint8Array | null }> {
  const { rows } = await db.query<{ size: number; edge: Uint8Array | null }>({
    name: 'audit-events-insert',
    text: LOCKED_INSERT,
    values: [batch.events, tenantId],
  });
  return rows[0]!;
}

/**
 * The rollups of a tenant counted from its events in one statement (for a bulk load that
 * skipped them; the API keeps them current with each write instead).
 */
export const ROLLUPS_FROM_EVENTS = rollupsFrom('audit_events', 'WHERE tenant_id = $1');

/** A tenant's facet rollups counted from its events, likewise for a bulk load. */
export const FACET_ROLLUPS_FROM_EVENTS = facetRollupsFrom('audit_events', 'tenant_id = $1');
