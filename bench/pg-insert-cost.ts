// Where a PostgreSQL write's CPU goes: `node --import tsx bench/pg-insert-cost.ts [mode]`,
// in a throwaway cluster with the server bench's settings, the bench's events, 1000 a batch.
//   drop          (default) per variant a fresh database, into which the store writes
//                 BENCH_EVENTS (30,000) events one batch at a time after the variant's DDL
//                 (each index dropped in turn, the trigram index's settings, one GIN for the
//                 filter-only columns); cluster CPU (bench/cluster-cpu.ts) and this
//                 process's CPU per event, BENCH_ROUNDS (3) alternating rounds;
//   explain       EXPLAIN (ANALYZE, BUFFERS, WAL) of each statement the store sends for one
//                 batch written after BENCH_PRELOAD (30,000) events;
//   drop-explain  the events' and the search text's inserts alone, explained with each index
//                 dropped in turn inside a transaction that rolls back (BENCH_NO_EACH=1
//                 skips the one-by-one drops).
// BENCH_VARIANTS=word,word keeps the `drop` variants whose DDL holds one of the words.
import { join } from 'node:path';
import pg from 'pg';
import { searchText } from '../demo/server/pg-event-sql.js';
import { PgStore } from '../demo/server/pg-store.js';
import { TENANT_SETTING } from '../demo/server/pg-schema.js';
import { createDatabase, startPostgresCluster } from '../test/support/postgres-cluster.js';
import { storedEvent } from './bench-events.js';
import { clusterCpuSeconds } from './cluster-cpu.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 30_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PRELOAD = Number(process.env.BENCH_PRELOAD ?? 30_000);
const BATCH = 1000;
const TENANT = 'cost';
const mode = process.argv[2] ?? 'drop';

const cluster = await startPostgresCluster({
  settings: { shared_buffers: '2GB', max_wal_size: '8GB', work_mem: '64MB' },
});
process.once('SIGINT', () => {
  cluster.stop();
  process.exit(130);
});
const admin = cluster.config('postgres');
const dataDir = join(String(admin.host), 'data');

/** Indexes a write keeps current, as the schema has them now. */
async function writeIndexes(config: pg.PoolConfig): Promise<string[]> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relname IN ('audit_events', 'event_search') ORDER BY t.relname, c.relname`,
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

async function write(store: PgStore, from: number, count: number, now: number): Promise<void> {
  for (let at = from; at < from + count; at += BATCH) {
    const events = Array.from({ length: Math.min(BATCH, from + count - at) }, (_, k) =>
      storedEvent(TENANT, at + k, now, 1_000_000),
    );
    await store.insertEvents(TENANT, events);
  }
}

/** Cluster and process CPU, in µs per event, of writing `EVENTS` events after `ddl`. */
async function measure(ddl: string | null): Promise<{ cluster: number; process: number }> {
  const config = await createDatabase(admin, 'cost');
  const store = await PgStore.open(config);
  try {
    if (ddl) {
      const client = new pg.Client(config);
      await client.connect();
      await client.query(ddl);
      await client.end();
    }
    const now = Date.now();
    await write(store, 0, BATCH, now);
    const clusterStart = clusterCpuSeconds(dataDir);
    const processStart = process.cpuUsage();
    await write(store, BATCH, EVENTS, now);
    const own = process.cpuUsage(processStart);
    return {
      cluster: ((clusterCpuSeconds(dataDir) - clusterStart) * 1e6) / EVENTS,
      process: (own.user + own.system) / EVENTS,
    };
  } finally {
    await store.close();
  }
}

/** Statements a store's connections sent while `capturing`; their commits roll back instead. */
const captured: { text: string; values: unknown[] }[] = [];
let capturing = false;
class CapturingClient extends pg.Client {
  // @ts-expect-error: one override for all of `query`'s overloads
  override query(query: string | pg.QueryConfig, values?: unknown, callback?: unknown) {
    if (capturing) {
      const text = typeof query === 'string' ? query : query.text;
      const params = typeof query === 'string' ? values : query.values;
      captured.push({ text, values: Array.isArray(params) ? params : [] });
      if (text === 'COMMIT') return super.query('ROLLBACK');
    }
    // @ts-expect-error: passed through as called
    return super.query(query, values, callback);
  }
}

async function explain(): Promise<void> {
  const config = await createDatabase(admin, 'cost');
  const store = await PgStore.open({ ...config, Client: CapturingClient } as pg.PoolConfig);
  const now = Date.now();
  await write(store, 0, PRELOAD, now);
  // One more batch as the store writes it (with an idempotency key, as the API does),
  // rolled back, then each of its statements explained in that order in one transaction.
  capturing = true;
  const events = Array.from({ length: BATCH }, (_, k) =>
    storedEvent(TENANT, PRELOAD + k, now, 1_000_000),
  );
  const at = new Date().toISOString();
  await store.insertEvents(TENANT, events, {
    key: 'explain',
    fingerprint: 'explain',
    notBefore: new Date(Date.parse(at) - 86_400_000).toISOString(),
    now: at,
  });
  capturing = false;
  await store.close();
  const client = new pg.Client(config);
  await client.connect();
  await client.query(
    `BEGIN; SELECT set_config('${TENANT_SETTING}', ${client.escapeLiteral(TENANT)}, true)`,
  );
  for (const statement of captured) {
    if (/^(BEGIN|COMMIT|ROLLBACK)/.test(statement.text)) continue;
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF) ${statement.text}`,
      statement.values,
    );
    console.log(statement.text.slice(0, 100).replace(/\s+/g, ' '));
    console.log(rows.map((row) => row['QUERY PLAN']).join('\n'), '\n');
  }
  await client.query('ROLLBACK');
  await client.end();
}

/**
 * One database of `PRELOAD` events; then, round after round, one batch of the events'
 * insert explained with each index dropped in turn inside a transaction that rolls back, so
 * every variant writes the same rows into the same tables. The least time of the rounds
 * per variant is the figure least touched by a shared machine.
 */
async function dropExplain(): Promise<void> {
  const config = await createDatabase(admin, 'cost');
  const store = await PgStore.open(config);
  const now = Date.now();
  await write(store, 0, PRELOAD, now);
  await store.close();
  const indexes = await writeIndexes(config);
  const client = new pg.Client(config);
  await client.connect();
  const events = Array.from({ length: BATCH }, (_, k) =>
    storedEvent(TENANT, PRELOAD + k, now, 1_000_000),
  );
  const rows = JSON.stringify(
    events.map((event) => ({
      ...event,
      metadata: JSON.stringify(event.metadata),
      search_text: searchText(event),
    })),
  );
  const columns = `id text, tenant_id text, event_type text, resource_type text, action text,
    severity text, description text, resource_id text, metadata text, ip_address text,
    user_agent text, session_id text, correlation_id text, user_id text, timestamp text,
    created_at text, search_text text`;
  const statements = {
    events: `INSERT INTO audit_events (id, tenant_id, event_type, resource_type, action, severity,
        description, resource_id, metadata, ip_address, user_agent, session_id, correlation_id,
        user_id, timestamp, created_at, sequence, severity_rank)
      SELECT id, tenant_id, event_type, resource_type, action, severity, description,
        resource_id, metadata::json, ip_address, user_agent, session_id, correlation_id, user_id,
        (extract(epoch FROM timestamp::timestamptz) * 1000)::bigint,
        (extract(epoch FROM created_at::timestamptz) * 1000)::bigint, ${PRELOAD} + n, 3
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (${columns})) WITH ORDINALITY AS b (
        id, tenant_id, event_type, resource_type, action, severity, description, resource_id,
        metadata, ip_address, user_agent, session_id, correlation_id, user_id, timestamp,
        created_at, search_text, n)`,
    search: `INSERT INTO event_search (tenant_id, id, search_text)
      SELECT tenant_id, id, search_text FROM jsonb_to_recordset($1::jsonb)
        AS b (${columns})`,
  };
  const variants: [string, string, string | null][] = [
    ['events', 'all indexes', null],
    ...indexes
      .filter((index) => index.startsWith('events_') && !process.env.BENCH_NO_EACH)
      .map((index): [string, string, string] => ['events', index, `DROP INDEX ${index}`]),
    [
      'events',
      'no index',
      `DROP INDEX ${indexes.filter((i) => i.startsWith('events_')).join(', ')}`,
    ],
    [
      'events',
      'four filter-only btrees',
      'DROP INDEX events_by_resource, events_by_session, events_by_correlation, events_by_ip',
    ],
    ...['', 'tenant_id, '].map((tenant): [string, string, string] => [
      'events',
      `one gin (${tenant}resource, session, …)`,
      `CREATE EXTENSION IF NOT EXISTS btree_gin;
       CREATE INDEX events_by_exact ON audit_events
         USING gin (${tenant}resource_id, session_id, correlation_id, ip_address);
       DROP INDEX events_by_resource, events_by_session, events_by_correlation, events_by_ip`,
    ]),
    ['search', 'trigram index', null],
    ['search', 'no index', 'DROP INDEX event_search_text'],
  ];
  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [statement, label, ddl] of variants) {
      await client.query(
        `BEGIN; SELECT set_config('${TENANT_SETTING}', ${client.escapeLiteral(TENANT)}, true)`,
      );
      if (ddl) await client.query(ddl);
      const { rows: plan } = await client.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${statements[statement as keyof typeof statements]}`,
        [rows],
      );
      await client.query('ROLLBACK');
      const ms = plan[0]!['QUERY PLAN'][0]!['Execution Time'];
      const key = `${statement}: ${label}`;
      best.set(key, Math.min(best.get(key) ?? Infinity, ms));
    }
  }
  await client.end();
  console.log(`least of ${ROUNDS} rounds, ${BATCH} rows after ${PRELOAD}, µs per event:`);
  for (const [key, ms] of best)
    console.log(`${key.padEnd(36)} ${((ms * 1000) / BATCH).toFixed(1)}`);
}

const name = (variant: string | null) => variant?.replace(/\s+/g, ' ') ?? 'all indexes';

try {
  if (mode === 'explain') {
    await explain();
  } else if (mode === 'drop-explain') {
    await dropExplain();
  } else {
    const listed = await createDatabase(admin, 'list');
    await (await PgStore.open(listed)).close();
    const indexes = await writeIndexes(listed);
    const all: (string | null)[] = [
      null,
      ...indexes.map((index) => `DROP INDEX ${index}`),
      `DROP INDEX ${indexes.filter((index) => index.startsWith('events_')).join(', ')}`,
      'ALTER INDEX event_search_text SET (fastupdate = off)',
      'ALTER INDEX event_search_text SET (gin_pending_list_limit = 65536)',
      ...['', 'tenant_id, '].map(
        (tenant) => `CREATE EXTENSION IF NOT EXISTS btree_gin;
          CREATE INDEX events_by_exact ON audit_events
            USING gin (${tenant}resource_id, session_id, correlation_id, ip_address);
          DROP INDEX events_by_resource, events_by_session, events_by_correlation, events_by_ip`,
      ),
    ];
    const only = process.env.BENCH_VARIANTS?.split(',');
    const variants = all.filter(
      (variant) => !only || variant === null || only.some((word) => variant.includes(word)),
    );
    const results = new Map<string | null, { cluster: number[]; process: number[] }>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const variant of variants) {
        const result = await measure(variant);
        const seen = results.get(variant) ?? { cluster: [], process: [] };
        seen.cluster.push(result.cluster);
        seen.process.push(result.process);
        results.set(variant, seen);
        console.log(
          `round ${round} ${name(variant)}: cluster ${result.cluster.toFixed(1)} µs/event, process ${result.process.toFixed(1)} µs/event`,
        );
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const base = median(results.get(null)!.cluster);
    console.log(`\nmedian of ${ROUNDS} rounds, ${EVENTS} events each:`);
    for (const [variant, seen] of results) {
      const cluster = median(seen.cluster);
      console.log(
        `${name(variant).padEnd(28)} cluster ${cluster.toFixed(1).padStart(6)} µs/event` +
          (variant ? ` (saves ${(base - cluster).toFixed(1)})` : '') +
          `, process ${median(seen.process).toFixed(1)}`,
      );
    }
  }
} finally {
  cluster.stop();
}
