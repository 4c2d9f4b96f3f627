import type { AuditLogClient } from '../audit-log-client.js';
import { samePrincipal, type Principal } from '../auth/principal.js';
import {
  AuditLogSDKError,
  AuthenticationError,
  ConflictError,
  QueueFullError,
  ValidationError,
  isRetryableError,
} from '../errors/index.js';
import { backoffDelay } from '../http/retry-policy.js';
import { newId } from '../../contract/ids.js';
import type { AuditLogEventInput } from '../../contract/input-types.js';
import { validateEvent } from '../inputs.js';
import { defaultQueueStorage } from './default-queue-storage.js';
import type { AuditEventQueueOptions, HeldQueueEvents, QueueState } from './queue-state.js';
import {
  localStorageQueueStorage,
  memoryQueueStorage,
  type QueueRecord,
  type QueueStorage,
} from './queue-storage.js';

export type {
  AuditEventQueueOptions,
  FailedQueueEvent,
  HeldQueueEvents,
  QueueState,
} from './queue-state.js';

/** Loading it only opens the storage: no record is filed under an empty tenant id. */
const NOBODY: Principal = { tenantId: '', id: '' };

/**
 * A durable outbox for audit events: `enqueue` returns once the event is stored locally;
 * the queue sends in batches with stable idempotency keys, backs off while offline or
 * failing, survives reloads, and reports events the server refuses for good. Each event is
 * filed under the tenant and user or API key that queued it and is sent only as them.
 *
 * One class over 300 lines on purpose: owner, batches, backoff and page exit share the
 * same few fields, and every path that sends must see an owner change at once.
 */
export class AuditEventQueue {
  readonly #client: AuditLogClient;
  readonly #storage: QueueStorage;
  readonly #fallback: string | null;
  #owner: Principal | null;
  #records: Map<string, QueueRecord>;
  readonly #options: Required<
    Omit<AuditEventQueueOptions, 'client' | 'storage' | 'onOverflow' | 'onSignOut'>
  > &
    Pick<AuditEventQueueOptions, 'onOverflow' | 'onSignOut'>;
  readonly #listeners = new Set<() => void>();
  #inFlight: string[] = [];
  #dropped = 0;
  #held: HeldQueueEvents | null = null;
  #lastError: AuditLogSDKError | null = null;
  #failures = 0;
  #nextAttemptAt: number | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> | null = null;
  #following: Promise<unknown> = Promise.resolve();
  #closed = new AbortController();
  /** Ends the send under way: on close, and when its owner signs out (no retry goes later). */
  #sending: AbortController | null = null;
  #state: QueueState | null = null;

  private constructor(
    options: AuditEventQueueOptions,
    storage: QueueStorage,
    owner: Principal | null,
    records: QueueRecord[],
    fallback: string | null,
  ) {
    this.#client = options.client;
    this.#storage = storage;
    this.#fallback = fallback;
    this.#owner = owner;
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
      afterSignOut: options.afterSignOut ?? 'keep',
      onSignOut: options.onSignOut,
    };
    // Noted at once: a sign-out followed quickly by the same user's sign-in is still a sign-out.
    const unsubscribe = this.#client.subscribe(
      () => void this.#follow(!this.#client.isAuthenticated).catch(() => {}),
    );
    this.#closed.signal.addEventListener('abort', unsubscribe, { once: true });
    if (this.#options.autoFlush) this.#watchPage();
  }

  /**
   * Opens the queue over its storage, picking up whatever an earlier page left unsent by
   * whoever the client is signed in as now (and nothing anyone else left).
   */
  static async open(options: AuditEventQueueOptions): Promise<AuditEventQueue> {
    const owner = await options.client.principal();
    let storage = options.storage ?? defaultQueueStorage();
    let fallback: string | null = null;
    let records: QueueRecord[];
    try {
      records = await storage.load(owner ?? NOBODY);
    } catch (error) {
      if (options.storage) throw error;
      // IndexedDB can be present yet refuse to open (private windows, full disks).
      fallback = `${storage.kind} failed (${(error as Error).message}); using a less durable store`;
      try {
        storage = localStorageQueueStorage();
        records = await storage.load(owner ?? NOBODY);
      } catch {
        storage = memoryQueueStorage();
        records = [];
      }
    }
    const queue = new AuditEventQueue(options, storage, owner, records, fallback);
    if (queue.#options.autoFlush && queue.#sendable().length > 0) queue.#schedule(0);
    return queue;
  }

  /**
   * Catches up with who the client is signed in as. When that changed, the previous
   * principal's events are kept or discarded (`afterSignOut`) and the new one's are loaded.
   * Runs one at a time, so two quick sign-ins cannot interleave.
   */
  #follow(signedOut = false): Promise<Principal | null> {
    const next = this.#following.then(async () => {
      const now = signedOut ? null : await this.#client.principal();
      const previous = this.#owner;
      if (samePrincipal(now, previous) || (now === null && previous === null)) return now;
      // From here on the previous principal's sends stop, retries and all.
      this.#owner = now;
      this.#sending?.abort();
      clearTimeout(this.#timer);
      this.#failures = 0;
      this.#lastError = null;
      this.#nextAttemptAt = null;
      this.#records = new Map();
      if (previous) await this.#leave(previous);
      if (now) {
        const records = await this.#storage.load(now);
        if (samePrincipal(this.#owner, now)) {
          this.#records = new Map(records.map((record) => [record.id, record]));
        }
        const held = this.#held;
        if (held && held.tenantId === now.tenantId && held.principal === now.id) this.#held = null;
      }
      this.#changed();
      if (this.#options.autoFlush && this.#sendable().length > 0) this.#schedule(0);
      return now;
    });
    this.#following = next.catch(() => {});
    return next;
  }

  /** The signed-out principal's events stay filed under them, or go (`afterSignOut`). */
  async #leave(previous: Principal): Promise<void> {
    const left = await this.#storage.load(previous);
    if (left.length === 0) return;
    const discard = this.#options.afterSignOut === 'discard';
    if (discard)
      await this.#storage.delete(
        previous,
        left.map((record) => record.id),
      );
    this.#held = {
      tenantId: previous.tenantId,
      principal: previous.id,
      count: left.length,
      action: discard ? 'discarded' : 'kept',
    };
    this.#options.onSignOut?.(this.#held);
  }

  /**
   * Validates the event (a bad one throws `ValidationError` at once and is not queued),
   * stores it under whoever is signed in, and answers its queue id. Sending happens later.
   * Signed out, it throws `AuthenticationError`: an event needs someone to send it as.
   */
  async enqueue(event: AuditLogEventInput): Promise<string> {
    const body = validateEvent(event) as Record<string, unknown>;
    // The moment it happened, not the moment it was finally sent (the server would use that).
    body.timestamp ??= new Date().toISOString();
    const owner = await this.#follow();
    if (!owner) {
      throw new AuthenticationError(
        'Sign in before queueing events: each queued event is sent only as whoever queued it',
        { code: 'not_signed_in' },
      );
    }
    const record: QueueRecord = {
      id: newId(),
      tenantId: owner.tenantId,
      principal: owner.id,
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
      await this.#dropOldest(owner, overflow);
    }
    await this.#storage.put([record]);
    if (!samePrincipal(this.#owner, owner)) return record.id; // filed; sent when they return
    this.#records.set(record.id, record);
    this.#changed();
    if (this.#options.autoFlush && this.#nextAttemptAt === null)
      this.#schedule(this.#options.flushDelay);
    return record.id;
  }

  async #dropOldest(owner: Principal, count: number): Promise<void> {
    const inFlight = new Set(this.#inFlight);
    const victims = [...this.#records.values()].filter((r) => !inFlight.has(r.id)).slice(0, count);
    for (const victim of victims) this.#records.delete(victim.id);
    await this.#storage.delete(
      owner,
      victims.map((v) => v.id),
    );
    this.#dropped += victims.length;
    this.#options.onOverflow?.(victims.map((v) => v.event));
  }

  /** Sends everything sendable now, batch after batch; resolves when done or backing off. */
  flush(options: { keepalive?: boolean } = {}): Promise<void> {
    this.#flushing ??= this.#follow()
      .then((owner) =>
        owner ? this.#exclusively(() => this.#drain(owner, options.keepalive ?? false)) : undefined,
      )
      .finally(() => {
        this.#flushing = null;
      });
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

  /** Sends `owner`'s events as `owner`, until none are left or someone else signs in. */
  async #drain(owner: Principal, keepalive: boolean): Promise<void> {
    const sending = (this.#sending = new AbortController());
    const current = () =>
      !this.#closed.signal.aborted && !sending.signal.aborted && samePrincipal(this.#owner, owner);
    while (current()) {
      const stored = await this.#storage.load(owner);
      if (!current()) return;
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
            signal: sending.signal,
            keepalive,
            // Checked before every attempt: a sign-in meanwhile stops the send.
            principal: owner,
          },
        );
        for (const record of batch) this.#records.delete(record.id);
        await this.#storage.delete(
          owner,
          batch.map((record) => record.id),
        );
        this.#failures = 0;
        this.#lastError = null;
        this.#nextAttemptAt = null;
      } catch (error) {
        // Signed out meanwhile: the batch stays filed under its owner, key and all.
        if (!current()) return;
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
    // The client's backoff; a failure no retry cures soon (a 401, a 403) waits the longest.
    const wait = isRetryableError(typed)
      ? backoffDelay(this.#failures, this.#options)
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
      owner: this.#owner,
      held: this.#held,
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
    if (this.#owner) {
      await this.#storage.delete(
        this.#owner,
        chosen.map((record) => record.id),
      );
    }
    this.#changed();
  }

  /** Stops sending (a request under way is abandoned; its events go again on the next open). */
  close(): void {
    this.#closed.abort();
    this.#sending?.abort();
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
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
