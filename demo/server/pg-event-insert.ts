import type pg from 'pg';
import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { ROLLUP_KEY, ROLLUP_MS } from './event-rollups.js';
import { searchText } from './pg-event-sql.js';
import { totalsFrom } from './pg-event-totals.js';
import { eventValues, INSERT_EVENT_COLUMNS } from './sqlite-rows.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

const BATCH_COLUMNS = [...INSERT_EVENT_COLUMNS, 'search_text'];
const COLUMN_TYPES: Record<string, string> = {
  timestamp: 'bigint',
  created_at: 'bigint',
  severity_rank: 'smallint',
  sequence: 'bigint',
};
const ROLLUP_COLUMNS = [...ROLLUP_KEY, 'n', 'first_at', 'last_at'] as const;
/** The hour an instant falls in, for any sign (`%` keeps the dividend's sign). */
const HOUR = `timestamp - ((timestamp % ${ROLLUP_MS}) + ${ROLLUP_MS}) % ${ROLLUP_MS}`;
const ROLLUPS_ON_CONFLICT = `ON CONFLICT (${ROLLUP_KEY.join(', ')}) DO UPDATE SET
    n = event_rollups.n + excluded.n,
    first_at = LEAST(event_rollups.first_at, excluded.first_at),
    last_at = GREATEST(event_rollups.last_at, excluded.last_at)`;

/** A set of events' counts per rollup row, in key order so concurrent writers lock alike. */
function rollupsFrom(source: string, where = ''): string {
  return `INSERT INTO event_rollups (${ROLLUP_COLUMNS.join(', ')})
    SELECT tenant_id, ${HOUR}, event_type, severity_rank, resource_type,
      count(*), min(timestamp), max(timestamp)
    FROM ${source} ${where}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
}

// One statement and one round trip per batch: the rows arrive as one JSON document, which
// PostgreSQL parses in C (the driver's array literals cost ~2.5× the JavaScript time), and
// the events, their search text (pg-schema.ts, SEARCH_TABLE) and the rollups are written
// from it, so the rollups are counted by the database instead of in JavaScript. Metadata
// travels as its JSON text in a string: read as a nested document, a `\u0000` in it
// would be refused.
const EVENT_INSERT = `WITH batch AS (
    SELECT * FROM json_to_recordset($1::json)
      AS b (${BATCH_COLUMNS.map((column) => `${column} ${COLUMN_TYPES[column] ?? 'text'}`).join(', ')})
  ), events AS (
    INSERT INTO audit_events (${INSERT_EVENT_COLUMNS.join(', ')})
    SELECT ${INSERT_EVENT_COLUMNS.map((column) => (column === 'metadata' ? 'metadata::json' : column)).join(', ')} FROM batch
  ), search AS (
    INSERT INTO event_search (tenant_id, id, search_text) SELECT tenant_id, id, search_text FROM batch
  ), totals AS (
    ${totalsFrom('batch')}
  )
  ${rollupsFrom('batch')}
  ${ROLLUPS_ON_CONFLICT}`;

/** Stores events that already carry their sequences, with their search text and rollups. */
export async function insertEvents(db: Queryable, events: readonly AuditLogEvent[]): Promise<void> {
  const rows = events.map((event) => {
    const values = [...eventValues(event), searchText(event)];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < BATCH_COLUMNS.length; i++) row[BATCH_COLUMNS[i]!] = values[i];
    return row;
  });
  await db.query({
    name: 'audit-events-insert',
    text: EVENT_INSERT,
    values: [JSON.stringify(rows)],
  });
}

/**
 * The rollups of a tenant counted from its events in one statement (for a bulk load that
 * skipped them; the API keeps them current with each write instead).
 */
export const ROLLUPS_FROM_EVENTS = rollupsFrom('audit_events', 'WHERE tenant_id = $1');
