// The benchmark's fast way to put millions of events into a PostgreSQL store: not how the
// API ingests. Through the store each batch keeps 13 indexes, the search index, the
// rollups and the tamper log current (about 3,500 events/s on this shared machine, ~50 min
// for 10M). Here the events of `bench-events.ts` are made by the database itself with the
// indexes dropped, then the indexes are built once and the rollups, hourly totals and facet
// rollups counted in one INSERT … SELECT each. The tamper log is not written: the events have no
// sequences, as in a database from before tamper evidence, so this load serves pages,
// filters, search and summaries, not tree heads or proofs.
import pg from 'pg';
import { EVENT_TYPES, SEARCH_FIELDS } from '../src/contract/schemas/index.js';
import { SEVERITY_RANK } from '../src/server/store/event-order.js';
import { SEARCH_SEPARATOR } from '../demo/server/event-sql.js';
import { FACET_ROLLUPS_FROM_EVENTS, ROLLUPS_FROM_EVENTS } from '../demo/server/pg-event-insert.js';
import { TOTALS_FROM_EVENTS } from '../demo/server/pg-event-totals.js';
import { Partitions } from '../demo/server/pg-partitions.js';
import { TENANT_SETTING } from '../demo/server/pg-schema.js';
import {
  ACTIONS,
  DAY,
  DESCRIPTION_TAIL,
  RESOURCE_TYPES,
  SEVERITY_BY_SLOT,
  SPAN_DAYS,
  USER_AGENT,
  USERS,
} from './bench-events.js';

/** Events per statement (and per progress line). */
const CHUNK = 500_000;

// Event i of $2 (from $1), as `storedEvent` makes it; the id is time-ordered like
// `newTimeOrderedId` (48 bits of milliseconds, version 7), its random part from md5.
const INSERT_EVENTS = `
  WITH made AS (
    SELECT i, ($4::bigint - floor(i::float8 / $3 * ${SPAN_DAYS * DAY})::bigint) AS t, md5(i::text) AS r
    FROM generate_series($1::bigint, $2::bigint - 1) AS i
  ), events AS (
    INSERT INTO audit_events (id, tenant_id, event_type, resource_type, action, severity,
      severity_rank, description, resource_id, metadata, ip_address, user_agent, session_id,
      correlation_id, user_id, timestamp, created_at)
    SELECT
      substr(lpad(to_hex(t), 12, '0'), 1, 8) || '-' || substr(lpad(to_hex(t), 12, '0'), 9, 4)
        || '-7' || substr(r, 1, 3) || '-8' || substr(r, 4, 3) || '-' || substr(r, 7, 12),
      $5, ($6::text[])[i % ${EVENT_TYPES.length} + 1], ($7::text[])[i % ${RESOURCE_TYPES.length} + 1],
      ($8::text[])[i % ${ACTIONS.length} + 1], ($9::text[])[(i * 7919) % 100 + 1],
      ($10::smallint[])[(i * 7919) % 100 + 1], 'Benchmark event ' || i || ': ' || $11,
      'res-' || i % 5000, ('{"request_path":"/api/items/' || i % 1000 || '","status":200}')::json,
      '10.0.' || ((i >> 8) & 255) || '.' || (i & 255), $12, 'sess-' || i / 20, 'corr-' || i / 5,
      'user-' || i % ${USERS}, t, t
    FROM made
    RETURNING tenant_id, id, ${SEARCH_FIELDS.join(', ')}
  )
  INSERT INTO event_search (tenant_id, id, search_text)
  SELECT tenant_id, id,
    concat_ws(${`chr(${SEARCH_SEPARATOR.charCodeAt(0)})`}, ${SEARCH_FIELDS.map((field) => `lower(coalesce(${field}, ''))`).join(', ')})
  FROM events`;

async function inTenant(client: pg.ClientBase, tenantId: string, sql: string, values: unknown[]) {
  await client.query(
    `BEGIN; SELECT set_config('${TENANT_SETTING}', ${client.escapeLiteral(tenantId)}, true)`,
  );
  await client.query(sql, values);
  await client.query('COMMIT');
}

/** Loads `count` bench events of one tenant, the newest at `now`, into the store's database. */
export async function bulkLoadPg(
  config: pg.PoolConfig,
  tenantId: string,
  count: number,
  now: number,
  log: (line: string) => void,
): Promise<void> {
  const pool = new pg.Pool({ ...config, max: 2 });
  const client = await pool.connect();
  try {
    await client.query("SET maintenance_work_mem = '1GB'");
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename IN ('audit_events', 'event_search')`,
    );
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    await new Partitions(pool).ensureFor([now, now - SPAN_DAYS * DAY]);
    const started = performance.now();
    for (let from = 0; from < count; from += CHUNK) {
      const to = Math.min(count, from + CHUNK);
      await inTenant(client, tenantId, INSERT_EVENTS, [
        from,
        to,
        count,
        now,
        tenantId,
        EVENT_TYPES,
        RESOURCE_TYPES,
        ACTIONS,
        SEVERITY_BY_SLOT,
        SEVERITY_BY_SLOT.map((severity) => SEVERITY_RANK[severity]),
        DESCRIPTION_TAIL,
        USER_AGENT,
      ]);
      log(`  rows: ${to} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    for (const index of indexes) {
      const at = performance.now();
      // pg_indexes shows a partitioned index as `ON ONLY`, which would skip the partitions.
      await client.query(index.definition.replace(' ON ONLY ', ' ON '));
      log(`  index ${index.name}: ${((performance.now() - at) / 1000).toFixed(0)} s`);
    }
    await inTenant(client, tenantId, ROLLUPS_FROM_EVENTS, [tenantId]);
    await inTenant(client, tenantId, TOTALS_FROM_EVENTS, [tenantId]);
    await inTenant(client, tenantId, FACET_ROLLUPS_FROM_EVENTS, [tenantId]);
  } finally {
    client.release();
    await pool.end();
  }
}
