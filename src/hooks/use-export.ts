'use client';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { AuditLogQueryInput, ExportProgress } from '../client/index.js';
import { exportFileName } from '../contract/constants.js';
import { useAuditLogContext } from './audit-log-context.js';

export interface ExportRequest {
  query?: AuditLogQueryInput;
  format?: 'json' | 'csv';
}

export interface ExportResult {
  format: 'json' | 'csv';
  /** The file to save: `URL.createObjectURL(result.blob)` with `result.fileName`. */
  blob: Blob;
  fileName: string;
  count: number;
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
 * Exports events as a file: JSON or streamed CSV, with progress and `cancel()`. The result
 * is a Blob and a file name (`audit-logs-<tenant>-<date>.<ext>`).
 *
 * @example
 * const exporter = useExport();
 * const file = await exporter.mutateAsync({ query: { severities: ['critical'] }, format: 'csv' });
 * // while running: exporter.progress?.percent; to stop: exporter.cancel()
 * const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file.blob), download: file.fileName });
 * link.click();
 */
export function useExport() {
  const { client } = useAuditLogContext();
  const [progress, setProgress] = useState<ExportProgressState | null>(null);
  const controller = useRef<AbortController | null>(null);

  const mutation = useMutation<ExportResult, Error, ExportRequest>({
    retry: false,
    mutationFn: async ({ query = {}, format = 'csv' }) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setProgress({ loaded: 0, rows: 0, percent: 0 });
      if (format === 'csv') {
        const csv = await client.exportEvents(query, {
          format: 'csv',
          signal: abort.signal,
          onProgress: (p) => setProgress({ ...p, percent: percentOf(p) }),
        });
        setProgress((p) => (p ? { ...p, percent: 100 } : p));
        return { format, blob: csv.blob, fileName: csv.fileName, count: csv.count };
      }
      const doc = await client.exportEvents(query, { signal: abort.signal });
      const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
      setProgress({
        loaded: blob.size,
        total: blob.size,
        rows: doc.count,
        totalRows: doc.count,
        percent: 100,
      });
      return {
        format,
        blob,
        fileName: exportFileName(client.tenantId, doc.generated_at, 'json'),
        count: doc.count,
      };
    },
  });

  const cancel = useCallback(() => {
    controller.current?.abort();
    setProgress(null);
  }, []);

  return { ...mutation, progress, cancel };
}
