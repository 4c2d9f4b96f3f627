import { TimeoutError } from './errors/index.js';

export interface ExportProgress {
  /** Bytes received so far. */
  loaded: number;
  /** Bytes expected, when the server said (Content-Length). */
  total?: number | undefined;
  /** Rows received so far (header excluded). */
  rows: number;
  /** Rows expected (the server's `X-Export-Count`), when it said. */
  totalRows?: number | undefined;
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Counts CSV records ending in a chunk. Newlines inside quoted cells do not end a record;
 * a quote toggles the state, and RFC 4180's doubled quote toggles twice, so it is right.
 */
class RecordCounter {
  #inQuotes = false;
  records = 0;

  feed(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (byte === QUOTE) this.#inQuotes = !this.#inQuotes;
      else if (byte === NEWLINE && !this.#inQuotes) this.records += 1;
    }
  }
}

/**
 * Reads a streamed CSV answer to the end, reporting progress per chunk. If no bytes arrive
 * for `idleTimeoutMs` the download fails with a `TimeoutError` instead of hanging.
 */
export async function readCsvDownload(
  response: Response,
  options: {
    idleTimeoutMs: number;
    signal?: AbortSignal | undefined;
    onProgress?: ((progress: ExportProgress) => void) | undefined;
  },
): Promise<{ parts: Uint8Array[]; rows: number }> {
  const lengthHeader = response.headers.get('Content-Length');
  const countHeader = response.headers.get('X-Export-Count');
  const total = lengthHeader === null ? undefined : Number(lengthHeader);
  const totalRows = countHeader === null ? undefined : Number(countHeader);
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  const counter = new RecordCounter();
  let loaded = 0;
  const rows = () => Math.max(0, counter.records - 1);
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
      parts.push(chunk.value);
      loaded += chunk.value.byteLength;
      counter.feed(chunk.value);
      options.onProgress?.({ loaded, total, rows: rows(), totalRows });
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return { parts, rows: rows() };
}

/** The file name from `Content-Disposition: attachment; filename="…"`, when there is one. */
export function fileNameFrom(disposition: string | null): string | undefined {
  const match = disposition ? /filename="([^"]+)"/i.exec(disposition) : null;
  return match?.[1];
}
