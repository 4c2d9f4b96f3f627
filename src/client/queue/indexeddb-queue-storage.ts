import { openDB, type IDBPDatabase } from 'idb';
import type { Principal } from '../auth/principal.js';
import type { QueueRecord, QueueStorage } from './queue-storage.js';

const STORE = 'events';
const BY_OWNER = 'owner';

/** Every key of one owner's records lies in this range, and no other owner's does. */
const ownerRange = (owner: Principal) =>
  IDBKeyRange.bound([owner.tenantId, owner.id, -Infinity], [owner.tenantId, owner.id, Infinity]);

/**
 * Kept in IndexedDB: survives reloads and browser restarts, with room for large queues.
 * Records are keyed by (tenant, principal, id) and read through an index over (tenant,
 * principal, enqueuedAt), so every read and delete is bounded to one owner's key range.
 */
export function indexedDbQueueStorage(name = 'audit-log-sdk-queue'): QueueStorage {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= openDB(name, 2, {
      upgrade(database, oldVersion) {
        // Version 1 filed records by id alone: whose they were is unknown, so none of them
        // may be sent by anyone (sending them as whoever signs in was the flaw version 2 ends).
        if (oldVersion < 2 && database.objectStoreNames.contains(STORE)) {
          database.deleteObjectStore(STORE);
        }
        database
          .createObjectStore(STORE, { keyPath: ['tenantId', 'principal', 'id'] })
          .createIndex(BY_OWNER, ['tenantId', 'principal', 'enqueuedAt']);
      },
    }));
  return {
    kind: 'indexeddb',
    async load(owner) {
      return (await (
        await open()
      ).getAllFromIndex(STORE, BY_OWNER, ownerRange(owner))) as QueueRecord[];
    },
    async put(records) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
    },
    async delete(owner, ids) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([
        ...ids.map((id) => tx.store.delete([owner.tenantId, owner.id, id])),
        tx.done,
      ]);
    },
  };
}
