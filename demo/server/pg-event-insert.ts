import type pg from 'pg';
import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { ROLLUP_KEY, ROLLUP_MS, rollupDeltas } from './event-rollups.js';
import { searchText } from './pg-event-sql.js';
import { eventValues, INSERT_EVENT_COLUMNS } from './sqlite-rows.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

const EVENT_INSERT_COLUMNS = [...INSERT_EVENT_COLUMNS, 'search_text'];
const EVENT_COLUMN_TYPES: Record<string, string> = {
  timestamp: 'bigint',
  created_at: 'bigint',
  severity_rank: 'smallint',
  sequence: 'bigint',
  metadata: 'json',
};
// Column by column as arrays, events and their search text (pg-schema.ts, SEARCH_TABLE) in
// one statement: one parse and one round trip for the whole batch.
const EVENT_INSERT = `WITH batch AS (
    SELECT * FROM unnest(${EVENT_INSERT_COLUMNS.map((column, i) => `$${i + 1}::${EVENT_COLUMN_TYPES[column] ?? 'text'}[]`).join(', ')})
      AS b (${EVENT_INSERT_COLUMNS.join(', ')})
  ), events AS (
    INSERT INTO audit_events (${INSERT_EVENT_COLUMNS.join(', ')})
    SELECT ${INSERT_EVENT_COLUMNS.join(', ')} FROM batch
  )
  INSERT INTO event_search (tenant_id, id, search_text) SELECT tenant_id, id, search_text FROM batch`;

const ROLLUP_COLUMNS = [...ROLLUP_KEY, 'n', 'first_at', 'last_at'] as const;
const ROLLUP_TYPES = ['text', 'bigint', 'text', 'smallint', 'text', 'bigint', 'bigint', 'bigint'];
const ROLLUP_UPSERT = `INSERT INTO event_rollups (${ROLLUP_COLUMNS.join(', ')})
  SELECT * FROM unnest(${ROLLUP_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
  ON CONFLICT (${ROLLUP_KEY.join(', ')}) DO UPDATE SET n = event_rollups.n + excluded.n,
    first_at = LEAST(event_rollups.first_at, excluded.first_at),
    last_at = GREATEST(event_rollups.last_at, excluded.last_at)`;

/** Stores events that already carry their sequences. */
export async function insertEventRows(
  db: Queryable,
  events: readonly AuditLogEvent[],
): Promise<void> {
  const columns = EVENT_INSERT_COLUMNS.map((): unknown[] => []);
  for (const event of events) {
    const values = [...eventValues(event), searchText(event)];
    for (let i = 0; i < values.length; i++) columns[i]!.push(values[i]);
  }
  await db.query({ name: 'audit-events-insert', text: EVENT_INSERT, values: columns });
}

/** Adds a batch's counts to the hourly rollups. */
export async function addToRollups(db: Queryable, events: readonly AuditLogEvent[]): Promise<void> {
  const deltas = rollupDeltas(events);
  await db.query({
    name: 'audit-rollups-upsert',
    text: ROLLUP_UPSERT,
    values: ROLLUP_COLUMNS.map((column) => deltas.map((delta) => delta[column])),
  });
}

/**
 * The rollups of a tenant counted from its events in one statement (for a bulk load that
 * skipped them; the API keeps them current with each write instead).
 */
export const ROLLUPS_FROM_EVENTS = `INSERT INTO event_rollups (${ROLLUP_COLUMNS.join(', ')})
  SELECT tenant_id, timestamp - ((timestamp % ${ROLLUP_MS}) + ${ROLLUP_MS}) % ${ROLLUP_MS} AS hour, event_type, severity_rank,
    resource_type, count(*), min(timestamp), max(timestamp)
  FROM audit_events WHERE tenant_id = $1
  GROUP BY 1, 2, 3, 4, 5`;
