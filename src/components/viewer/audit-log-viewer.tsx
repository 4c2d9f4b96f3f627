'use client';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { AuditLogEvent, AuditLogQueryInput } from '../../client/index.js';
import { useAuditEvent, useAuditEvents, useSummary } from '../../hooks/index.js';
import { AuditEventDetail } from '../event-detail/audit-event-detail.js';
import { ExportButton } from '../export-button/export-button.js';
import type { TimeDisplay } from '../format/format-time.js';
import { AuditLogFilters } from '../filters/index.js';
import { LiveTail } from '../live-tail/live-tail.js';
import { SummaryCards } from '../summary-cards/summary-cards.js';
import type { AuditLogTableActions } from '../table/audit-log-table.js';
import {
  ConnectedAuditLogTable,
  mergeColumns,
  useDefaultColumns,
  type AuditLogColumn,
  type AuditLogSort,
} from '../table/index.js';
import { AuditUiProvider, useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { useViewerColumns } from './use-viewer-columns.js';
import { useViewerState } from './use-viewer-state.js';
import { rootProps } from '../ui/root-props.js';

const ViewerCharts = lazy(() => import('./viewer-charts.js'));
const COLUMNS_STORAGE_KEY = 'audit-log-sdk:viewer-table';

export type ViewerPart = 'summary' | 'filters' | 'charts' | 'export' | 'liveTail' | 'detail';

export interface AuditLogViewerProps {
  /** Filters the viewer starts with. */
  defaultQuery?: AuditLogQueryInput;
  pageSize?: number;
  /** Parts to leave out, e.g. `{ charts: true }`. */
  hide?: Partial<Record<ViewerPart, boolean>>;
  /**
   * Keep the query, page, open event and chosen columns in the URL, so a view is a shareable
   * link. Columns in the URL win over the ones this browser remembers.
   */
  syncUrl?: boolean;
  /** Table columns added to or replacing the defaults. */
  columns?: AuditLogColumn[];
  /** Replaces the detail panel. */
  renderDetail?: (event: AuditLogEvent, close: () => void) => ReactNode;
  labels?: AuditLabelOverrides;
  locale?: string;
  timeZone?: string;
  timeDisplay?: TimeDisplay;
  /** Follows the system by default. */
  theme?: 'light' | 'dark' | 'system';
  className?: string;
}

/** The whole dashboard in one component: summary, filters, charts, table, detail, export, live tail. */
export function AuditLogViewer({
  labels,
  locale,
  timeZone,
  timeDisplay,
  ...props
}: AuditLogViewerProps) {
  return (
    <AuditUiProvider
      {...(labels ? { labels } : {})}
      {...(locale ? { locale } : {})}
      {...(timeZone ? { timeZone } : {})}
      {...(timeDisplay ? { timeDisplay } : {})}
    >
      <Viewer {...props} />
    </AuditUiProvider>
  );
}

function Viewer({
  defaultQuery = {},
  pageSize = 50,
  hide = {},
  syncUrl = false,
  columns,
  renderDetail,
  theme = 'system',
  className,
}: Omit<AuditLogViewerProps, 'labels' | 'locale' | 'timeZone' | 'timeDisplay'>) {
  const settings = useAuditUi();
  const { labels } = settings;
  const [state, setState, linkTo] = useViewerState(syncUrl, {
    query: defaultQuery,
    page: 1,
    columns: undefined,
    eventId: undefined,
  });
  const { query, page, eventId } = state;
  const sort = useMemo<AuditLogSort>(
    () => ({ sort_by: query.sort_by ?? 'timestamp', sort_order: query.sort_order ?? 'desc' }),
    [query.sort_by, query.sort_order],
  );
  // The same key as the table's own request, so this reads the shared cache.
  const events = useAuditEvents({ ...query, ...sort }, { page, size: pageSize });
  const summary = useSummary(query);
  const open = useAuditEvent(hide.detail ? null : (eventId ?? null));
  const [live, setLive] = useState(false);

  const defaultColumns = useDefaultColumns(settings);
  const allColumns = useMemo(
    () => mergeColumns(defaultColumns, columns),
    [defaultColumns, columns],
  );
  const writeUrlColumns = useCallback(
    (next: string[] | undefined) => setState((s) => ({ ...s, columns: next })),
    [setState],
  );
  const tableColumns = useViewerColumns({
    columns: allColumns,
    storageKey: COLUMNS_STORAGE_KEY,
    urlColumns: syncUrl ? state.columns : undefined,
    onUrlColumnsChange: syncUrl ? writeUrlColumns : undefined,
  });

  const tableActions = useRef<AuditLogTableActions>(null);
  const detailRef = useRef<HTMLElement>(null);
  // The event the user has just opened: its panel takes focus once it is on screen.
  const focusDetailOf = useRef<string | null>(null);
  const shownId = open.data && !hide.detail ? open.data.id : undefined;
  useEffect(() => {
    if (shownId === undefined || shownId !== focusDetailOf.current) return;
    focusDetailOf.current = null;
    detailRef.current?.focus();
  }, [shownId]);

  // When the detail closes and takes focus with it, focus goes back to the row it was opened
  // from, however it closed (Close, Escape, `renderDetail`'s close, the browser's Back);
  // focus the user has already moved elsewhere stays there.
  const previousEventId = useRef(eventId);
  useEffect(() => {
    const closed = previousEventId.current;
    previousEventId.current = eventId;
    if (closed === undefined || eventId !== undefined) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected) return;
    tableActions.current?.focusRow(closed);
  }, [eventId]);

  const setQuery = useCallback(
    (next: AuditLogQueryInput) => setState((s) => ({ ...s, query: next, page: 1 })),
    [setState],
  );
  const close = useCallback(() => setState((s) => ({ ...s, eventId: undefined })), [setState]);
  const openEvent = useCallback(
    (event: AuditLogEvent) => {
      focusDetailOf.current = event.id;
      // Already on screen: no change will come to move focus, so move it now.
      if (detailRef.current && open.data?.id === event.id) {
        focusDetailOf.current = null;
        detailRef.current.focus();
      }
      setState((s) => ({ ...s, eventId: event.id }));
    },
    [setState, open.data?.id],
  );
  const onDetailKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Controls inside that use Escape themselves (a menu, a field) prevent the default.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };
  const pages = events.data?.pages ?? 0;
  const newest =
    page === 1 && sort.sort_by === 'timestamp' && sort.sort_order === 'desc'
      ? events.data?.items[0]?.timestamp
      : undefined;

  return (
    <div {...rootProps('viewer', className)} data-theme={theme === 'system' ? undefined : theme}>
      {hide.summary ? null : (
        <SummaryCards
          summary={summary.data}
          error={summary.isError}
          onRetry={() => void summary.refetch()}
        />
      )}
      <div data-part="viewer-toolbar">
        {hide.export ? null : (
          <ExportButton
            query={{ ...query, ...sort }}
            {...(tableColumns.chosen ? { columns: tableColumns.chosen } : {})}
          />
        )}
        {hide.liveTail ? null : (
          <LiveTail
            query={query}
            since={newest}
            enabled={live}
            onEnabledChange={setLive}
            onShowNew={() => {
              setState((s) => ({ ...s, page: 1 }));
              void events.refetch();
            }}
          />
        )}
      </div>
      {hide.filters ? null : (
        <AuditLogFilters value={query} onChange={setQuery} summary={summary.data} />
      )}
      {hide.charts ? null : (
        <Suspense fallback={<p role="status">{labels.loading}</p>}>
          <ViewerCharts
            query={query}
            onRange={(range) => setQuery({ ...query, ...range })}
            onSeverity={(severity) => setQuery({ ...query, severities: [severity] })}
            onEventType={(eventType) => setQuery({ ...query, event_types: [eventType] })}
          />
        </Suspense>
      )}
      <ConnectedAuditLogTable
        query={query}
        page={page}
        size={pageSize}
        sort={sort}
        onSortChange={(next) => setQuery({ ...query, ...next })}
        onOpenEvent={openEvent}
        activeEventId={eventId}
        actionsRef={tableActions}
        showSettings
        columnVisibility={tableColumns.visibility}
        onColumnVisibilityChange={tableColumns.setVisibility}
        columnOrder={tableColumns.order}
        onColumnOrderChange={tableColumns.setOrder}
        {...(columns ? { columns } : {})}
      />
      <nav data-part="pagination" aria-label={labels.pagination}>
        <button
          type="button"
          disabled={page <= 1}
          onClick={() => setState((s) => ({ ...s, page: s.page - 1 }))}
        >
          {labels.previousPage}
        </button>
        <span aria-live="polite">{labels.pageOf(page, Math.max(pages, 1))}</span>
        <button
          type="button"
          disabled={page >= pages}
          onClick={() => setState((s) => ({ ...s, page: s.page + 1 }))}
        >
          {labels.nextPage}
        </button>
      </nav>
      {open.data && !hide.detail ? (
        // The panel itself takes focus: its name is announced and Tab goes on to Close.
        <aside
          ref={detailRef}
          tabIndex={-1}
          data-part="viewer-detail"
          aria-label={labels.eventDetail}
          onKeyDown={onDetailKeyDown}
        >
          <button type="button" onClick={close}>
            {labels.close}
          </button>
          {renderDetail ? (
            renderDetail(open.data, close)
          ) : (
            <AuditEventDetail
              event={open.data}
              onShowCorrelated={(id) => setQuery({ correlation_ids: [id] })}
              onShowSameSession={(id) => setQuery({ session_ids: [id] })}
              {...(linkTo ? { eventLink: (event: AuditLogEvent) => linkTo(event.id) } : {})}
            />
          )}
        </aside>
      ) : null}
    </div>
  );
}
