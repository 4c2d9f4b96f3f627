import { AuditLogSDKError, BatchError, type BatchFailure } from './errors/index.js';
import { MAX_BATCH_SIZE, type AuditLogEvent } from '../contract/schemas/index.js';
import type { AuditLogEventInput } from '../contract/input-types.js';
import type { Principal } from './auth/principal.js';

export interface BatchOptions {
  /** Events per request, at most 1000 (the contract's limit). Default 1000. */
  chunkSize?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  /**
   * The Idempotency-Key for a batch that fits in one request, for callers that resend the
   * same batch across reloads (the durable queue). Refused for a batch that needs several.
   */
  idempotencyKey?: string;
  /** Send with `fetch(…, { keepalive: true })`, so the request outlives the page (pagehide). */
  keepalive?: boolean;
  /**
   * Send only as this tenant and user or API key (the durable queue's records name theirs);
   * an `AuthenticationError` with code `principal_changed` when someone else is signed in.
   */
  principal?: Principal;
}

/**
 * Sends any number of events as ≤ `chunkSize`-event requests, `concurrency` at a time, and
 * answers the created events in input order. `send` owns one chunk (its idempotency key
 * and retries). When some chunks fail, a `BatchError` says which events were stored.
 */
export async function sendInChunks(
  events: readonly AuditLogEventInput[],
  send: (start: number, length: number, signal?: AbortSignal) => Promise<AuditLogEvent[]>,
  options: BatchOptions = {},
): Promise<AuditLogEvent[]> {
  const chunkSize = Math.min(
    MAX_BATCH_SIZE,
    Math.max(1, Math.floor(options.chunkSize ?? MAX_BATCH_SIZE)),
  );
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const starts: number[] = [];
  for (let start = 0; start < events.length; start += chunkSize) starts.push(start);

  const stored: (AuditLogEvent | undefined)[] = new Array<AuditLogEvent | undefined>(events.length);
  const failures: BatchFailure[] = [];
  let next = 0;
  let aborted: unknown;

  async function worker(): Promise<void> {
    while (next < starts.length && aborted === undefined) {
      const start = starts[next++]!;
      const chunk = events.slice(start, start + chunkSize);
      try {
        const created = await send(start, chunk.length, options.signal);
        created.forEach((event, offset) => {
          stored[start + offset] = event;
        });
      } catch (error) {
        if (options.signal?.aborted) {
          aborted = options.signal.reason;
          return;
        }
        const indexes = chunk.map((_, offset) => start + offset);
        const typed =
          error instanceof AuditLogSDKError
            ? error
            : new AuditLogSDKError('Sending a chunk of events failed', { cause: error });
        failures.push({ indexes, error: typed });
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, starts.length) }, worker));

  const storedCount = stored.filter(Boolean).length;
  if (aborted !== undefined && storedCount === 0) throw aborted;
  if (failures.length === 0 && aborted === undefined) return stored as AuditLogEvent[];
  // Nothing stored: the first failure says it best. Some stored: the caller must learn which.
  if (storedCount === 0 && failures.length === 1) throw failures[0]!.error;
  failures.sort((a, b) => a.indexes[0]! - b.indexes[0]!);
  const unstored = events.length - storedCount;
  throw new BatchError(
    `${storedCount} of ${events.length} events were stored; ${unstored} were not${failures[0] ? ` (${failures[0].error.message})` : ' (cancelled)'}. Send the unstored events again`,
    stored,
    failures,
    events,
  );
}
