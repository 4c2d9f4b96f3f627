'use client';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ExportColumn, ExportManifest, ExportProgress } from '../client/index.js';
import { resolveRelativeRange } from '../client/search/relative-time.js';
import { useAuditLogContext } from './audit-log-context.js';
import type { AuditLogQueryRequest } from './query-options.js';

export interface ExportRequest {
  /** A relative range (`last`) counts back from the moment the export starts. */
  query?: AuditLogQueryRequest;
  format?: 'json' | 'csv';
  /** Keep only these fields, in this order; the server narrows the file. Default all. */
  columns?: readonly ExportColumn[];
  /**
   * A file to write the export into as it arrives (from `showSaveFilePicker()`, the File
   * System Access API): memory stays flat at any size. Left out, the export is kept in
   * memory as a Blob, up to `MAX_BLOB_EXPORT_BYTES`.
   */
  destination?: FileSystemFileHandle;
}

export interface ExportResult {
  format: 'json' | 'csv';
  /**
   * The file to save, `URL.createObjectURL(result.blob)` with `result.fileName`; undefined
   * when it was written to `destination` already.
   */
  blob: Blob | undefined;
  fileName: string;
  count: number;
  /** Bytes in the file. */
  bytes: number;
  /**
   * The server's signed manifest of exactly these bytes, to keep beside the file: with it the
   * file verifies offline (`verifyExport`). Undefined from a server that signs no exports.
   */
  manifest: ExportManifest | undefined;
}

export interface ExportProgressState extends ExportProgress {
  /** 0..100 when the size is known, else null. */
  percent: number | null;
}

function percentOf(progress: ExportProgress): number | null {
  if (progress.totalRows)
    return Math.min(100, Math.round((progress.rows / progress.totalRows) * 100));
  if (progress.total) return Math.min(100, Math.round((progress.loaded / progress.total) * 100));
  return null;
}

/**
 * Exports events as a file, CSV or JSON, exactly as the server streams it, with progress and
 * `cancel()`: written straight into a `destination` file, or kept as a Blob named
 * `audit-logs-<tenant>-<date>.<ext>`.
 *
 * @example
 * const exporter = useExport();
 * const file = await exporter.mutateAsync({ query: { severities: ['critical'] }, format: 'csv' });
 * // while running: exporter.progress?.percent; to stop: exporter.cancel()
 * const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file.blob!), download: file.fileName });
 * link.click();
 */
export function useExport() {
  const { client } = useAuditLogContext();
  const [progress, setProgress] = useState<ExportProgressState | null>(null);
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation<ExportResult, Error, ExportRequest>({
    retry: false,
    mutationFn: async ({ query = {}, format = 'csv', columns, destination }) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setProgress({ loaded: 0, rows: 0, percent: 0 });
      const file = await client.exportFile(resolveRelativeRange(query), {
        format,
        columns,
        destination: destination ? await destination.createWritable() : undefined,
        signal: abort.signal,
        onProgress: (p) => setProgress({ ...p, percent: percentOf(p) }),
      });
      // Signed once the server has sent the whole body, which it has now.
      const manifest = file.exportId
        ? await client.getExportManifest(file.exportId, { signal: abort.signal })
        : undefined;
      setProgress((p) => (p ? { ...p, percent: 100 } : p));
      return {
        format,
        blob: file.blob,
        fileName: destination?.name ?? file.fileName,
        count: file.count,
        bytes: file.bytes,
        manifest,
      };
    },
  });

  const cancel = useCallback(() => {
    controller.current?.abort();
    setProgress(null);
  }, []);

  return { ...mutation, progress, cancel };
}
