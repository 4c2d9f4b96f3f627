'use client';
import { useId, useState } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import { useExport, usePermissions, type ExportResult } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { blobText, csvColumnsFor, keepCsvColumns } from './csv-columns.js';
import type { AuditLabelOverrides } from '../ui/labels.js';

export interface ExportButtonProps {
  /** Exactly the filters on screen; the export holds what the list shows. */
  query: AuditLogQueryInput;
  /**
   * Visible table column ids: a CSV export then holds just those columns, in that order.
   * Left out, the CSV has every field.
   */
  columns?: readonly string[];
  /** Format chosen at first. Default CSV. */
  defaultFormat?: 'csv' | 'json';
  /** Called with the file instead of saving it (e.g. to upload it). Default: download it. */
  onExported?: (file: ExportResult) => void;
  labels?: AuditLabelOverrides;
  className?: string;
}

/** Offers the file to the browser's downloads under the server's name for it. */
function saveFile(file: ExportResult): void {
  const url = URL.createObjectURL(file.blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Exports the current filters as CSV or JSON with a real progress bar and a cancel button,
 * and saves a file named for tenant and date. For roles that may not export it stays
 * visible but disabled, saying why.
 */
export function ExportButton({
  query,
  columns,
  defaultFormat = 'csv',
  onExported = saveFile,
  labels: overrides,
  className,
}: ExportButtonProps) {
  const { labels } = useAuditUi(overrides);
  const permissions = usePermissions();
  const exporter = useExport();
  const [format, setFormat] = useState(defaultFormat);
  const id = useId();
  const forbidden = permissions.known && !permissions.canExport;
  const running = exporter.isPending;
  const percent = exporter.progress?.percent ?? null;

  const start = () => {
    exporter.mutate(
      { query, format },
      {
        onSuccess: async (file) => {
          const keep = format === 'csv' && columns ? csvColumnsFor(columns) : [];
          if (keep.length === 0) return onExported(file);
          const text = await blobText(file.blob);
          const blob = new Blob([await keepCsvColumns(text, keep)], {
            type: 'text/csv;charset=utf-8',
          });
          onExported({ ...file, blob });
        },
      },
    );
  };

  return (
    <div
      data-scope="audit-log"
      data-part="export-button"
      data-state={
        running ? 'running' : exporter.isError ? 'error' : exporter.isSuccess ? 'done' : 'idle'
      }
      className={className}
    >
      <label htmlFor={`${id}-format`}>{labels.exportFormat}</label>
      <select
        id={`${id}-format`}
        value={format}
        disabled={running || forbidden}
        onChange={(event) => setFormat(event.target.value as 'csv' | 'json')}
      >
        <option value="csv">{labels.exportCsv}</option>
        <option value="json">{labels.exportJson}</option>
      </select>
      <button
        type="button"
        onClick={start}
        disabled={running || forbidden}
        aria-describedby={forbidden ? `${id}-why` : undefined}
      >
        {running ? labels.exporting : labels.exportEvents}
      </button>
      {forbidden ? (
        <span id={`${id}-why`} data-part="hint">
          {labels.exportNotAllowed}
        </span>
      ) : null}
      {running ? (
        <>
          <progress
            aria-label={labels.exportProgress}
            max={100}
            {...(percent === null ? {} : { value: percent })}
          />
          <span aria-live="polite">{percent === null ? labels.exporting : `${percent}%`}</span>
          <button type="button" onClick={() => exporter.cancel()}>
            {labels.cancel}
          </button>
        </>
      ) : null}
      {exporter.isError && exporter.error.name !== 'AbortError' ? (
        <span role="alert" data-part="error">
          {exporter.error.message}
        </span>
      ) : null}
      {exporter.isSuccess ? (
        <span role="status" data-part="done">
          {labels.exportDone}: {exporter.data.fileName}
        </span>
      ) : null}
    </div>
  );
}
