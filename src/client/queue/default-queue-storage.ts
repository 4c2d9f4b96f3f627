import { indexedDbQueueStorage } from './indexeddb-queue-storage.js';
import {
  localStorageQueueStorage,
  memoryQueueStorage,
  type QueueStorage,
} from './queue-storage.js';

function localStorageWorks(): boolean {
  try {
    const probe = 'audit-log-sdk:probe';
    globalThis.localStorage.setItem(probe, probe);
    globalThis.localStorage.removeItem(probe);
    return true;
  } catch {
    // Missing (Node, workers) or refused (privacy modes, sandboxed frames).
    return false;
  }
}

/**
 * The most durable storage this runtime has: IndexedDB, else localStorage, else memory.
 * The queue reports which one it got (`state.storage`), so an app can warn when events
 * would not survive a reload.
 */
export function defaultQueueStorage(): QueueStorage {
  if (typeof globalThis.indexedDB !== 'undefined') return indexedDbQueueStorage();
  if (localStorageWorks()) return localStorageQueueStorage();
  return memoryQueueStorage();
}
