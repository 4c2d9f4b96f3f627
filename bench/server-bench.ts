// Reference server benchmark: `npm run bench:server` (figures go to BENCHMARKS.md).
// Ingest over HTTP, then query and summary latency at 1,000,000 events in one tenant,
// then the memory a streamed 100,000-row CSV export costs. SQLite store on a temp file;
// `-- --db postgres` runs the PostgreSQL store in a throwaway local cluster instead, and
// `-- --db postgres://…` on an existing database.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgStore } from '../demo/server/pg-store.js';
import { openSqliteStore } from '../demo/server/sqlite-threaded-store.js';
import type { AuditStore } from '../src/server/store/types.js';
import { createDatabase, startPostgresCluster } from '../test/support/postgres-cluster.js';
import { createBody, DAY, storedEvent } from './bench-events.js';
import { clusterCpuSeconds } from './cluster-cpu.js';
import { bulkLoadPg } from './pg-bulk-load.js';
import { ms, serveWithAdmin, timeRuns } from './support.js';

const INGEST_EVENTS = Number(process.env.BENCH_INGEST ?? 100_000);
// BENCH_FILE=path keeps the SQLite file and reuses the large tenant it already holds, so
// repeated runs measure the queries without loading a million events each time; a database
// named by `--db postgres://…` outlives the run too, and is reused alike.
const KEPT_FILE = process.env.BENCH_FILE;
// Idempotency keys of this run: a kept file remembers the last run's for a day.
const RUN = Date.now().toString(36);
const LARGE_TENANT_EVENTS = Number(process.env.BENCH_LARGE ?? 1_000_000);
// BENCH_LOAD=bulk (PostgreSQL only) loads the large tenant through bench/pg-bulk-load.ts.
const BULK_LOAD = process.env.BENCH_LOAD === 'bulk';
const FACETS_5 = ['event_type', 'severity', 'action', 'resource_type', 'user_id']
  .map((field) => `fields=${field}`)
  .join('&');

async function ingest(store: AuditStore) {
  const server = await serveWithAdmin(store, 'ingest');
  const BATCH = 1000;
  const CONCURRENCY = 4;
  let next = 0;
  const start = performance.now();
  // CPU time too: on a shared machine wall time swings with the neighbours, CPU time less.
  const cpuStart = process.cpuUsage();
  const databaseCpuStart = clusterCpu();
  async function worker() {
    while (next < INGEST_EVENTS) {
      const from = next;
      next += BATCH;
      const audit_logs = Array.from({ length: Math.min(BATCH, INGEST_EVENTS - from) }, (_, k) =>
        createBody(from + k),
      );
      const response = await fetch(`${server.baseUrl}/api/v1/audit/events/batch`, {
        method: 'POST',
        headers: { ...server.headers, 'Idempotency-Key': `bench-${RUN}-${from}` },
        body: JSON.stringify({ audit_logs }),
      });
      if (response.status !== 201) throw new Error(`batch failed: ${response.status}`);
      await response.arrayBuffer();
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const databaseCpuSeconds = clusterCpu() - databaseCpuStart;
  await server.close();
  return { seconds, perSecond: INGEST_EVENTS / seconds, cpuSeconds, databaseCpuSeconds };
}

async function largeTenant(store: AuditStore, afterLoad: () => Promise<void>) {
  const tenant = 'large';
  const now = Date.now();
  const start = performance.now();
  const kept = KEPT_FILE !== undefined || (pgConfig !== null && cluster === null);
  const held = kept
    ? await store.countEvents(tenant, { sort_by: 'timestamp', sort_order: 'desc' })
    : 0;
  const reused = held >= LARGE_TENANT_EVENTS;
  if (BULK_LOAD && pgConfig && !reused) {
    await bulkLoadPg(pgConfig, tenant, LARGE_TENANT_EVENTS, now, console.log);
  } else {
    for (let from = reused ? LARGE_TENANT_EVENTS : 0; from < LARGE_TENANT_EVENTS; from += 10_000) {
      const count = Math.min(10_000, LARGE_TENANT_EVENTS - from);
      await store.insertEvents(
        tenant,
        Array.from({ length: count }, (_, k) =>
          storedEvent(tenant, from + k, now, LARGE_TENANT_EVENTS),
        ),
      );
    }
  }
  const loadSeconds = (performance.now() - start) / 1000;
  await afterLoad();
  const server = await serveWithAdmin(store, tenant);
  const get = (path: string) => async () => {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: server.headers });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    await response.arrayBuffer();
  };
  const weekAgo = new Date(now - 7 * DAY).toISOString();
  const pageIds = (
    (await (
      await fetch(`${server.baseUrl}/api/v1/audit/events?size=50`, { headers: server.headers })
    ).json()) as { items: { id: string }[] }
  ).items.map((event) => event.id);
  const proofs = async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/audit/proofs`, {
      method: 'POST',
      headers: { ...server.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: pageIds, tree_size: LARGE_TENANT_EVENTS }),
    });
    if (!response.ok) throw new Error(`proofs: ${response.status}`);
    await response.arrayBuffer();
  };
  const middle = Math.floor(LARGE_TENANT_EVENTS / 2);
  const measures: [string, number, number, () => Promise<void>][] = [
    ['firstPage', 40, 5, get('/api/v1/audit/events?size=50')],
    [
      'filteredPage',
      40,
      5,
      get(
        `/api/v1/audit/events?severities=error&severities=critical&start_date=${weekAgo}&size=50`,
      ),
    ],
    ['searchPage', 10, 2, get('/api/v1/audit/events?search=user-42&size=50')],
    // The sidebar's question: five fields' top values, over the tenant and over a week.
    ['facets5', 15, 2, get(`/api/v1/audit/events/facets?${FACETS_5}`)],
    [
      'facets5LastWeek',
      15,
      2,
      get(`/api/v1/audit/events/facets?${FACETS_5}&start_date=${weekAgo}`),
    ],
    ['facets5OneUser', 15, 2, get(`/api/v1/audit/events/facets?${FACETS_5}&user_ids=user-42`)],
    ['summary', 15, 2, get('/api/v1/audit/summary')],
    ['treeHead', 40, 5, get('/api/v1/audit/tree-head')],
    ['proofsFor50RowPage', 40, 5, proofs],
    // The viewer's gap check of a page in the middle of the log: its 50 places and one on
    // each side.
    [
      'entriesFor50RowPage',
      40,
      5,
      get(`/api/v1/audit/entries?start=${middle - 1}&end=${middle + 51}`),
    ],
    ['summaryTimeline', 15, 2, get(`/api/v1/audit/summary?interval=hour&start_date=${weekAgo}`)],
  ];
  console.log(
    reused
      ? `load: ${held} events already in ${KEPT_FILE ?? 'the database'}`
      : `load${BULK_LOAD ? ' (bulk)' : ''}: ${LARGE_TENANT_EVENTS} events into one tenant in ${loadSeconds.toFixed(1)} s`,
  );
  // BENCH_MEASURES=firstPage,summary runs only those (a run at 10M events, say).
  const only = process.env.BENCH_MEASURES?.split(',');
  // The bulk load writes no tamper log (see pg-bulk-load.ts): nothing to prove.
  const skipped = BULK_LOAD ? ['treeHead', 'proofsFor50RowPage', 'entriesFor50RowPage'] : [];
  for (const [name, runs, warmup, fn] of measures) {
    if ((only && !only.includes(name)) || skipped.includes(name)) continue;
    const timing = await timeRuns(runs, warmup, fn);
    console.log(`${name}: p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)}`);
  }
  await server.close();
}

/** Streams a CSV export of the last `days` and samples this process's memory meanwhile. */
async function exportMemory(store: AuditStore, days: number) {
  const server = await serveWithAdmin(store, 'large');
  const oldest = new Date(Date.now() - days * DAY).toISOString();
  globalThis.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 5);
  const start = performance.now();
  const response = await fetch(
    `${server.baseUrl}/api/v1/audit/events/export?format=csv&start_date=${oldest}`,
    { headers: server.headers },
  );
  const rows = Number(response.headers.get('X-Export-Count'));
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  clearInterval(sampler);
  const seconds = (performance.now() - start) / 1000;
  await server.close();
  return {
    rows,
    mb: bytes / 1e6,
    seconds,
    heapGrowthMb: (peakHeap - baseline.heapUsed) / 1e6,
    rssGrowthMb: (peakRss - baseline.rss) / 1e6,
  };
}

const { values: flags } = parseArgs({ options: { db: { type: 'string' } } });
const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
// A cluster sized for this benchmark: the default 128 MB of shared buffers is for a laptop.
const cluster =
  flags.db === 'postgres'
    ? await startPostgresCluster({
        settings: { shared_buffers: '2GB', max_wal_size: '8GB', work_mem: '64MB' },
      })
    : null;
// Stopped with Ctrl-C, the cluster goes too: nothing is left running.
process.once('SIGINT', () => {
  cluster?.stop();
  process.exit(130);
});
const pgConfig: pg.PoolConfig | null = cluster
  ? await createDatabase(cluster.config('postgres'), 'bench')
  : flags.db?.startsWith('postgres')
    ? { connectionString: flags.db }
    : null;
const store: AuditStore = pgConfig
  ? await PgStore.open(pgConfig)
  : await openSqliteStore(KEPT_FILE ?? join(dir, 'bench.sqlite'));
console.log(`store: ${pgConfig ? 'PostgreSQL' : 'SQLite'}`);
/** The throwaway cluster's CPU seconds so far; its socket directory holds its data. */
const clusterCpu = () =>
  cluster ? clusterCpuSeconds(join(String(cluster.config('postgres').host), 'data')) : 0;

/** After a bulk load PostgreSQL's autovacuum would analyse the table; the bench does not wait. */
async function afterLoad() {
  if (!pgConfig) return;
  const client = new pg.Client(pgConfig);
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE) audit_events');
    await client.query('VACUUM (ANALYZE) event_rollups');
    await client.query('VACUUM (ANALYZE) event_totals');
  } finally {
    await client.end();
  }
}

try {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`);
  // Ingest is measured into an empty file, as without BENCH_FILE: a kept file's million
  // events would make it a different measure.
  const ingestStore =
    KEPT_FILE && !pgConfig ? await openSqliteStore(join(dir, 'ingest.sqlite')) : store;
  const ingestResult = await ingest(ingestStore);
  if (ingestStore !== store) await ingestStore.close?.();
  console.log(
    `ingest: ${INGEST_EVENTS} events via /events/batch (1000 per request, 4 in flight) in ${ingestResult.seconds.toFixed(2)} s = ${Math.round(ingestResult.perSecond)} events/s; ${ingestResult.cpuSeconds.toFixed(2)} s of CPU (server and client) = ${Math.round(INGEST_EVENTS / ingestResult.cpuSeconds)} events per CPU-second${cluster ? `; with PostgreSQL's ${ingestResult.databaseCpuSeconds.toFixed(2)} s, ${Math.round(INGEST_EVENTS / (ingestResult.cpuSeconds + ingestResult.databaseCpuSeconds))} events per CPU-second` : ''}`,
  );
  // BENCH_ONLY=ingest stops here (before and after comparisons of writes).
  if (process.env.BENCH_ONLY !== 'ingest') {
    await largeTenant(store, afterLoad);
    // Flat means the memory an export costs does not grow with its size: compare 10× apart.
    // BENCH_EXPORT=0 skips it (a run at 10M events measures pages and summaries only).
    for (const days of process.env.BENCH_EXPORT === '0' ? [] : [0.3, 3]) {
      const exported = await exportMemory(store, days);
      console.log(
        `csv export: ${exported.rows} rows, ${exported.mb.toFixed(1)} MB in ${exported.seconds.toFixed(2)} s; peak heap growth ${exported.heapGrowthMb.toFixed(1)} MB, peak RSS growth ${exported.rssGrowthMb.toFixed(1)} MB`,
      );
    }
  }
} finally {
  await store.close?.();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
}
