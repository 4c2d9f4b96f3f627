import type { AuditLogClient } from '../audit-log-client.js';
import type { Principal } from '../auth/principal.js';
import type { AuditLogSDKError } from '../errors/index.js';
import type { QueueStorage, QueueStorageKind } from './queue-storage.js';

// What a queue is opened with and what it reports; the queue itself is audit-event-queue.ts.

export interface AuditEventQueueOptions {
  client: AuditLogClient;
  /** Where events wait; by default IndexedDB, else localStorage, else memory. */
  storage?: QueueStorage;
  /** Events per request. Default 100 (small enough for a keepalive request on page exit). */
  batchSize?: number;
  /** Events the queue holds at most. Default 10,000. */
  maxSize?: number;
  /**
   * What happens to an event that does not fit: `reject` (default) throws `QueueFullError`
   * from `enqueue`; `drop-oldest` makes room and hands the dropped events to `onOverflow`.
   */
  overflow?: 'reject' | 'drop-oldest';
  onOverflow?: ((dropped: Record<string, unknown>[]) => void) | undefined;
  /** Milliseconds between an enqueue and its send, to gather a batch. Default 1000. */
  flushDelay?: number;
  /**
   * First wait after a failed send, in ms, doubled per failure up to `maxRetryDelay`, with
   * the client's full jitter. Defaults 1000 and 60,000.
   */
  retryDelay?: number;
  maxRetryDelay?: number;
  /** Send on its own (timers, tab hidden, page exit). Default true; false to call `flush()` yourself. */
  autoFlush?: boolean;
  /**
   * What becomes of a principal's unsent events when they sign out (or their session ends,
   * or someone else signs in): `keep` (default) leaves them stored, unsent, until the same
   * user or API key of the same tenant is signed in again; `discard` deletes them.
   * Either way no one else ever sends them.
   */
  afterSignOut?: 'keep' | 'discard';
  /** Hears what became of the events of a principal who signed out (also in `state.held`). */
  onSignOut?: ((held: HeldQueueEvents) => void) | undefined;
}

/** The unsent events of a principal who signed out, and what the queue did with them. */
export interface HeldQueueEvents {
  tenantId: string;
  /** `Principal.id` of who queued them. */
  principal: string;
  count: number;
  action: 'kept' | 'discarded';
}

export interface FailedQueueEvent {
  id: string;
  event: Record<string, unknown>;
  reason: string;
  code: string;
}

export interface QueueState {
  /** Whose events the queue holds and sends now (tenant and user or API key); null while signed out. */
  owner: Principal | null;
  /** What became of the last signed-out principal's events; null once they are back. */
  held: HeldQueueEvents | null;
  /** Events waiting to be sent, in-flight ones included. */
  pending: number;
  /** Events in the request under way. */
  inFlight: number;
  /** Events the server refused for good, with why; they stay until retried or discarded. */
  failed: FailedQueueEvent[];
  /** Events dropped by the `drop-oldest` policy since the queue opened. */
  dropped: number;
  storage: QueueStorageKind;
  /** Set when the preferred storage failed and a less durable one is used instead. */
  storageFallback: string | null;
  /** The last send's failure while it is being retried; null after a success. */
  lastError: AuditLogSDKError | null;
  /** When the next attempt is due (epoch ms), while backing off. */
  nextAttemptAt: number | null;
}
