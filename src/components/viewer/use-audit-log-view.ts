'use client';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AuditLogEvent, AuditLogQueryInput } from '../../client/index.js';
import { resolveRelativeRange } from '../../client/search/relative-time.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT } from '../../contract/constants.js';
import {
  useAuditEvent,
  useAuditEvents,
  useSignedLogAbsent,
  useSummary,
} from '../../hooks/index.js';
import { intervalForQuery } from '../charts/chart-range.js';
import { mergeColumns, type AuditLogColumn, type AuditLogSort } from '../table/audit-log-column.js';
import { useDefaultColumns } from '../table/default-columns.js';
import type { AuditLogTableActions, AuditLogTableDensity } from '../table/table-types.js';
import { applyUpdater, type Updater } from '../table/use-controllable.js';
import { createIntegrityColumn } from '../integrity/integrity-column.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { PivotField, PivotMode, ResourceRef } from '../pivots/pivot-model.js';
import type { AuditLogViewController, AuditLogViewQuery } from './view-context.js';
import { definedOnly } from './defined-only.js';
import { useViewerColumns } from './use-viewer-columns.js';
import { useViewerState } from './use-viewer-state.js';

const COLUMNS_STORAGE_KEY = 'audit-log-sdk:viewer-table';

export interface AuditLogViewOptions {
  /** Filters the view starts with. */
  defaultQuery?: AuditLogQueryInput | undefined;
  /** Events per page. Default 50. */
  pageSize?: number | undefined;
  /**
   * Keep the query, page, open event and chosen columns in the URL, so a view is a shareable
   * link. Columns in the URL win over the ones this browser remembers.
   */
  syncUrl?: boolean | undefined;
  /** Table columns added to or replacing the defaults. */
  columns?: readonly AuditLogColumn[] | undefined;
  /** Where the chosen columns are remembered in this browser. */
  columnsStorageKey?: string | undefined;
  defaultDensity?: AuditLogTableDensity | undefined;
  /** Load the open event. Default true; false when the arrangement shows no detail. */
  detail?: boolean | undefined;
  /** Lead the columns with each row's integrity mark (see `createIntegrityColumn`). Default false. */
  integrity?: boolean | undefined;
}

/**
 * The headless state of one view of the log: filters, sort, page, columns, density, the open
 * event and live mode, optionally kept in the URL, with one events query and one summary
 * query for every part that shows them. `<AuditLogView>` hands it to the parts inside.
 *
 * @example
 * const view = useAuditLogView({ syncUrl: true });
 * // view.events.data?.items, view.summary.data?.total_count, view.setQuery({ severities: ['error'] })
 */
export function useAuditLogView({
  defaultQuery = {},
  pageSize = DEFAULT_PAGE_SIZE,
  syncUrl = false,
  columns: customColumns,
  columnsStorageKey = COLUMNS_STORAGE_KEY,
  defaultDensity = 'comfortable',
  detail = true,
  integrity = false,
}: AuditLogViewOptions = {}): AuditLogViewController {
  const settings = useAuditUi();
  const [state, setState, linkTo] = useViewerState(syncUrl, {
    query: defaultQuery,
    page: 1,
    columns: undefined,
    eventId: undefined,
  });
  const { query: urlQuery, page, eventId, last, history } = state;
  const sort = useMemo<AuditLogSort>(
    () => ({
      sort_by: urlQuery.sort_by ?? DEFAULT_SORT.sort_by,
      sort_order: urlQuery.sort_order ?? DEFAULT_SORT.sort_order,
    }),
    [urlQuery.sort_by, urlQuery.sort_order],
  );
  const query = useMemo<AuditLogQueryInput>(() => {
    const filters = { ...urlQuery };
    delete filters.sort_by;
    delete filters.sort_order;
    return filters;
  }, [urlQuery]);
  // A relative range (`last`) goes to the requests as written: each fetch resolves it as it
  // is sent (see `AuditLogQueryRequest`), so "last 24 h" keeps moving on refetch and polls.
  const fetchQuery = useMemo<AuditLogViewQuery>(
    () => (last ? { ...query, last } : query),
    [query, last],
  );
  const sortedQuery = useMemo(() => ({ ...fetchQuery, ...sort }), [fetchQuery, sort]);
  // The bucket size depends on the range's length alone, which `last` fixes whenever it is read.
  const interval = intervalForQuery(resolveRelativeRange(fetchQuery));

  const events = useAuditEvents(sortedQuery, { page, size: pageSize });
  const summary = useSummary(fetchQuery, { interval });
  const openEvent = useAuditEvent(detail ? (eventId ?? null) : null);
  const [live, setLive] = useState(false);
  const [density, setDensityState] = useState<AuditLogTableDensity>(defaultDensity);

  const defaultColumns = useDefaultColumns(settings);
  // The integrity mark is a custom column of the view's own, so every part (table, column
  // settings, export) sees it as it sees a host's. A server that keeps no signed log has no
  // marks to show, so the column goes rather than stand empty.
  const { labels } = settings;
  const signedLogAbsent = useSignedLogAbsent();
  const marks = integrity && !signedLogAbsent;
  const viewColumns = useMemo(
    () => (marks ? [createIntegrityColumn(labels), ...(customColumns ?? [])] : customColumns),
    [marks, labels, customColumns],
  );
  const columns = useMemo(
    () => mergeColumns(defaultColumns, viewColumns),
    [defaultColumns, viewColumns],
  );
  const writeUrlColumns = useCallback(
    (next: string[] | undefined) => setState((s) => ({ ...s, columns: next })),
    [setState],
  );
  const columnState = useViewerColumns({
    columns,
    storageKey: columnsStorageKey,
    urlColumns: syncUrl ? state.columns : undefined,
    onUrlColumnsChange: syncUrl ? writeUrlColumns : undefined,
  });
  const tableActions = useRef<AuditLogTableActions>(null);

  // The URL keeps the sort beside the filters, as the API takes them. A relative range
  // stays in force until the new query names a range of its own.
  const setQuery = useCallback(
    (given: AuditLogViewQuery) => {
      const { last: nextLast, ...next } = given;
      setState((s) => ({
        ...s,
        // Keys given as undefined are left out, never sent as empty values.
        query: definedOnly({
          ...next,
          sort_by: next.sort_by ?? s.query.sort_by,
          sort_order: next.sort_order ?? s.query.sort_order,
        }),
        last:
          'last' in given
            ? nextLast
            : next.start_date !== undefined || next.end_date !== undefined
              ? undefined
              : s.last,
        page: 1,
        // A new query is a new question: the list answers it, not a history still open.
        history: undefined,
      }));
    },
    [setState],
  );
  // The pivot's query maths comes with the menus that ask for it (already loaded by the time
  // one is chosen), not with the first rows.
  const filterValue = useCallback(
    (field: PivotField, value: string, mode: PivotMode) =>
      void import('../pivots/pivot-model.js').then(({ pivotQuery }) =>
        setState((s) => ({
          ...s,
          query: pivotQuery(s.query, field, value, mode),
          page: 1,
          history: undefined,
        })),
      ),
    [setState],
  );
  const showHistory = useCallback(
    (resource: ResourceRef) =>
      setState((s) => ({
        ...s,
        history: { resource_type: resource.resource_type, resource_id: resource.resource_id },
      })),
    [setState],
  );
  const closeHistory = useCallback(
    () => setState((s) => ({ ...s, history: undefined })),
    [setState],
  );
  const setSort = useCallback(
    (next: AuditLogSort) => setState((s) => ({ ...s, query: { ...s.query, ...next }, page: 1 })),
    [setState],
  );
  const setPage = useCallback(
    (next: number) => setState((s) => ({ ...s, page: next })),
    [setState],
  );
  const detailFocusRef = useRef<string | null>(null);
  const open = useCallback(
    (event: AuditLogEvent) => {
      detailFocusRef.current = event.id;
      setState((s) => ({ ...s, eventId: event.id }));
    },
    [setState],
  );
  const close = useCallback(() => setState((s) => ({ ...s, eventId: undefined })), [setState]);
  const { refetch } = events;
  const showNew = useCallback(() => {
    setState((s) => ({ ...s, page: 1 }));
    void refetch();
  }, [setState, refetch]);
  const setDensity = useCallback(
    (updater: Updater<AuditLogTableDensity>) => setDensityState((d) => applyUpdater(updater, d)),
    [],
  );

  const newest =
    page === 1 && sort.sort_by === 'timestamp' && sort.sort_order === 'desc'
      ? events.data?.items[0]?.timestamp
      : undefined;

  return {
    query,
    last,
    fetchQuery,
    sort,
    page,
    pageSize,
    events,
    summary,
    interval,
    eventId,
    openEvent,
    live,
    density,
    columns,
    customColumns: viewColumns,
    columnVisibility: columnState.visibility,
    columnOrder: columnState.order,
    exportColumns: columnState.chosen,
    newest,
    tableActions,
    detailFocusRef,
    history,
    linkTo,
    setQuery,
    setSort,
    setPage,
    open,
    close,
    setLive,
    showNew,
    setDensity,
    setColumnVisibility: columnState.setVisibility,
    setColumnOrder: columnState.setOrder,
    filterValue,
    showHistory,
    closeHistory,
  };
}
