/** One event waiting in the queue, as kept in storage. */
export interface QueueRecord {
  /** Identifies the event in the queue and in `failed` reports. */
  id: string;
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

/** Where queued events survive until they are sent. */
export interface QueueStorage {
  readonly kind: QueueStorageKind;
  /** Every record, oldest first. */
  load(): Promise<QueueRecord[]>;
  /** Inserts or replaces records by id. */
  put(records: readonly QueueRecord[]): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
}

/** Kept in this page's memory only: lost on reload. For tests and for runtimes with no storage. */
export function memoryQueueStorage(): QueueStorage {
  const records = new Map<string, QueueRecord>();
  return {
    kind: 'memory',
    load: async () => [...records.values()].map((record) => structuredClone(record)),
    put: async (items) => {
      for (const item of items) records.set(item.id, structuredClone(item));
    },
    delete: async (ids) => {
      for (const id of ids) records.delete(id);
    },
  };
}

/**
 * Kept in `localStorage` under one key: survives reloads, shared by the origin's tabs, and
 * limited to a few megabytes, which the queue's `maxSize` should respect.
 */
export function localStorageQueueStorage(
  key = 'audit-log-sdk:queue',
  storage: Storage = globalThis.localStorage,
): QueueStorage {
  const read = (): QueueRecord[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueueRecord[]) : [];
    } catch {
      return [];
    }
  };
  const write = (records: QueueRecord[]) => storage.setItem(key, JSON.stringify(records));
  return {
    kind: 'localstorage',
    load: async () => read(),
    put: async (items) => {
      const byId = new Map(read().map((record) => [record.id, record]));
      for (const item of items) byId.set(item.id, item);
      write([...byId.values()]);
    },
    delete: async (ids) => {
      const gone = new Set(ids);
      write(read().filter((record) => !gone.has(record.id)));
    },
  };
}
