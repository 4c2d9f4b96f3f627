'use client';
import { Button } from '../ui/button.js';
import { Menu } from '../ui/menu.js';
import { Select } from '../ui/text-input.js';
import { useId, useState } from 'react';
import { exportFileName } from '../../contract/constants.js';
import {
  useAuditLogClient,
  useExport,
  usePermissions,
  type AuditLogQueryRequest,
  type ExportRequest,
  type ExportResult,
} from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { csvColumnsFor } from './csv-columns.js';
import { ManifestLink } from './manifest-link.js';
import { downloadBlob, pickSaveFile } from './save-file.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import { readsView, useAuditLogViewContext } from '../viewer/view-context.js';

export interface ExportButtonProps {
  /**
   * Exactly the filters on screen; the export holds what the list shows. Left out inside
   * `<AuditLogView>`, the view's filters, sort and chosen columns.
   */
  query?: AuditLogQueryRequest | undefined;
  /**
   * Visible table column ids: a CSV export then holds just those columns, in that order.
   * Left out, the CSV has every field.
   */
  columns?: readonly string[];
  /** Format chosen at first. Default CSV. */
  defaultFormat?: 'csv' | 'json';
  /**
   * How the format is chosen: a select beside the button (default), or a menu the button
   * opens, one item per format, which starts the export (narrow bars, such as a phone's).
   */
  formatChoice?: 'select' | 'menu';
  /**
   * Called with the file, kept in memory, and its signed `manifest`, instead of saving them
   * (e.g. to upload them).
   * Left out, the file is saved: see `chooseFile`.
   */
  onExported?: ((file: ExportResult & { blob: Blob }) => void) | undefined;
  /**
   * Where to save. By default the browser's save dialog where it has one (File System Access
   * API: Chrome, Edge), and the export streams straight into the chosen file at any size;
   * elsewhere, or when this answers null, the file is downloaded from memory, up to
   * `MAX_BLOB_EXPORT_BYTES`. Called during the click, with the suggested name.
   */
  chooseFile?: (
    suggestedName: string,
    format: 'csv' | 'json',
  ) => Promise<FileSystemFileHandle | null>;
  labels?: AuditLabelOverrides;
  className?: string;
}

const FORMATS = ['csv', 'json'] as const;

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/**
 * Exports the current filters as CSV or JSON with a real progress bar and a cancel button,
 * and saves a file named for tenant and date; then offers its signed manifest
 * (`<file>.manifest.json`) to save beside it, so the file verifies offline. For roles that may not export it stays
 * visible but disabled, saying why.
 */
export function ExportButton(props: ExportButtonProps) {
  const view = useAuditLogViewContext();
  if (!readsView(view, props, 'query')) return <ExportFromProps {...props} />;
  return (
    <ExportFromProps
      query={{ ...view.fetchQuery, ...view.sort }}
      {...(view.exportColumns ? { columns: view.exportColumns } : {})}
      {...props}
    />
  );
}

function ExportFromProps({
  query = {},
  columns,
  defaultFormat = 'csv',
  formatChoice = 'select',
  onExported,
  chooseFile = pickSaveFile,
  labels: overrides,
  className,
}: ExportButtonProps) {
  const { labels } = useAuditUi(overrides);
  const permissions = usePermissions();
  const client = useAuditLogClient();
  const exporter = useExport();
  const [format, setFormat] = useState(defaultFormat);
  const id = useId();
  const forbidden = permissions.known && !permissions.canExport;
  // Until the rights are known the button waits: offered for a moment, a click would start
  // an export the server then refuses.
  const waiting = permissions.loading;
  const running = exporter.isPending;
  const percent = exporter.progress?.percent ?? null;
  const unavailable = running || forbidden || waiting;
  const trigger = {
    variant: 'primary',
    disabled: unavailable,
    'aria-busy': waiting || undefined,
    'aria-describedby': forbidden ? `${id}-why` : undefined,
  } as const;

  const start = (chosen: 'csv' | 'json') => {
    const keep = chosen === 'csv' && columns ? csvColumnsFor(columns) : [];
    const request: ExportRequest = {
      query,
      format: chosen,
      ...(keep.length > 0 ? { columns: keep } : {}),
    };
    if (onExported) {
      exporter.mutate(request, { onSuccess: (file) => onExported({ ...file, blob: file.blob! }) });
      return;
    }
    const save = (destination: FileSystemFileHandle | null) =>
      exporter.mutate(destination ? { ...request, destination } : request, {
        // The manifest is offered once the file is saved, as a link of its own (ManifestLink).
        onSuccess: (file) => {
          if (file.blob) downloadBlob(file.blob, file.fileName);
        },
      });
    // Asked now, while the click still counts as the user's gesture. Closing the dialog
    // cancels; a dialog that cannot open leaves the download from memory.
    const suggested = exportFileName(client.tenantId, new Date().toISOString(), chosen);
    chooseFile(suggested, chosen).then(save, (error: unknown) => {
      if (!isAbort(error)) save(null);
    });
  };

  return (
    <div
      {...rootProps(
        'export-button',
        className,
        running ? 'running' : exporter.isError ? 'error' : exporter.isSuccess ? 'done' : 'idle',
      )}
    >
      {formatChoice === 'menu' ? (
        <Menu
          trigger={running ? labels.exporting : labels.exportEvents}
          label={labels.exportFormat}
          align="end"
          triggerProps={trigger}
          items={FORMATS.map((choice) => ({
            id: choice,
            label: labels[choice === 'csv' ? 'exportCsv' : 'exportJson'],
            onSelect: () => start(choice),
          }))}
        />
      ) : (
        <>
          <label htmlFor={`${id}-format`}>{labels.exportFormat}</label>
          <Select
            id={`${id}-format`}
            value={format}
            disabled={unavailable}
            onChange={(event) => setFormat(event.target.value as 'csv' | 'json')}
          >
            {FORMATS.map((choice) => (
              <option key={choice} value={choice}>
                {labels[choice === 'csv' ? 'exportCsv' : 'exportJson']}
              </option>
            ))}
          </Select>
          <Button {...trigger} onClick={() => start(format)}>
            {running ? labels.exporting : labels.exportEvents}
          </Button>
        </>
      )}
      {forbidden ? (
        <span id={`${id}-why`} data-part="hint">
          {permissions.session?.kind === 'user' ? labels.exportNotAllowed : labels.exportNotGranted}
        </span>
      ) : null}
      {running ? (
        <>
          <progress
            aria-label={labels.exportProgress}
            max={100}
            {...(percent === null ? {} : { value: percent })}
          />
          <span data-part="percent" aria-live="polite">
            {percent === null ? labels.exporting : `${percent}%`}
          </span>
          <Button variant="ghost" onClick={() => exporter.cancel()}>
            {labels.cancel}
          </Button>
        </>
      ) : null}
      {exporter.isError && exporter.error.name !== 'AbortError' ? (
        <span role="alert" data-part="error">
          {exporter.error.message}
        </span>
      ) : null}
      {exporter.isSuccess ? (
        <span role="status" data-part="done">
          {labels.exportDone}: <span data-part="file-name">{exporter.data.fileName}</span>
        </span>
      ) : null}
      {exporter.isSuccess && exporter.data.manifest ? (
        <ManifestLink
          manifest={exporter.data.manifest}
          fileName={exporter.data.fileName}
          label={labels.integrity.saveManifest}
          hint={labels.integrity.saveManifestHint}
        />
      ) : null}
    </div>
  );
}
