// `audit-log-sdk`: the framework-free client. Runs in browsers, Node ≥ 20, workers and edge runtimes.
export { AuditLogClient } from './audit-log-client.js';
export type {
  CsvExport,
  ExportFile,
  ExportFileOptions,
  ExportOptions,
  PageOptions,
  RequestOptions,
  WriteOptions,
} from './audit-log-client.js';
export type { AuditLogClientOptions } from './client-options.js';
export type { Principal } from './auth/principal.js';
export type { BatchOptions } from './batch.js';
export { MAX_BLOB_EXPORT_BYTES, type ExportProgress } from './export-download.js';
export type { RequestHooks } from './http/transport.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './http/retry-policy.js';
export {
  memoryTokenStore,
  sessionStorageTokenStore,
  type StoredTokens,
  type TokenStore,
} from './auth/token-store.js';
export type {
  AuditLogEventInput,
  AuditLogQueryInput,
  TimestampInput,
} from '../contract/input-types.js';
export * from './errors/index.js';
export * from '../contract/schemas/index.js';
export { toSearchParams } from '../contract/query-params.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../contract/constants.js';
export {
  AuditEventQueue,
  waitUntilDrained,
  type AuditEventQueueOptions,
  type FailedQueueEvent,
  type HeldQueueEvents,
  type QueueState,
} from './queue/audit-event-queue.js';
export {
  localStorageQueueStorage,
  memoryQueueStorage,
  type QueueRecord,
  type QueueStorage,
  type QueueStorageKind,
} from './queue/queue-storage.js';
export { indexedDbQueueStorage } from './queue/indexeddb-queue-storage.js';
export { defaultQueueStorage } from './queue/default-queue-storage.js';
