import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import type { AuditStore } from '../../src/server/store/types.js';
import type { StoreKind } from './http-server.js';

/** Edits of stored rows behind the API's back, as someone with database access could make. */
export interface Tamperer {
  store: AuditStore;
  setDescription(tenantId: string, id: string, description: string): void;
  deleteEvent(tenantId: string, id: string): void;
  /** Swaps the sequences of two rows (their places in the log). */
  swapSequences(tenantId: string, a: string, b: string): void;
  /** Adds a row the log never saw, at the next sequence. */
  appendForged(event: AuditLogEvent): void;
  close(): void;
}

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
