import { openDB, type IDBPDatabase } from 'idb';
import type { QueueRecord, QueueStorage } from './queue-storage.js';

const STORE = 'events';

/**
 * Kept in IndexedDB: survives reloads and browser restarts, with room for large queues.
 * `idb` wraps the callback API in promises; the schema is one object store keyed by id.
 */
export function indexedDbQueueStorage(name = 'audit-log-sdk-queue'): QueueStorage {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= openDB(name, 1, {
      upgrade(database) {
        database
          .createObjectStore(STORE, { keyPath: 'id' })
          .createIndex('enqueuedAt', 'enqueuedAt');
      },
    }));
  return {
    kind: 'indexeddb',
    async load() {
      return (await (await open()).getAllFromIndex(STORE, 'enqueuedAt')) as QueueRecord[];
    },
    async put(records) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
    },
    async delete(ids) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}
