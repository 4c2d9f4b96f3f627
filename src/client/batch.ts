import {
  AuditLogSDKError,
  BatchError,
  ResponseValidationError,
  type BatchFailure,
} from './errors/index.js';
import type { AuditLogEvent } from '../contract/schemas/index.js';
import type { AuditLogEventInput } from '../contract/input-types.js';
import type { Principal } from './auth/principal.js';
import { MAX_BATCH_SIZE } from '../contract/constants.js';

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

/** A run of a batch's events sent as one request: `length` events from `start`. */
export interface Chunk {
  start: number;
  length: number;
}

/** Events per request: the caller's choice, a whole number from 1 to the contract's limit. */
export function chunkSizeOf(requested: number | undefined): number {
  return Math.min(MAX_BATCH_SIZE, Math.max(1, Math.floor(requested ?? MAX_BATCH_SIZE)));
}

export function chunksOf(count: number, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < count; start += size) {
    chunks.push({ start, length: Math.min(size, count - start) });
  }
  return chunks;
}

/**
 * Sends a batch's `chunks`, `concurrency` at a time, and answers the created events in input
 * order. `send` owns one chunk (its body, idempotency key and retries). When some chunks
 * fail, a `BatchError` says which events were stored.
 */
export async function sendInChunks(
  events: readonly AuditLogEventInput[],
  chunks: readonly Chunk[],
  send: (chunk: number, signal?: AbortSignal) => Promise<AuditLogEvent[]>,
  options: BatchOptions = {},
): Promise<AuditLogEvent[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const stored: (AuditLogEvent | undefined)[] = new Array<AuditLogEvent | undefined>(events.length);
  const failures: BatchFailure[] = [];
  let next = 0;
  let aborted: unknown;

  async function worker(): Promise<void> {
    while (next < chunks.length && aborted === undefined) {
      const index = next++;
      const { start, length } = chunks[index]!;
      try {
        const created = await send(index, options.signal);
        // One created event per event sent, in order: anything else would leave holes in
        // the answer (or shift events onto the wrong inputs).
        if (created.length !== length) {
          throw new ResponseValidationError(
            `The server's answer to creating ${length} events does not match the contract: it holds ${created.length} events`,
            { code: 'invalid_response' },
          );
        }
        for (let offset = 0; offset < length; offset++) stored[start + offset] = created[offset];
      } catch (error) {
        if (options.signal?.aborted) {
          aborted = options.signal.reason;
          return;
        }
        const indexes = Array.from({ length }, (_, offset) => start + offset);
        const typed =
          error instanceof AuditLogSDKError
            ? error
            : new AuditLogSDKError('Sending a chunk of events failed', { cause: error });
        failures.push({ indexes, error: typed });
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));

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
