// `audit-log-sdk/queue`: the durable outbox. An entry of its own, so apps that send events
// directly do not ship it or idb; it works with the `AuditLogClient` of `audit-log-sdk`.
export {
  AuditEventQueue,
  waitUntilDrained,
  type AuditEventQueueOptions,
  type FailedQueueEvent,
  type HeldQueueEvents,
  type QueueState,
} from './audit-event-queue.js';
export {
  localStorageQueueStorage,
  memoryQueueStorage,
  type QueueRecord,
  type QueueStorage,
  type QueueStorageKind,
} from './queue-storage.js';
export { indexedDbQueueStorage } from './indexeddb-queue-storage.js';
export { defaultQueueStorage } from './default-queue-storage.js';
