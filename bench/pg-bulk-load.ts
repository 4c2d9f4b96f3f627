// The benchmark's fast way to put millions of events into a PostgreSQL store: not how the
// API ingests. Through the store each batch keeps 14 indexes and the rollups current
// (about 3,500 events/s here, ~50 min for 10M). Here the event indexes are dropped, rows
// go in as large array inserts with their sequences and tree nodes (the same rows and
// tree the store writes), then the indexes are built once and the rollups counted in one
// INSERT … SELECT. The result is the database the store would have written.
import pg from 'pg';
import { canonicalLeafJson } from '../src/contract/leaf.js';
import type { AuditLogEvent } from '../src/contract/schemas/index.js';
import { insertEventRows, ROLLUPS_FROM_EVENTS } from '../demo/server/pg-event-insert.js';
import { appendTreeLeaves, lockTreeSize } from '../demo/server/pg-merkle.js';
import { Partitions } from '../demo/server/pg-partitions.js';
import { PG_TYPES } from '../demo/server/pg-store.js';
import { TENANT_SETTING } from '../demo/server/pg-schema.js';

const CHUNK = 20_000;

/** Loads `count` events of one tenant, made by `eventAt(i)`, into the store's database. */
export async function bulkLoadPg(
  config: pg.PoolConfig,
  tenantId: string,
  count: number,
  eventAt: (i: number) => AuditLogEvent,
  log: (line: string) => void,
): Promise<void> {
  const pool = new pg.Pool({ ...config, max: 2, types: PG_TYPES });
  const client = await pool.connect();
  try {
    await client.query(
      "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 1",
    );
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename IN ('audit_events', 'event_search')`,
    );
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    const partitions = new Partitions(pool);
    const started = performance.now();
    for (let from = 0; from < count; from += CHUNK) {
      const events = Array.from({ length: Math.min(CHUNK, count - from) }, (_, k) =>
        eventAt(from + k),
      );
      await partitions.ensureFor(events.map((event) => Date.parse(event.timestamp)));
      await client.query(
        `BEGIN; SELECT set_config('${TENANT_SETTING}', ${client.escapeLiteral(tenantId)}, true)`,
      );
      const size = await lockTreeSize(client, tenantId);
      const stored = events.map((event, offset) => ({ ...event, sequence: size + offset }));
      await insertEventRows(client, stored);
      await appendTreeLeaves(client, tenantId, size, stored.map(canonicalLeafJson));
      await client.query('COMMIT');
      if ((from / CHUNK) % 50 === 49) {
        const seconds = (performance.now() - started) / 1000;
        log(`  rows: ${from + events.length} in ${seconds.toFixed(0)} s`);
      }
    }
    for (const index of indexes) {
      const at = performance.now();
      // pg_indexes shows a partitioned index as `ON ONLY`, which would skip the partitions.
      await client.query(index.definition.replace(' ON ONLY ', ' ON '));
      log(`  index ${index.name}: ${((performance.now() - at) / 1000).toFixed(0)} s`);
    }
    await client.query(
      `BEGIN; SELECT set_config('${TENANT_SETTING}', ${client.escapeLiteral(tenantId)}, true)`,
    );
    await client.query(ROLLUPS_FROM_EVENTS, [tenantId]);
    await client.query('COMMIT');
  } finally {
    client.release();
    await pool.end();
  }
}
