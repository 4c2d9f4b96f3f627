import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../demo/server/sqlite-connection.js';
import { SqliteStore } from '../../demo/server/sqlite-store.js';
import { canonicalLeafJson } from '../../src/contract/leaf.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import { tenantProofs } from '../../src/server/merkle/tree-heads.js';
import { storedEvent } from '../contract/helpers.js';
import { hex, rfcLeafHash, rfcRoot } from '../support/rfc6962.js';
import { ANY } from '../support/store-agreement.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-tamper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rootOf = async (store: SqliteStore | MemoryStore, tenant: string) =>
  hex(await tenantProofs(store, tenant).root(await store.getTreeSize(tenant)));

describe('the SQLite log', () => {
  it('numbers and logs the events of a file written before tamper evidence', async () => {
    const path = join(dir, 'old.sqlite');
    const events = Array.from({ length: 23 }, (_, i) =>
      storedEvent(i % 3 === 0 ? 'globex' : 'acme', { description: `old ${i}` }),
    );
    const store = new SqliteStore(path);
    store.insertEvents(
      'acme',
      events.filter((event) => event.tenant_id === 'acme'),
    );
    store.insertEvents(
      'globex',
      events.filter((event) => event.tenant_id === 'globex'),
    );
    const summary = store.summarize('acme', ANY, 'hour');
    store.close();
    // Back to schema version 2: no sequences, no tree, no rollups, no viewer sessions, no
    // search index or its backlog, no facet rollups, no index by sequence (it migrates
    // through all of them).
    const db = openConnection(path, { readonly: false });
    db.exec(`DROP TABLE viewer_sessions; DROP TABLE merkle_runs; DROP TABLE merkle_trees;
      DROP TABLE event_search; DROP TABLE event_search_pending; DROP TABLE facet_rollups;
      DROP INDEX events_by_sequence;
      ALTER TABLE audit_events DROP COLUMN sequence;
      DROP TABLE event_rollups;
      CREATE INDEX events_summary ON audit_events
        (tenant_id, event_type, severity_rank, resource_type, timestamp);
      UPDATE meta SET value = '2' WHERE key = 'schema_version';`);
    db.close();

    const reopened = new SqliteStore(path);
    const memory = new MemoryStore();
    for (const tenant of ['acme', 'globex']) {
      const own = events.filter((event) => event.tenant_id === tenant);
      memory.insertEvents(tenant, own);
      expect(reopened.getTreeSize(tenant)).toBe(own.length);
      const sequences = reopened.getSequences(
        tenant,
        own.map((event) => event.id),
      );
      expect(own.map((event) => sequences.get(event.id))).toEqual(own.map((_, i) => i));
      const leaves = own.map((event, sequence) =>
        rfcLeafHash(new TextEncoder().encode(canonicalLeafJson({ ...event, sequence }))),
      );
      expect(await rootOf(reopened, tenant)).toBe(hex(rfcRoot(leaves)));
      // Both stores build the same log from the same events.
      expect(await rootOf(memory, tenant)).toBe(await rootOf(reopened, tenant));
    }
    expect(reopened.summarize('acme', ANY, 'hour')).toEqual(summary);
    reopened.close();
  });

  it('numbers gap-free when two connections write one file in turn', () => {
    const path = join(dir, 'shared.sqlite');
    const a = new SqliteStore(path);
    const b = new SqliteStore(path);
    const written = [];
    for (let i = 0; i < 10; i++) {
      const store = i % 2 === 0 ? a : b;
      const result = store.insertEvents('acme', [storedEvent('acme'), storedEvent('acme')]);
      if (result.status === 'created') written.push(...result.events);
    }
    expect(written.map((event) => event.sequence)).toEqual(written.map((_, i) => i));
    expect(a.getTreeSize('acme')).toBe(20);
    a.close();
    b.close();
  });
});
