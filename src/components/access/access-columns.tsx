'use client';
import type { AuditLogColumn } from '../table/audit-log-column.js';
import type { AuditLogColumnVisibility } from '../table/column-settings.js';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT } from '../format/truncate-text.js';
import type { AuditUiSettings } from '../ui/audit-ui-context.js';
import { AccessAction } from '../../contract/access-records.js';
import { accessMetadata, principalName, querySummary } from './access-record.js';

/** A value's label, or the value itself when the catalog has no name for it. */
function nameOf(names: object, value: string): string {
  return (names as Readonly<Record<string, string | undefined>>)[value] ?? value;
}

/**
 * Who read, what they did, for which query, how many rows and in which format. `time`
 * comes from the default columns; `user` and `action` replace the defaults of those ids.
 */
export function createAccessColumns(ui: AuditUiSettings): readonly AuditLogColumn[] {
  const { labels } = ui;
  return [
    {
      id: 'user',
      header: labels.accessWho,
      sortField: 'user_id',
      // A subject or key prefix and its kind, e.g. "dana (Viewer session)", on one line.
      width: 'minmax(14rem, 1.5fr)',
      cell: (event) => {
        const kind = accessMetadata(event).session_kind;
        return (
          <>
            <LongText text={principalName(event.user_id) ?? labels.none} limit={CELL_TEXT_LIMIT} />
            {kind ? (
              <span data-part="principal-kind" data-value={kind}>
                {' '}
                ({nameOf(labels.principalKinds, kind)})
              </span>
            ) : null}
          </>
        );
      },
    },
    {
      id: 'action',
      header: labels.accessWhat,
      sortField: 'action',
      width: 'minmax(13rem, 1fr)',
      cell: (event) => (
        <span data-part="value" data-value={event.action}>
          {nameOf(labels.accessActions, event.action.replace(/^audit_log\./, ''))}
        </span>
      ),
    },
    {
      id: 'access_query',
      header: labels.accessQuery,
      width: 'minmax(14rem, 2.5fr)',
      cell: (event) => {
        const metadata = accessMetadata(event);
        const text =
          event.action === AccessAction.VIEW_EVENT && metadata.event_id
            ? labels.accessOpenedEvent(metadata.event_id)
            : querySummary(metadata.filters, ui);
        return <LongText text={text} limit={CELL_TEXT_LIMIT} />;
      },
    },
    {
      id: 'access_rows',
      header: labels.accessRows,
      width: 'minmax(5rem, 0.5fr)',
      cell: (event) => {
        const count = accessMetadata(event).result_count;
        return (
          <span data-part="value">
            {count === undefined ? labels.none : count.toLocaleString(ui.locale)}
          </span>
        );
      },
    },
    {
      id: 'access_format',
      header: labels.exportFormat,
      width: 'minmax(6.5rem, 0.5fr)',
      cell: (event) => {
        const format = accessMetadata(event).format;
        const name =
          format === 'csv' ? labels.exportCsv : format === 'json' ? labels.exportJson : format;
        return <span data-part="value">{name ?? labels.none}</span>;
      },
    },
  ];
}

/** The default columns an access record does not need; column settings can bring them back. */
export const ACCESS_HIDDEN_COLUMNS: AuditLogColumnVisibility = {
  severity: false,
  event_type: false,
  resource: false,
  ip_address: false,
  description: false,
};

export const ACCESS_COLUMN_ORDER = [
  'time',
  'user',
  'action',
  'access_query',
  'access_rows',
  'access_format',
] as const;
