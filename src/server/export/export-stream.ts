import type { AuditLogEvent } from '../../contract/schemas/index.js';

/** Rows per chunk: large enough to be cheap, small enough to keep memory flat. */
const CHUNK_ROWS = 500;

/** The iterator of either kind of iterable, stepped with `await` (a database cursor is async). */
function iteratorOf<T>(items: Iterable<T> | AsyncIterable<T>): Iterator<T> | AsyncIterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

/**
 * A byte stream that pulls events from a lazy iterator only as fast as the reader reads,
 * so an export of any size holds one chunk in memory; cancelling releases the iterator.
 */
export function eventChunkStream(
  events: Iterable<AuditLogEvent> | AsyncIterable<AuditLogEvent>,
  encode: {
    head: string;
    chunk: (events: AuditLogEvent[], first: boolean) => string;
    tail: (count: number) => string;
  },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = iteratorOf(events);
  let count = 0;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (encode.head) controller.enqueue(encoder.encode(encode.head));
      },
      async pull(controller) {
        const batch: AuditLogEvent[] = [];
        let next = await iterator.next();
        while (!next.done) {
          batch.push(next.value);
          if (batch.length === CHUNK_ROWS) break;
          next = await iterator.next();
        }
        if (batch.length > 0) {
          controller.enqueue(encoder.encode(encode.chunk(batch, !started)));
          started = true;
          count += batch.length;
        }
        if (next.done) {
          const tail = encode.tail(count);
          if (tail) controller.enqueue(encoder.encode(tail));
          controller.close();
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
