import type { AuditLogEvent } from '../../contract/schemas/index.js';
import { yieldToOthers } from '../store/yield-to-others.js';

/** Rows per chunk: large enough to be cheap, small enough to keep memory flat. */
const CHUNK_ROWS = 500;

export interface ChunkStreamOptions {
  head: string;
  chunk: (events: AuditLogEvent[], first: boolean) => string;
  tail: (count: number) => string;
  /** Milliseconds the reader may leave a chunk unread before the stream is ended. */
  idleTimeoutMs: number;
  /** Called once when the stream ends for any reason: finished, cancelled or timed out. */
  onEnd: () => void;
}

/**
 * A byte stream that pulls events from a lazy iterator (sync or async) only as fast as the
 * reader reads, so an export of any size holds one chunk in memory. Between chunks it yields
 * to the event loop, so a large export never holds up other tenants' requests for more than
 * one chunk's work. A reader that stops reading for `idleTimeoutMs` has its stream ended,
 * which releases the iterator (and with it any database cursor) and the export's slot.
 */
export function eventChunkStream(
  events: Iterable<AuditLogEvent> | AsyncIterable<AuditLogEvent>,
  options: ChunkStreamOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in events ? events[Symbol.asyncIterator]() : events[Symbol.iterator]();
  let count = 0;
  let started = false;
  let ended = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const end = () => {
    clearTimeout(idle);
    if (ended) return;
    ended = true;
    void Promise.resolve(iterator.return?.()).catch(() => {});
    options.onEnd();
  };
  // Armed whenever a chunk waits for the reader, including the first: a response nobody
  // ever reads must give its slot back too.
  const armIdle = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    idle = setTimeout(() => {
      controller.error(
        new Error(`Export ended: its reader took no data for ${options.idleTimeoutMs} ms`),
      );
      end();
    }, options.idleTimeoutMs);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (options.head) controller.enqueue(encoder.encode(options.head));
        armIdle(controller);
      },
      async pull(controller) {
        clearTimeout(idle);
        const batch: AuditLogEvent[] = [];
        let next = await iterator.next();
        while (!next.done) {
          batch.push(next.value);
          if (batch.length === CHUNK_ROWS) break;
          next = await iterator.next();
        }
        if (ended) return;
        if (batch.length > 0) {
          controller.enqueue(encoder.encode(options.chunk(batch, !started)));
          started = true;
          count += batch.length;
        }
        if (next.done) {
          const tail = options.tail(count);
          if (tail) controller.enqueue(encoder.encode(tail));
          controller.close();
          end();
          return;
        }
        await yieldToOthers();
        if (!ended) armIdle(controller);
      },
      cancel() {
        end();
      },
    },
    { highWaterMark: 1 },
  );
}
