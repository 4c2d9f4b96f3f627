'use client';
import { useMemo } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import {
  formatCompactTimestamp,
  formatFullTimestamp,
  formatTimestamp,
} from '../format/format-time.js';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';
import { AuditName } from '../names/audit-name.js';
import { SeverityBadge } from '../severity-badge/severity-badge.js';
import type { AuditUiSettings } from '../ui/audit-ui-context.js';
import type { AuditLogColumn } from './audit-log-column.js';

/**
 * How much of a value a cell's tooltip carries: all of any ordinary value, while a megabyte
 * one stays out of the DOM (the detail shows it whole).
 */
const TOOLTIP_LIMIT = 1000;

/**
 * A field on one line, cut to what a row can show and ended by the stylesheet's ellipsis, with
 * the value in the tooltip; empty fields show the `none` label. `dir="auto"` isolates each
 * value, so an RTL override inside one cannot reorder its neighbours.
 */
function Value({ text, none }: { text: string | null; none: string }) {
  return (
    <LongText
      text={text ?? none}
      limit={CELL_TEXT_LIMIT}
      title={text === null ? undefined : truncateText(text, TOOLTIP_LIMIT)}
    />
  );
}

/**
 * The time column's track: at least as wide as the longest time this locale writes (another
 * year's, two-digit day and hour), so the time of day is never what gets cut. Measured in `ch`
 * from the text itself, with a margin for letters (month names, AM/PM) wider than a digit.
 */
function timeColumnWidth(options: {
  locale: string | undefined;
  timeZone: string | undefined;
  relative: boolean;
}): string {
  const longest = formatCompactTimestamp('2000-12-28T22:58:58Z', {
    locale: options.locale,
    timeZone: options.timeZone,
    now: Date.UTC(2001, 5, 1),
  });
  const width = `calc(${Math.ceil(longest.length * 1.1)}ch + 2 * var(--audit-space-2))`;
  // Relative mode adds "5 minutes ago" after it, the part cut first when space runs out.
  const [least, grow] = options.relative ? [`${width} + 8rem`, '1.6fr'] : [width, '1.2fr'];
  // A stylesheet fitting the columns to a narrow screen widens the track through
  // --audit-time-fill to what the other columns leave; never narrower than the time.
  return `minmax(max(${least}, var(--audit-time-fill, 0px)), ${grow})`;
}

/** Time, severity, event type, action, resource, user, IP address and description. */
export function createDefaultColumns({
  labels,
  locale,
  timeZone,
  timeDisplay,
}: Pick<
  AuditUiSettings,
  'labels' | 'locale' | 'timeZone' | 'timeDisplay'
>): readonly AuditLogColumn[] {
  const none = labels.none;
  return [
    {
      id: 'time',
      header: labels.time,
      sortField: 'timestamp',
      // Date and time of day always; the relative form ("5 minutes ago") comes after them,
      // never instead, and is the part cut when the column is narrow.
      width: timeColumnWidth({ locale, timeZone, relative: timeDisplay === 'relative' }),
      cell: (event: AuditLogEvent) => (
        <time
          dateTime={event.timestamp}
          title={`${formatFullTimestamp(event.timestamp, { locale, timeZone })} · ${event.timestamp}`}
          data-part="time"
          dir="auto"
        >
          <span data-part="time-absolute">
            {formatCompactTimestamp(event.timestamp, { locale, timeZone })}
          </span>
          {timeDisplay === 'relative' ? (
            <span data-part="time-relative">
              {formatTimestamp(event.timestamp, { display: 'relative', locale, timeZone })}
            </span>
          ) : null}
        </time>
      ),
    },
    {
      id: 'severity',
      fields: ['severity'],
      header: labels.severity,
      sortField: 'severity',
      // Widths fit each column's usual values on one line (a badge, "Authentication", an
      // IPv4 address) and still sum to less than a 1200 px table.
      width: 'minmax(6rem, 0.6fr)',
      cell: (event) => <SeverityBadge severity={event.severity} />,
    },
    {
      id: 'event_type',
      fields: ['event_type'],
      header: labels.eventType,
      sortField: 'event_type',
      width: 'minmax(10.5rem, 1fr)',
      cell: (event) => (
        <span
          data-part="value"
          data-value={event.event_type}
          title={labels.eventTypes[event.event_type] ?? event.event_type}
        >
          {labels.eventTypes[event.event_type] ?? event.event_type}
        </span>
      ),
    },
    {
      id: 'action',
      fields: ['action'],
      header: labels.action,
      sortField: 'action',
      cell: (event) => <Value text={event.action} none={none} />,
    },
    {
      id: 'resource',
      fields: ['resource_type', 'resource_id'],
      header: labels.resource,
      sortField: 'resource_type',
      cell: (event) => (
        <span
          data-part="cell-line"
          title={truncateText(
            event.resource_id === null
              ? event.resource_type
              : `${event.resource_type} ${event.resource_id}`,
            TOOLTIP_LIMIT,
          )}
        >
          <LongText text={event.resource_type} limit={CELL_TEXT_LIMIT} />
          {event.resource_id === null ? null : (
            <>
              {' '}
              <AuditName kind="resource" id={event.resource_id} />
            </>
          )}
        </span>
      ),
    },
    {
      id: 'user',
      fields: ['user_id'],
      header: labels.user,
      sortField: 'user_id',
      cell: (event) =>
        event.user_id === null ? (
          <Value text={null} none={none} />
        ) : (
          <AuditName kind="actor" id={event.user_id} />
        ),
    },
    {
      id: 'ip_address',
      fields: ['ip_address'],
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
export function useDefaultColumns(
  settings: Pick<AuditUiSettings, 'labels' | 'locale' | 'timeZone' | 'timeDisplay'>,
): readonly AuditLogColumn[] {
  const { labels, locale, timeZone, timeDisplay } = settings;
  return useMemo(
    () => createDefaultColumns({ labels, locale, timeZone, timeDisplay }),
    [labels, locale, timeZone, timeDisplay],
  );
}
