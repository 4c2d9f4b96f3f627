import type { AuditLogClient } from '../audit-log-client.js';
import {
  AuditLogSDKError,
  ConflictError,
  QueueFullError,
  ValidationError,
  isRetryableError,
} from '../errors/index.js';
import { sleep } from '../http/retry-policy.js';
import { newId } from '../../contract/ids.js';
import type { AuditLogEventInput } from '../../contract/input-types.js';
import { validateEvent } from '../inputs.js';
import { defaultQueueStorage } from './default-queue-storage.js';
import {
  localStorageQueueStorage,
  memoryQueueStorage,
  type QueueRecord,
  type QueueStorage,
  type QueueStorageKind,
} from './queue-storage.js';

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
  /** First wait after a failed send, doubled per failure up to `maxRetryDelay` (ms). Defaults 1000 and 60,000. */
  retryDelay?: number;
  maxRetryDelay?: number;
  /** Send on its own (timers, tab hidden, page exit). Default true; false to call `flush()` yourself. */
  autoFlush?: boolean;
}

export interface FailedQueueEvent {
  id: string;
  event: Record<string, unknown>;
  reason: string;
  code: string;
}

export interface QueueState {
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

/**
 * A durable outbox for audit events: `enqueue` returns once the event is stored locally;
 * the queue sends in batches with stable idempotency keys, backs off while offline or
 * failing, survives reloads, and reports events the server refuses for good.
 */
export class AuditEventQueue {
  readonly #client: AuditLogClient;
  readonly #storage: QueueStorage;
  readonly #fallback: string | null;
  #records: Map<string, QueueRecord>;
  readonly #options: Required<Omit<AuditEventQueueOptions, 'client' | 'storage' | 'onOverflow'>> &
    Pick<AuditEventQueueOptions, 'onOverflow'>;
  readonly #listeners = new Set<() => void>();
  #inFlight: string[] = [];
  #dropped = 0;
  #lastError: AuditLogSDKError | null = null;
  #failures = 0;
  #nextAttemptAt: number | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> | null = null;
  #closed = new AbortController();
  #state: QueueState | null = null;

  private constructor(
    options: AuditEventQueueOptions,
    storage: QueueStorage,
    records: QueueRecord[],
    fallback: string | null,
  ) {
    this.#client = options.client;
    this.#storage = storage;
    this.#fallback = fallback;
    this.#records = new Map(records.map((record) => [record.id, record]));
    this.#options = {
      batchSize: Math.min(1000, Math.max(1, options.batchSize ?? 100)),
      maxSize: Math.max(1, options.maxSize ?? 10_000),
      overflow: options.overflow ?? 'reject',
      onOverflow: options.onOverflow,
      flushDelay: options.flushDelay ?? 1000,
      retryDelay: options.retryDelay ?? 1000,
      maxRetryDelay: options.maxRetryDelay ?? 60_000,
      autoFlush: options.autoFlush ?? true,
    };
    if (this.#options.autoFlush) this.#watchPage();
  }

  /** Opens the queue over its storage, picking up whatever an earlier page left unsent. */
  static async open(options: AuditEventQueueOptions): Promise<AuditEventQueue> {
    let storage = options.storage ?? defaultQueueStorage();
    let fallback: string | null = null;
    let records: QueueRecord[];
    try {
      records = await storage.load();
    } catch (error) {
      if (options.storage) throw error;
      // IndexedDB can be present yet refuse to open (private windows, full disks).
      fallback = `${storage.kind} failed (${(error as Error).message}); using a less durable store`;
      try {
        storage = localStorageQueueStorage();
        records = await storage.load();
      } catch {
        storage = memoryQueueStorage();
        records = [];
      }
    }
    const queue = new AuditEventQueue(options, storage, records, fallback);
    if (queue.#options.autoFlush && queue.#sendable().length > 0) queue.#schedule(0);
    return queue;
  }

  /**
   * Validates the event (a bad one throws `ValidationError` at once and is not queued),
   * stores it, and answers its queue id. Sending happens later.
   */
  async enqueue(event: AuditLogEventInput): Promise<string> {
    const body = validateEvent(event) as Record<string, unknown>;
    // The moment it happened, not the moment it was finally sent (the server would use that).
    body.timestamp ??= new Date().toISOString();
    const record: QueueRecord = {
      id: newId(),
      event: body,
      enqueuedAt: Date.now(),
      batchId: null,
      failed: null,
    };
    const overflow = this.#records.size + 1 - this.#options.maxSize;
    if (overflow > 0) {
      if (this.#options.overflow === 'reject') {
        throw new QueueFullError(
          `The audit event queue holds ${this.#options.maxSize} events and refuses more until some are sent`,
          { code: 'queue_full' },
        );
      }
      await this.#dropOldest(overflow);
    }
    this.#records.set(record.id, record);
    await this.#storage.put([record]);
    this.#changed();
    if (this.#options.autoFlush && this.#nextAttemptAt === null)
      this.#schedule(this.#options.flushDelay);
    return record.id;
  }

  async #dropOldest(count: number): Promise<void> {
    const inFlight = new Set(this.#inFlight);
    const victims = [...this.#records.values()].filter((r) => !inFlight.has(r.id)).slice(0, count);
    for (const victim of victims) this.#records.delete(victim.id);
    await this.#storage.delete(victims.map((v) => v.id));
    this.#dropped += victims.length;
    this.#options.onOverflow?.(victims.map((v) => v.event));
  }

  /** Sends everything sendable now, batch after batch; resolves when done or backing off. */
  flush(options: { keepalive?: boolean } = {}): Promise<void> {
    this.#flushing ??= this.#exclusively(() => this.#drain(options.keepalive ?? false)).finally(
      () => {
        this.#flushing = null;
      },
    );
    return this.#flushing;
  }

  /**
   * Tabs of one origin share the storage; the Web Locks API lets one send at a time, and each
   * re-reads the storage inside the lock, so no two tabs send the same events in two batches.
   */
  async #exclusively(work: () => Promise<void>): Promise<void> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks || this.#storage.kind === 'memory') return work();
    await locks.request(`audit-log-sdk-queue:${this.#storage.kind}`, work);
  }

  #sendable(): QueueRecord[] {
    return [...this.#records.values()].filter((record) => record.failed === null);
  }

  /** The next batch: one formed earlier and not yet confirmed, else a new one from the oldest events. */
  async #nextBatch(): Promise<QueueRecord[]> {
    const sendable = this.#sendable();
    const formed = sendable.find((record) => record.batchId !== null);
    if (formed) return sendable.filter((record) => record.batchId === formed.batchId);
    const batch = sendable.slice(0, this.#options.batchSize);
    if (batch.length === 0) return [];
    const batchId = newId();
    for (const record of batch) record.batchId = batchId;
    // Stored before the first send: after a reload the same events go with the same key.
    await this.#storage.put(batch);
    return batch;
  }

  async #drain(keepalive: boolean): Promise<void> {
    while (!this.#closed.signal.aborted) {
      const stored = await this.#storage.load();
      this.#records = new Map(stored.map((record) => [record.id, record]));
      const batch = await this.#nextBatch();
      if (batch.length === 0) return;
      this.#inFlight = batch.map((record) => record.id);
      this.#changed();
      try {
        await this.#client.createEventsBatch(
          batch.map((record) => record.event as unknown as AuditLogEventInput),
          {
            idempotencyKey: batch[0]!.batchId!,
            chunkSize: batch.length,
            signal: this.#closed.signal,
            keepalive,
          },
        );
        for (const record of batch) this.#records.delete(record.id);
        await this.#storage.delete(batch.map((record) => record.id));
        this.#failures = 0;
        this.#lastError = null;
        this.#nextAttemptAt = null;
      } catch (error) {
        if (this.#closed.signal.aborted) return;
        if (!(await this.#handleFailure(batch, error))) return;
      } finally {
        this.#inFlight = [];
        this.#changed();
      }
    }
  }

  /** Answers whether to go on with the next batch now (true) or wait for a retry (false). */
  async #handleFailure(batch: QueueRecord[], error: unknown): Promise<boolean> {
    const typed =
      error instanceof AuditLogSDKError
        ? error
        : new AuditLogSDKError('Sending queued events failed', { cause: error });
    if (typed instanceof ValidationError || typed instanceof ConflictError) {
      // Refused whole, nothing stored: mark the events the server named, or all of them,
      // and let the others go again in a new batch under a new key.
      const named = new Set(
        Object.keys(typed.details ?? {})
          .map((path) => /^audit_logs\.(\d+)/.exec(path)?.[1])
          .filter((index): index is string => index !== undefined)
          .map(Number),
      );
      const at = Date.now();
      batch.forEach((record, index) => {
        if (named.size === 0 || named.has(index)) {
          record.failed = { reason: typed.message, code: typed.code, at };
        }
        record.batchId = null;
      });
      await this.#storage.put(batch);
      return true;
    }
    // Outages, 5xx, 429, expired sessions: keep the batch as formed and try again later.
    this.#lastError = typed;
    this.#failures += 1;
    const ceiling = Math.min(
      this.#options.maxRetryDelay,
      this.#options.retryDelay * 2 ** (this.#failures - 1),
    );
    const wait = isRetryableError(typed)
      ? Math.round(ceiling * (0.5 + Math.random() / 2))
      : this.#options.maxRetryDelay;
    this.#nextAttemptAt = Date.now() + wait;
    if (this.#options.autoFlush) this.#schedule(wait);
    return false;
  }

  #schedule(delay: number): void {
    if (this.#closed.signal.aborted) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#nextAttemptAt = null;
      void this.flush();
    }, delay);
  }

  /** Sends on the way out: when the tab is hidden or the page is being left. */
  #watchPage(): void {
    const target = globalThis as unknown as Partial<EventTarget> & { document?: Document };
    if (typeof target.addEventListener !== 'function') return;
    const onExit = () => {
      if (target.document?.visibilityState === 'visible') return;
      void this.flush({ keepalive: true });
    };
    const options = { signal: this.#closed.signal } as AddEventListenerOptions;
    target.document?.addEventListener('visibilitychange', onExit, options);
    target.addEventListener('pagehide', onExit, options);
    target.addEventListener('online', () => void this.flush(), options);
  }

  getState(): QueueState {
    this.#state ??= {
      pending: this.#sendable().length,
      inFlight: this.#inFlight.length,
      failed: [...this.#records.values()]
        .filter((record) => record.failed !== null)
        .map((record) => ({
          id: record.id,
          event: record.event,
          reason: record.failed!.reason,
          code: record.failed!.code,
        })),
      dropped: this.#dropped,
      storage: this.#storage.kind,
      storageFallback: this.#fallback,
      lastError: this.#lastError,
      nextAttemptAt: this.#nextAttemptAt,
    };
    return this.#state;
  }

  /** Hears of every change of state; answers the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    this.#state = null;
    for (const listener of [...this.#listeners]) listener();
  }

  /** Puts failed events back in line (after fixing whatever the server refused). */
  async retryFailed(ids?: readonly string[]): Promise<void> {
    const chosen = [...this.#records.values()].filter(
      (r) => r.failed && (!ids || ids.includes(r.id)),
    );
    for (const record of chosen) record.failed = null;
    await this.#storage.put(chosen);
    this.#changed();
    if (this.#options.autoFlush) this.#schedule(0);
  }

  /** Gives up on failed events for good. */
  async discardFailed(ids?: readonly string[]): Promise<void> {
    const chosen = [...this.#records.values()].filter(
      (r) => r.failed && (!ids || ids.includes(r.id)),
    );
    for (const record of chosen) this.#records.delete(record.id);
    await this.#storage.delete(chosen.map((record) => record.id));
    this.#changed();
  }

  /** Stops sending (a request under way is abandoned; its events go again on the next open). */
  close(): void {
    this.#closed.abort();
    clearTimeout(this.#timer);
  }
}

/** Waits until the queue has nothing left to send or `timeoutMs` passes; for tests and shutdowns. */
export async function waitUntilDrained(
  queue: AuditEventQueue,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (queue.getState().pending > 0) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
