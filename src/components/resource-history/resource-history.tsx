'use client';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import { useAuditEvents } from '../../hooks/index.js';
import { changesOf } from '../event-detail/change-diff.js';
import { ChangeTable } from '../event-detail/change-table.js';
import { formatFullTimestamp } from '../format/format-time.js';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT, DETAIL_TEXT_LIMIT } from '../format/truncate-text.js';
import { resourceHistoryQuery, type ResourceRef } from '../pivots/pivot-model.js';
import { SeverityBadge } from '../severity-badge/severity-badge.js';
import { TableError } from '../table/table-status.js';
import { useAuditUi, type AuditUiSettings } from '../ui/audit-ui-context.js';
import { Button } from '../ui/button.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';

/** Events a page of the history shows: enough to read on, few enough to draw at once. */
const DEFAULT_HISTORY_PAGE_SIZE = 50;

export interface ResourceHistoryProps {
  /** The resource whose events are shown, by type and id. */
  resource: ResourceRef;
  /** Shows a Back button, e.g. to the list the history was opened from; Escape does the same. */
  onBack?: (() => void) | undefined;
  /** Events per page. Default 50. */
  pageSize?: number | undefined;
  /** Take focus on the heading when shown, as when opened from a menu. Default false. */
  autoFocus?: boolean | undefined;
  labels?: AuditLabelOverrides | undefined;
  className?: string | undefined;
}

/**
 * Every event of one resource, oldest first, each with the change it records field by field:
 * how the resource came to be as it is. Read a page at a time, so a resource with thousands
 * of events costs one page of requests and markup.
 */
export function ResourceHistory({
  resource,
  onBack,
  pageSize = DEFAULT_HISTORY_PAGE_SIZE,
  autoFocus = false,
  labels: overrides,
  className,
}: ResourceHistoryProps) {
  const ui = useAuditUi(overrides);
  const { labels, locale } = ui;
  const { resource_type: type, resource_id: id } = resource;
  // Another resource starts again at its first event.
  const [state, setState] = useState({ type, id, page: 1 });
  const page = state.type === type && state.id === id ? state.page : 1;
  const setPage = (next: number) => setState({ type, id, page: next });
  const query = useMemo(
    () => resourceHistoryQuery({ resource_type: type, resource_id: id }),
    [type, id],
  );
  const events = useAuditEvents(query, { page, size: pageSize });
  // A page kept on screen while the next loads is shown; another resource's never is.
  const items = (events.data?.items ?? []).filter(
    (event) => event.resource_type === type && event.resource_id === id,
  );
  const total = items.length > 0 ? (events.data?.total ?? 0) : 0;
  const pages = items.length > 0 ? (events.data?.pages ?? 1) : 1;
  const loading = events.isPending || (events.isPlaceholderData && items.length === 0);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (autoFocus) headingRef.current?.focus();
  }, [autoFocus, type, id]);

  const first = (page - 1) * pageSize + 1;
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  return (
    <section
      {...rootProps('resource-history', className)}
      aria-labelledby={titleId}
      aria-busy={events.isFetching || undefined}
      // Escape leaves as Back does; handled here, so a viewer around it keeps its detail open.
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented || !onBack) return;
        event.preventDefault();
        onBack();
      }}
    >
      <header data-part="history-bar">
        {onBack ? (
          <Button size="sm" data-part="back" onClick={onBack}>
            {labels.back}
          </Button>
        ) : null}
        <h2 ref={headingRef} id={titleId} tabIndex={-1} data-part="history-title">
          <LongText text={labels.historyOf(`${type} / ${id}`)} limit={DETAIL_TEXT_LIMIT} />
        </h2>
      </header>
      {events.error ? (
        <TableError error={events.error} onRetry={() => void events.refetch()} labels={labels} />
      ) : null}
      {loading ? (
        <p role="status">{labels.loading}</p>
      ) : items.length === 0 ? (
        events.error ? null : (
          <p role="status">{labels.historyEmpty}</p>
        )
      ) : (
        <>
          <nav data-part="history-pages" aria-label={labels.pagination}>
            <Button size="sm" disabled={page <= 1} onClick={() => setPage(1)}>
              {labels.oldestEvents}
            </Button>
            <Button size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {labels.olderEvents}
            </Button>
            <span aria-live="polite" data-part="page-status">
              {labels.historyRange(number(first), number(first + items.length - 1), number(total))}
            </span>
            <Button size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {labels.newerEvents}
            </Button>
            <Button size="sm" disabled={page >= pages} onClick={() => setPage(pages)}>
              {labels.newestEvents}
            </Button>
          </nav>
          <ol data-part="history-list" start={first}>
            {items.map((event) => (
              <HistoryEntry key={event.id} event={event} ui={ui} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** One event of the history: when, who, what, and the change it made. */
function HistoryEntry({ event, ui }: { event: AuditLogEvent; ui: AuditUiSettings }) {
  const { labels } = ui;
  const changes = changesOf(event.metadata);
  return (
    <li data-part="history-entry" data-id={event.id} data-severity={event.severity}>
      <div data-part="history-head">
        <time dateTime={event.timestamp} title={event.timestamp} dir="auto">
          {formatFullTimestamp(event.timestamp, { locale: ui.locale, timeZone: ui.timeZone })}
        </time>
        <SeverityBadge severity={event.severity} />
        <strong data-part="history-action">
          <LongText text={event.action} limit={CELL_TEXT_LIMIT} />
        </strong>
        <span data-part="history-user">
          <LongText text={event.user_id ?? labels.none} limit={CELL_TEXT_LIMIT} />
        </span>
      </div>
      <p data-part="history-description">
        <LongText text={event.description} limit={DETAIL_TEXT_LIMIT} />
      </p>
      {changes && changes.length > 0 ? (
        <ChangeTable changes={changes} labels={labels} />
      ) : (
        <p data-part="history-no-change">{labels.noChangeRecorded}</p>
      )}
    </li>
  );
}
