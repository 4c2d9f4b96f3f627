import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventCountQuery } from '../../demo/server/event-queries.js';
import { PG_DIALECT } from '../../demo/server/pg-event-sql.js';
import { PgStore } from '../../demo/server/pg-store.js';
import { INTERVAL_MS } from '../../src/contract/constants.js';
import type { EventFilter } from '../../src/server/store/types.js';
import { createDatabase } from '../support/postgres-cluster.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import {
  ANY,
  event,
  expectAgreesWithMemory,
  expectFacetsAgreeAtEdges,
  iso,
  loadEdgeEvents,
  NOW,
} from '../support/store-agreement.js';

const open: PgStore[] = [];

async function freshStore(): Promise<{ store: PgStore; config: pg.PoolConfig }> {
  const config = await createDatabase(inject('postgres'));
  const store = await PgStore.open(config);
  open.push(store);
  return { store, config };
}

afterAll(async () => {
  await Promise.all(open.map((store) => store.close()));
});

/** A plain connection as the store's role, to see what the database itself allows. */
async function withClient<T>(config: pg.PoolConfig, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('row-level security, the second wall between tenants', () => {
  let config: pg.PoolConfig;
  beforeAll(async () => {
    const opened = await freshStore();
    config = opened.config;
    await opened.store.insertEvents('acme', [event('acme'), event('acme')]);
    await opened.store.insertEvents('globex', [event('globex')]);
  });

  it('shows a query that names no tenant nothing at all', async () => {
    await withClient(config, async (client) => {
      for (const table of [
        'audit_events',
        'event_rollups',
        'event_totals',
        'facet_rollups',
        'idempotency_keys',
        'merkle_trees',
        'merkle_runs',
      ]) {
        const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`);
        expect(rows[0]!.n, table).toBe('0');
      }
      const { rows } = await client.query('SELECT id FROM audit_events_2026_03');
      expect(rows).toEqual([]);
    });
  });

  it("shows a tenant's transaction its own rows only, and refuses another tenant's rows", async () => {
    await withClient(config, async (client) => {
      await client.query("BEGIN; SELECT set_config('audit.tenant_id', 'globex', true)");
      const { rows } = await client.query<{ tenant_id: string }>(
        'SELECT tenant_id FROM audit_events',
      );
      expect(rows.map((row) => row.tenant_id)).toEqual(['globex']);
      await expect(
        client.query(
          `INSERT INTO event_rollups (tenant_id, hour, event_type, severity_rank, resource_type, n, first_at, last_at)
           VALUES ('acme', 0, 'data_access', 1, 'invoice', 1, 0, 0)`,
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
    });
  });
});

describe('search, whose text sits outside the policy for its trigram index', () => {
  it("finds, counts and summarises one tenant's matches only", async () => {
    const { store } = await freshStore();
    const shared = { description: 'Rotated the shared signing key' };
    await store.insertEvents('acme', [event('acme', shared), event('acme')]);
    await store.insertEvents('globex', [event('globex', shared), event('globex', shared)]);
    const filter = { ...ANY, search: 'SHARED SIGNING' };
    const { items, total } = await store.queryEvents('acme', filter, { offset: 0, limit: 10 });
    expect(items.map((item) => [item.tenant_id, item.description])).toEqual([
      ['acme', shared.description],
    ]);
    expect(total).toBe(1);
    expect((await store.summarize('globex', filter, null)).total_count).toBe(2);
  });
});

describe('partitions by month', () => {
  it('stores events from year 1 to year 9999, each month in a partition made on demand', async () => {
    const { store, config } = await freshStore();
    const times = [
      '0001-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '9999-12-31T23:59:59.999Z',
    ];
    const events = times.map((timestamp) => event('acme', { timestamp }));
    await store.insertEvents('acme', events);
    const { items, total } = await store.queryEvents(
      'acme',
      { ...ANY, sort_order: 'asc' },
      { offset: 0, limit: 10 },
    );
    expect(total).toBe(3);
    expect(items.map((item) => item.timestamp)).toEqual(times);
    const partitions = await withClient(config, async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'audit_events'::regclass`,
      );
      return rows.map((row) => row.name);
    });
    expect(partitions).toEqual(
      expect.arrayContaining([
        'audit_events_0001_01',
        'audit_events_1969_12',
        'audit_events_9999_12',
      ]),
    );
    const summary = await store.summarize('acme', ANY, null);
    expect([summary.min_timestamp, summary.max_timestamp]).toEqual([times[0], times[2]]);
  });

  it('keeps a month made ahead of time for the months around now', async () => {
    const { store } = await freshStore();
    const soon = new Date();
    soon.setUTCMonth(soon.getUTCMonth() + 2);
    await store.insertEvents('acme', [event('acme', { timestamp: soon.toISOString() })]);
    expect(await store.countEvents('acme', ANY)).toBe(1);
  });
});

describe('the schema', () => {
  it('refuses a database written by a newer schema, with a message saying what to do', async () => {
    const { store, config } = await freshStore();
    await store.setMeta('schema_version', '99');
    await expect(PgStore.open(config)).rejects.toThrow(
      /newer than this server's.*another database/,
    );
  });
});

describe("a page's total", () => {
  const HOUR = INTERVAL_MS.hour;
  const lastDay = { ...ANY, start_date: iso(NOW - 24 * HOUR + 1) };

  /** The plan PostgreSQL makes for a tenant's count, as text. */
  async function countPlan(config: pg.PoolConfig, filter: EventFilter): Promise<string> {
    const query = eventCountQuery(PG_DIALECT, 'acme', filter);
    return withClient(config, async (client) => {
      await client.query("BEGIN; SELECT set_config('audit.tenant_id', 'acme', true)");
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ${query.sql}`,
        query.params,
      );
      await client.query('ROLLBACK');
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  it('adds up one row per hour without filters, and counts only the partial hour of a range from events', async () => {
    const { store, config } = await freshStore();
    // The month's partition exists, so the planner keeps the edge's scan in the plan.
    await store.insertEvents('acme', [event('acme')]);
    const whole = await countPlan(config, ANY);
    expect(whole).toContain('event_totals');
    expect(whole).not.toMatch(/event_rollups|audit_events/);
    const day = await countPlan(config, lastDay);
    expect(day).toContain('event_totals');
    expect(day).toContain('audit_events');
    expect(day).not.toContain('event_rollups');
    // A filter the hourly totals do not keep: the finer rollups, or the events, answer.
    const errors = await countPlan(config, { ...ANY, severities: ['error'] });
    expect(errors).toContain('event_rollups');
    expect(errors).not.toContain('event_totals');
  });

  it('counts the events of a database written before the hourly totals', async () => {
    const { store, config } = await freshStore();
    const times = [NOW - 30 * HOUR, NOW - 2 * HOUR, NOW - 2 * HOUR + 1, NOW];
    await store.insertEvents(
      'acme',
      times.map((at) => event('acme', { timestamp: iso(at) })),
    );
    await store.insertEvents('globex', [event('globex')]);
    await store.close();
    // Back to schema version 6, before the totals (and the facet rollups after them).
    await withClient(config, (client) =>
      client.query(
        "DROP TABLE event_totals, facet_rollups; UPDATE meta SET value = '6' WHERE key = 'schema_version'",
      ),
    );
    const upgraded = await PgStore.open(config);
    open.push(upgraded);
    expect(await upgraded.countEvents('acme', ANY)).toBe(4);
    expect(await upgraded.countEvents('acme', lastDay)).toBe(3);
    expect(await upgraded.countEvents('globex', ANY)).toBe(1);
    await upgraded.insertEvents('acme', [event('acme', { timestamp: iso(NOW - 2 * HOUR) })]);
    expect(await upgraded.countEvents('acme', ANY)).toBe(5);
  });
});

describe('facets', () => {
  it('counts facets over ranges ending on, inside and beside hours and days as MemoryStore does', async () => {
    const { store } = await freshStore();
    const memory = new MemoryStore();
    await loadEdgeEvents(store, memory);
    await expectFacetsAgreeAtEdges(store, memory, 'acme');
    await expectFacetsAgreeAtEdges(store, memory, 'globex');
  });

  it('fills the facet rollups from the events of a database written before them', async () => {
    const { store, config } = await freshStore();
    const memory = new MemoryStore();
    await loadEdgeEvents(store, memory);
    await store.close();
    // Back to schema version 7, before the facet rollups.
    await withClient(config, (client) =>
      client.query(
        "DROP TABLE facet_rollups; UPDATE meta SET value = '7' WHERE key = 'schema_version'",
      ),
    );
    const upgraded = await PgStore.open(config);
    open.push(upgraded);
    await expectFacetsAgreeAtEdges(upgraded, memory, 'acme');
    await expectFacetsAgreeAtEdges(upgraded, memory, 'globex');
    // Writes after the upgrade add to the filled rows.
    const later = [event('acme', { user_id: 'alice' }), event('acme', { action: 'delete' })];
    memory.insertEvents('acme', later);
    await upgraded.insertEvents('acme', later);
    await expectFacetsAgreeAtEdges(upgraded, memory, 'acme');
    // The filled table keeps its tenant wall.
    await withClient(config, async (client) => {
      const { rows } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM facet_rollups');
      expect(rows[0]!.n).toBe('0');
    });
  });
});

describe('streaming events', () => {
  it('releases its connection when the reader stops early, so streams never run the pool dry', async () => {
    const { store } = await freshStore();
    await store.insertEvents(
      'acme',
      Array.from({ length: 1200 }, (_, i) => event('acme', { timestamp: iso(NOW - i * 1000) })),
    );
    // More early stops than the pool has connections.
    for (let i = 0; i < 12; i++) {
      for await (const first of store.streamEvents('acme', ANY)) {
        expect(first.tenant_id).toBe('acme');
        break;
      }
    }
    const ids = new Set<string>();
    for await (const item of store.streamEvents('acme', ANY)) ids.add(item.id);
    expect(ids.size).toBe(1200);
  });

  it('ends an open export when the store closes instead of hanging the close', async () => {
    const { store } = await freshStore();
    await store.insertEvents(
      'acme',
      Array.from({ length: 600 }, () => event('acme')),
    );
    const iterator = store.streamEvents('acme', ANY)[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    await store.close();
    await iterator.return?.(undefined);
  });
});

describe('agreement with the in-memory store', () => {
  it('answers every filter, sort, page, stream and summary exactly as MemoryStore does', async () => {
    const { store } = await freshStore();
    await expectAgreesWithMemory(store, { numRuns: 150, minNonEmpty: 70 });
  });
});
