import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PgStore } from '../../demo/server/pg-store.js';
import { canonicalLeafJson } from '../../src/contract/leaf.js';
import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { tenantProofs } from '../../src/server/merkle/tree-heads.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import type { AuditStore } from '../../src/server/store/types.js';
import { storedEvent } from '../contract/helpers.js';
import { createDatabase } from '../support/postgres-cluster.js';
import { hex, rfcLeafHash, rfcRoot } from '../support/rfc6962.js';

const open: PgStore[] = [];
afterAll(async () => {
  await Promise.all(open.map((store) => store.close()));
});

async function openStore(config: pg.PoolConfig): Promise<PgStore> {
  const store = await PgStore.open(config);
  open.push(store);
  return store;
}

const rootOf = async (store: AuditStore, tenant: string) =>
  hex(await tenantProofs(store, tenant).root(await store.getTreeSize(tenant)));

/** Events a second apart, so their order in the log is their order here. */
const events = Array.from({ length: 23 }, (_, i) =>
  storedEvent(i % 3 === 0 ? 'globex' : 'acme', {
    description: `old ${i}`,
    created_at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
  }),
);
const own = (tenant: string): AuditLogEvent[] =>
  events.filter((event) => event.tenant_id === tenant);

describe('the PostgreSQL log', () => {
  it('numbers and logs the events of a database written before tamper evidence', async () => {
    const config = await createDatabase(inject('postgres'));
    const store = await PgStore.open(config);
    // Written in two batches per tenant, newest first: the upgrade orders by time.
    for (const tenant of ['acme', 'globex']) {
      const rows = own(tenant).reverse();
      await store.insertEvents(tenant, rows.slice(0, 4));
      await store.insertEvents(tenant, rows.slice(4));
    }
    await store.close();
    // Back to the first schema: no sequences, no tree, no viewer sessions, no hourly totals
    // or facet rollups, search text on the events (copied back tenant by tenant: the policy
    // binds this role too).
    const client = new pg.Client(config);
    await client.connect();
    await client.query(`DROP TABLE viewer_sessions; DROP TABLE merkle_runs; DROP TABLE merkle_trees;
      DROP TABLE event_totals; DROP TABLE facet_rollups; DROP INDEX events_by_sequence;
      ALTER TABLE audit_events DROP COLUMN sequence;
      ALTER TABLE audit_events ADD COLUMN search_text text NOT NULL DEFAULT '';
      CREATE INDEX events_search ON audit_events USING gin (search_text gin_trgm_ops);`);
    for (const tenant of ['acme', 'globex']) {
      await client.query(
        `BEGIN; SELECT set_config('audit.tenant_id', ${client.escapeLiteral(tenant)}, true)`,
      );
      await client.query(
        `UPDATE audit_events AS e SET search_text = s.search_text FROM event_search AS s
         WHERE s.tenant_id = e.tenant_id AND s.id = e.id`,
      );
      await client.query('COMMIT');
    }
    await client.query(`DROP TABLE event_search;
      UPDATE meta SET value = '1' WHERE key = 'schema_version';`);
    await client.end();

    const reopened = await openStore(config);
    const memory = new MemoryStore();
    for (const tenant of ['acme', 'globex']) {
      const rows = own(tenant);
      memory.insertEvents(tenant, rows);
      expect(await reopened.getTreeSize(tenant)).toBe(rows.length);
      const sequences = await reopened.getSequences(
        tenant,
        rows.map((event) => event.id),
      );
      expect(rows.map((event) => sequences.get(event.id))).toEqual(rows.map((_, i) => i));
      const leaves = rows.map((event, sequence) =>
        rfcLeafHash(new TextEncoder().encode(canonicalLeafJson({ ...event, sequence }))),
      );
      expect(await rootOf(reopened, tenant)).toBe(hex(rfcRoot(leaves)));
      // Both stores build the same log from the same events.
      expect(await rootOf(memory, tenant)).toBe(await rootOf(reopened, tenant));
    }
    // Search finds the upgraded events from their moved search text.
    const found = await reopened.queryEvents(
      'acme',
      { sort_by: 'timestamp', sort_order: 'asc', search: 'OLD 1' },
      { offset: 0, limit: 50 },
    );
    expect(found.items.map((event) => event.description).sort()).toEqual(
      own('acme')
        .map((event) => event.description)
        .filter((description) => description.startsWith('old 1'))
        .sort(),
    );
    // Writes after the upgrade continue the log.
    const next = await reopened.insertEvents('acme', [storedEvent('acme')]);
    expect(next.status === 'created' && next.events[0]!.sequence).toBe(own('acme').length);
  });

  it('numbers gap-free in commit order when two servers write one tenant at once', async () => {
    const config = await createDatabase(inject('postgres'));
    const [a, b] = [await openStore(config), await openStore(config)];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? a : b).insertEvents('acme', [storedEvent('acme'), storedEvent('acme')]),
      ),
    );
    const sequences = results
      .flatMap((result) => (result.status === 'created' ? result.events : []))
      .map((event) => event.sequence)
      .sort((x, y) => x! - y!);
    expect(sequences).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(await b.getTreeSize('acme')).toBe(24);
    // The tree both wrote is the one the stored rows make.
    const stored = await a.getSequences(
      'acme',
      results
        .flatMap((result) => (result.status === 'created' ? result.events : []))
        .map((e) => e.id),
    );
    expect([...stored.values()].sort((x, y) => x - y)).toEqual(sequences);
    const memory = new MemoryStore();
    // The memory store numbers them afresh, in the order the database committed them.
    const inOrder = results
      .flatMap((result) => (result.status === 'created' ? result.events : []))
      .sort((x, y) => x.sequence! - y.sequence!);
    memory.insertEvents('acme', inOrder);
    expect(await rootOf(a, 'acme')).toBe(await rootOf(memory, 'acme'));
  });

  it('grows the same tree from the edge kept beside its size as from the stored nodes', async () => {
    const config = await createDatabase(inject('postgres'));
    const store = await openStore(config);
    const memory = new MemoryStore();
    for (const [i, count] of [1, 2, 3, 5, 8, 13, 1, 31].entries()) {
      if (i === 4) {
        // As a tree last written before the edge was kept: the next write reads the nodes.
        const client = new pg.Client(config);
        await client.connect();
        await client.query(`BEGIN; SELECT set_config('audit.tenant_id', 'acme', true);
          UPDATE merkle_trees SET edge = NULL; COMMIT`);
        await client.end();
      }
      const batch = Array.from({ length: count }, () => storedEvent('acme'));
      await store.insertEvents('acme', batch);
      memory.insertEvents('acme', batch);
      expect(await rootOf(store, 'acme')).toBe(await rootOf(memory, 'acme'));
    }
  });
});
