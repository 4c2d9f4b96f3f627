import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import type { AuditStore } from '../../src/server/store/types.js';
import { inject } from 'vitest';
import type { StoreKind } from './http-server.js';

/** Edits of stored rows behind the API's back, as someone with database access could make. */
export interface Tamperer {
  store: AuditStore;
  /** The database file, for a store kept in one (SQLite). */
  file?: string;
  setDescription(tenantId: string, id: string, description: string): MaybePromise<void>;
  deleteEvent(tenantId: string, id: string): MaybePromise<void>;
  /** Swaps the sequences of two rows (their places in the log). */
  swapSequences(tenantId: string, a: string, b: string): MaybePromise<void>;
  /** Adds a row the log never saw, at the next sequence. */
  appendForged(event: AuditLogEvent): MaybePromise<void>;
  close(): MaybePromise<void>;
}

type MaybePromise<T> = T | Promise<T>;

export async function tamperableStore(kind: StoreKind): Promise<Tamperer> {
  if (kind === 'memory') {
    const store = new MemoryStore();
    const edit = (tenantId: string, change: (rows: AuditLogEvent[]) => void) =>
      store.editStoredEvents(tenantId, change);
    return {
      store,
      setDescription: (tenantId, id, description) =>
        edit(tenantId, (rows) => {
          rows.find((row) => row.id === id)!.description = description;
        }),
      deleteEvent: (tenantId, id) =>
        edit(tenantId, (rows) => {
          rows.splice(
            rows.findIndex((row) => row.id === id),
            1,
          );
        }),
      swapSequences: (tenantId, a, b) =>
        edit(tenantId, (rows) => {
          const first = rows.find((row) => row.id === a)!;
          const second = rows.find((row) => row.id === b)!;
          [first.sequence, second.sequence] = [second.sequence, first.sequence];
        }),
      appendForged: (event) => edit(event.tenant_id, (rows) => rows.push(event)),
      close: () => undefined,
    };
  }
  if (kind === 'postgres') return tamperablePgStore();
  // A file, and a second connection to it that writes straight into the tables.
  const [{ SqliteStore }, { openConnection }, { eventValues, INSERT_EVENT_COLUMNS }] =
    await Promise.all([
      import('../../demo/server/sqlite-store.js'),
      import('../../demo/server/sqlite-connection.js'),
      import('../../demo/server/sqlite-rows.js'),
    ]);
  const dir = mkdtempSync(join(tmpdir(), 'tamper-'));
  const path = join(dir, 'audit.sqlite');
  const store = new SqliteStore(path);
  const db = openConnection(path, { readonly: false });
  return {
    store,
    file: path,
    setDescription: (tenantId, id, description) => {
      db.prepare('UPDATE audit_events SET description = ? WHERE tenant_id = ? AND id = ?').run(
        description,
        tenantId,
        id,
      );
    },
    deleteEvent: (tenantId, id) => {
      db.prepare('DELETE FROM audit_events WHERE tenant_id = ? AND id = ?').run(tenantId, id);
    },
    swapSequences: (tenantId, a, b) => {
      const seq = db.prepare('SELECT sequence FROM audit_events WHERE tenant_id = ? AND id = ?');
      const sa = (seq.get(tenantId, a) as { sequence: number }).sequence;
      const sb = (seq.get(tenantId, b) as { sequence: number }).sequence;
      const set = db.prepare('UPDATE audit_events SET sequence = ? WHERE tenant_id = ? AND id = ?');
      set.run(sb, tenantId, a);
      set.run(sa, tenantId, b);
    },
    appendForged: (event) => {
      db.prepare(
        `INSERT INTO audit_events (${INSERT_EVENT_COLUMNS.join(', ')})
         VALUES (${INSERT_EVENT_COLUMNS.map(() => '?').join(', ')})`,
      ).run(...eventValues(event));
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh database, and a second connection as the store's role that writes straight into
 * the tables (inside the tenant's setting: row-level security binds the role too).
 */
async function tamperablePgStore(): Promise<Tamperer> {
  const [{ default: pg }, { PgStore }, { createDatabase }, { eventValues, INSERT_EVENT_COLUMNS }] =
    await Promise.all([
      import('pg'),
      import('../../demo/server/pg-store.js'),
      import('./postgres-cluster.js'),
      import('../../demo/server/sqlite-rows.js'),
    ]);
  const config = await createDatabase(inject('postgres'));
  const store = await PgStore.open(config);
  const db = new pg.Client(config);
  await db.connect();
  const edit = async (tenantId: string, sql: string, params: unknown[]) => {
    await db.query('BEGIN');
    try {
      await db.query("SELECT set_config('audit.tenant_id', $1, true)", [tenantId]);
      await db.query(sql, params);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  };
  return {
    store,
    setDescription: (tenantId, id, description) =>
      edit(tenantId, 'UPDATE audit_events SET description = $1 WHERE tenant_id = $2 AND id = $3', [
        description,
        tenantId,
        id,
      ]),
    deleteEvent: (tenantId, id) =>
      edit(tenantId, 'DELETE FROM audit_events WHERE tenant_id = $1 AND id = $2', [tenantId, id]),
    swapSequences: (tenantId, a, b) =>
      edit(
        tenantId,
        `UPDATE audit_events AS e SET sequence = o.sequence
         FROM audit_events AS o
         WHERE e.tenant_id = $1 AND o.tenant_id = $1
           AND ((e.id = $2 AND o.id = $3) OR (e.id = $3 AND o.id = $2))`,
        [tenantId, a, b],
      ),
    appendForged: (event) => {
      const columns = INSERT_EVENT_COLUMNS;
      return edit(
        event.tenant_id,
        `INSERT INTO audit_events (${columns.join(', ')})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        eventValues(event),
      );
    },
    close: async () => {
      await db.end();
      await store.close();
    },
  };
}
