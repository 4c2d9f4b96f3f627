import type { Principal } from '../auth/principal.js';

/** One event waiting in the queue, as kept in storage. */
export interface QueueRecord {
  /** Identifies the event in the queue and in `failed` reports. */
  id: string;
  /** The tenant it was queued for; it is sent for this tenant only. */
  tenantId: string;
  /** Who queued it (`Principal.id`: a user, or an API key's fingerprint); sent only as them. */
  principal: string;
  /** The validated wire body, ready to send. */
  event: Record<string, unknown>;
  enqueuedAt: number;
  /**
   * The batch this event was sent in, which is also that request's Idempotency-Key. Set
   * before the first send and kept until the server confirms, so a resend after a lost
   * answer, an outage or a reload is the same request and cannot store the event twice.
   */
  batchId: string | null;
  /** Why the server refused this event for good (a 400 no retry can fix); null while it may still go. */
  failed: { reason: string; code: string; at: number } | null;
}

export type QueueStorageKind = 'indexeddb' | 'localstorage' | 'memory';

/**
 * Where queued events survive until they are sent. Records are filed by owner (tenant and
 * principal): a queue reads, and so can send, only the records of whoever is signed in.
 */
export interface QueueStorage {
  readonly kind: QueueStorageKind;
  /** The owner's records, oldest first; never another owner's. */
  load(owner: Principal): Promise<QueueRecord[]>;
  /** Inserts or replaces records of one owner (the queue never mixes owners in a call). */
  put(records: readonly QueueRecord[]): Promise<void>;
  delete(owner: Principal, ids: readonly string[]): Promise<void>;
}

/** The owner a record is filed under. */
export function ownerOf(record: QueueRecord): Principal {
  return { tenantId: record.tenantId, id: record.principal };
}

// Tenant ids are letters, digits, `_ . -` (the contract), so `/` cannot make two owners one.
const ownerKey = (owner: Principal) => `${owner.tenantId}/${owner.id}`;

/** Kept in this page's memory only: lost on reload. For tests and for runtimes with no storage. */
export function memoryQueueStorage(): QueueStorage {
  const owners = new Map<string, Map<string, QueueRecord>>();
  const of = (owner: Principal) => {
    const key = ownerKey(owner);
    let records = owners.get(key);
    if (!records) owners.set(key, (records = new Map()));
    return records;
  };
  return {
    kind: 'memory',
    load: async (owner) => [...of(owner).values()].map((record) => structuredClone(record)),
    put: async (items) => {
      for (const item of items) of(ownerOf(item)).set(item.id, structuredClone(item));
    },
    delete: async (owner, ids) => {
      const records = of(owner);
      for (const id of ids) records.delete(id);
    },
  };
}

/**
 * Kept in `localStorage`, one key per owner (`<prefix>:<tenant>/<principal>`): survives
 * reloads, shared by the origin's tabs, and limited to a few megabytes, which the queue's
 * `maxSize` should respect.
 */
export function localStorageQueueStorage(
  prefix = 'audit-log-sdk:queue',
  storage: Storage = globalThis.localStorage,
): QueueStorage {
  const keyOf = (owner: Principal) => `${prefix}:${ownerKey(owner)}`;
  const read = (owner: Principal): QueueRecord[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(keyOf(owner)) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueueRecord[]) : [];
    } catch {
      return [];
    }
  };
  const write = (owner: Principal, records: QueueRecord[]) => {
    if (records.length === 0) storage.removeItem(keyOf(owner));
    else storage.setItem(keyOf(owner), JSON.stringify(records));
  };
  return {
    kind: 'localstorage',
    load: async (owner) => read(owner),
    put: async (items) => {
      if (items.length === 0) return;
      const owner = ownerOf(items[0]!);
      const byId = new Map(read(owner).map((record) => [record.id, record]));
      for (const item of items) byId.set(item.id, item);
      write(owner, [...byId.values()]);
    },
    delete: async (owner, ids) => {
      const gone = new Set(ids);
      write(
        owner,
        read(owner).filter((record) => !gone.has(record.id)),
      );
    },
  };
}
