import { ExportTooLargeError, TimeoutError } from './errors/index.js';

export interface ExportProgress {
  /** Bytes received so far. */
  loaded: number;
  /** Bytes expected, when the server said (Content-Length). */
  total?: number | undefined;
  /** Rows received so far (a CSV header excluded). */
  rows: number;
  /** Rows expected (the server's `X-Export-Count`), when it said. */
  totalRows?: number | undefined;
}

/**
 * Largest export kept in memory as a Blob, 256 MiB. Past it the download stops with an
 * `ExportTooLargeError`; exports streamed to a file have no such limit.
 */
export const MAX_BLOB_EXPORT_BYTES = 256 * 2 ** 20;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

interface RowCounter {
  feed(bytes: Uint8Array): void;
  readonly rows: number;
}

/**
 * Counts CSV records ending in a chunk. Newlines inside quoted cells do not end a record;
 * a quote toggles the state, and RFC 4180's doubled quote toggles twice, so it is right.
 */
class CsvRowCounter implements RowCounter {
  #inQuotes = false;
  #records = 0;

  get rows(): number {
    return Math.max(0, this.#records - 1);
  }

  feed(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (byte === QUOTE) this.#inQuotes = !this.#inQuotes;
      else if (byte === NEWLINE && !this.#inQuotes) this.#records += 1;
    }
  }
}

/** Counts the objects that open inside the document's `data` array (depth 2), outside strings. */
class JsonRowCounter implements RowCounter {
  #depth = 0;
  #inString = false;
  #escaped = false;
  rows = 0;

  feed(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (byte === BACKSLASH) this.#escaped = true;
        else if (byte === QUOTE) this.#inString = false;
      } else if (byte === QUOTE) {
        this.#inString = true;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (byte === OPEN_OBJECT && this.#depth === 2) this.rows += 1;
        this.#depth += 1;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        this.#depth -= 1;
      }
    }
  }
}

/** Where the bytes of a download go, chunk by chunk. */
export type DownloadSink = (chunk: Uint8Array) => void | Promise<void>;

/**
 * Reads a streamed export to the end into `sink`, counting rows and reporting progress per
 * chunk. If no bytes arrive for `idleTimeoutMs` the download fails with a `TimeoutError`
 * instead of hanging; an abort or a failing sink cancels the answer.
 */
export async function readDownload(
  response: Response,
  sink: DownloadSink,
  options: {
    format: 'csv' | 'json';
    idleTimeoutMs: number;
    signal?: AbortSignal | undefined;
    onProgress?: ((progress: ExportProgress) => void) | undefined;
  },
): Promise<{ rows: number; bytes: number }> {
  const lengthHeader = response.headers.get('Content-Length');
  const countHeader = response.headers.get('X-Export-Count');
  const total = lengthHeader === null ? undefined : Number(lengthHeader);
  const totalRows = countHeader === null ? undefined : Number(countHeader);
  const reader = response.body!.getReader();
  const counter = options.format === 'csv' ? new CsvRowCounter() : new JsonRowCounter();
  let loaded = 0;
  const onAbort = () => void reader.cancel(options.signal?.reason).catch(() => {});
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new TimeoutError(
                `The export stalled: no data for ${options.idleTimeoutMs / 1000} s`,
                { code: 'timeout' },
              ),
            ),
          options.idleTimeoutMs,
        );
      });
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await Promise.race([reader.read(), idle]);
      } finally {
        clearTimeout(timer);
      }
      if (options.signal?.aborted) throw options.signal.reason;
      if (chunk.done) break;
      loaded += chunk.value.byteLength;
      counter.feed(chunk.value);
      await sink(chunk.value);
      options.onProgress?.({ loaded, total, rows: counter.rows, totalRows });
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return { rows: counter.rows, bytes: loaded };
}

/** A sink that keeps the bytes for a Blob, refusing to hold more than `limitBytes`. */
export function memorySink(limitBytes: number): { sink: DownloadSink; parts: Uint8Array[] } {
  const parts: Uint8Array[] = [];
  let held = 0;
  return {
    parts,
    sink: (chunk) => {
      held += chunk.byteLength;
      if (held > limitBytes) throw new ExportTooLargeError(limitBytes);
      parts.push(chunk);
    },
  };
}

/** The file name from `Content-Disposition: attachment; filename="…"`, when there is one. */
export function fileNameFrom(disposition: string | null): string | undefined {
  const match = disposition ? /filename="([^"]+)"/i.exec(disposition) : null;
  return match?.[1];
}
