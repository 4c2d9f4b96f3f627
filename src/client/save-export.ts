import { exportFileName } from '../contract/constants.js';
import { EXPORT_ID_HEADER } from '../contract/schemas/tamper.js';
import {
  MAX_BLOB_EXPORT_BYTES,
  memorySink,
  readDownload,
  fileNameFrom,
  type ExportProgress,
} from './export-download.js';

/**
 * An export's answer written out: streamed into `writer` (closed once complete), else kept
 * as a Blob of at most `maxBlobBytes`; with the file's name, rows, bytes and manifest id.
 * The caller aborts `writer` on failure. Reached only through the client's first-call
 * `import()`, so the first load of an app that only reads events carries none of it.
 */
export async function saveDownload(
  response: Response,
  writer: WritableStreamDefaultWriter<Uint8Array> | undefined,
  options: {
    format: 'csv' | 'json';
    maxBlobBytes?: number | undefined;
    idleTimeoutMs: number;
    signal?: AbortSignal | undefined;
    onProgress?: ((progress: ExportProgress) => void) | undefined;
    tenantId: string | undefined;
  },
) {
  const { format } = options;
  const memory = writer ? undefined : memorySink(options.maxBlobBytes ?? MAX_BLOB_EXPORT_BYTES);
  const { rows, bytes } = await readDownload(
    response,
    writer ? (chunk) => writer.write(chunk) : memory!.sink,
    options,
  );
  await writer?.close();
  const generatedAt = response.headers.get('X-Generated-At') ?? undefined;
  return {
    format,
    blob: memory
      ? new Blob(memory.parts as BlobPart[], {
          type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
        })
      : undefined,
    fileName:
      fileNameFrom(response.headers.get('Content-Disposition')) ??
      exportFileName(options.tenantId, generatedAt ?? new Date().toISOString(), format),
    count: rows,
    bytes,
    generatedAt,
    exportId: response.headers.get(EXPORT_ID_HEADER) ?? undefined,
  };
}
