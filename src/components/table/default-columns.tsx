'use client';
import { useMemo } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import { formatTimestamp } from '../format/format-time.js';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT } from '../format/truncate-text.js';
import { SeverityBadge } from '../severity-badge/severity-badge.js';
import type { AuditUiSettings } from '../ui/audit-ui-context.js';
import type { AuditLogColumn } from './audit-log-column.js';

/**
 * A field as text that may wrap, cut to what a row can show; empty fields show the `none`
 * label. `dir="auto"` isolates each value, so an RTL override inside one cannot reorder its
 * neighbours.
 */
function Value({ text, none }: { text: string | null; none: string }) {
  return <LongText text={text ?? none} limit={CELL_TEXT_LIMIT} />;
}

/** Time, severity, event type, action, resource, user, IP address and description. */
export function createDefaultColumns({
  labels,
  locale,
  timeZone,
  timeDisplay,
}: AuditUiSettings): readonly AuditLogColumn[] {
  const none = labels.none;
  return [
    {
      id: 'time',
      header: labels.time,
      sortField: 'timestamp',
      cell: (event: AuditLogEvent) => (
        <time dateTime={event.timestamp} title={event.timestamp} data-part="value">
          {formatTimestamp(event.timestamp, { display: timeDisplay, locale, timeZone })}
        </time>
      ),
    },
    {
      id: 'severity',
      header: labels.severity,
      sortField: 'severity',
      // Widths fit each column's usual values on one line (a badge, "Authentication", an
      // IPv4 address) and still sum to less than a 1200 px table.
      width: 'minmax(6rem, 0.6fr)',
      cell: (event) => <SeverityBadge severity={event.severity} />,
    },
    {
      id: 'event_type',
      header: labels.eventType,
      sortField: 'event_type',
      width: 'minmax(9.5rem, 1fr)',
      cell: (event) => (
        <span data-part="value" data-value={event.event_type}>
          {labels.eventTypes[event.event_type] ?? event.event_type}
        </span>
      ),
    },
    {
      id: 'action',
      header: labels.action,
      sortField: 'action',
      cell: (event) => <Value text={event.action} none={none} />,
    },
    {
      id: 'resource',
      header: labels.resource,
      sortField: 'resource_type',
      cell: (event) => (
        <>
          <Value text={event.resource_type} none={none} />
          {event.resource_id === null ? null : (
            <>
              {' '}
              <LongText text={event.resource_id} limit={CELL_TEXT_LIMIT} data-field="resource_id" />
            </>
          )}
        </>
      ),
    },
    {
      id: 'user',
      header: labels.user,
      sortField: 'user_id',
      cell: (event) => <Value text={event.user_id} none={none} />,
    },
    {
      id: 'ip_address',
      header: labels.ipAddress,
      width: 'minmax(8.5rem, 1fr)',
      cell: (event) => <Value text={event.ip_address} none={none} />,
    },
    {
      id: 'description',
      header: labels.description,
      width: 'minmax(16rem, 3fr)',
      cell: (event) => <Value text={event.description} none={none} />,
    },
  ];
}

/** The default columns for the UI settings in force, rebuilt only when those change. */
export function useDefaultColumns(settings: AuditUiSettings): readonly AuditLogColumn[] {
  const { labels, locale, timeZone, timeDisplay } = settings;
  return useMemo(
    () => createDefaultColumns({ labels, locale, timeZone, timeDisplay }),
    [labels, locale, timeZone, timeDisplay],
  );
}
