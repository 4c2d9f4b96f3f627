'use client';
import { createContext, useContext, type RefObject } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type {
  AuditLogEvent,
  AuditLogQueryInput,
  AuditLogSummary,
  PaginatedAuditLogs,
  SummaryInterval,
} from '../../client/index.js';
import type { RelativeDuration } from '../../client/search/index.js';
import type { WithRelativeRange } from '../../client/search/relative-time.js';
import type { PivotField, PivotMode, ResourceRef } from '../pivots/pivot-model.js';
import type { AuditLogColumn, AuditLogSort } from '../table/audit-log-column.js';
import type { AuditLogColumnVisibility } from '../table/column-settings.js';
import type { AuditLogTableActions, AuditLogTableDensity } from '../table/table-types.js';
import type { Updater } from '../table/use-controllable.js';

/**
 * Everything one view of the log holds and does: its state, its one events query and its one
 * summary query, and the changes a part may ask for. Parts inside `<AuditLogView>` read it;
 * every part also works from plain props outside one.
 */
/** Filters as a view takes them: a relative range (`last: '24h'`) in place of start and end. */
export type AuditLogViewQuery = WithRelativeRange<AuditLogQueryInput>;

export interface AuditLogViewController {
  /** The filters, without the sort and without a relative range. */
  query: AuditLogQueryInput;
  /** A range counting back from now (`24h`), kept relative in the URL; it replaces start and end. */
  last: RelativeDuration | undefined;
  /**
   * The filters as the view's requests take them, without the sort: `last` kept relative,
   * resolved by each request as it is sent (the hooks and `useExport` take it so).
   */
  fetchQuery: AuditLogViewQuery;
  sort: AuditLogSort;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The page of events on screen: the view's one events request. */
  events: UseQueryResult<PaginatedAuditLogs>;
  /** Counts and the volume timeline for the filters: the view's one summary request. */
  summary: UseQueryResult<AuditLogSummary>;
  /** The volume timeline's bucket size, chosen from the filters' time range. */
  interval: SummaryInterval;
  /** The id of the event whose detail is open. */
  eventId: string | undefined;
  /** The open event, once loaded. */
  openEvent: UseQueryResult<AuditLogEvent>;
  /** Whether new events are watched for. */
  live: boolean;
  density: AuditLogTableDensity;
  /** Every column the table can show: the defaults merged with the host's own. */
  columns: readonly AuditLogColumn[];
  /** Custom columns given to the view, as the table takes them. */
  customColumns: readonly AuditLogColumn[] | undefined;
  columnVisibility: AuditLogColumnVisibility;
  columnOrder: readonly string[];
  /** The visible column ids once they differ from the default, for a CSV that matches the table. */
  exportColumns: string[] | undefined;
  /** The newest timestamp on screen when the list shows the newest events first. */
  newest: string | undefined;
  /** Receives the table's `focusRow`, so a closed panel can give focus back to its row. */
  tableActions: RefObject<AuditLogTableActions | null>;
  /** The event the user has just opened: its detail takes focus once it is on screen. */
  detailFocusRef: RefObject<string | null>;
  /** The resource whose history is shown in place of the list, if any. */
  history: ResourceRef | undefined;
  /** A shareable link to an event, when the view is kept in the URL. */
  linkTo: ((eventId: string) => string) | undefined;

  /** New filters; back to page 1. */
  setQuery: (query: AuditLogViewQuery) => void;
  setSort: (sort: AuditLogSort) => void;
  setPage: (page: number) => void;
  open: (event: AuditLogEvent) => void;
  close: () => void;
  setLive: (live: boolean) => void;
  /** Back to the first page and ask again, e.g. after "N new events". */
  showNew: () => void;
  setDensity: (updater: Updater<AuditLogTableDensity>) => void;
  /** Narrows the query to a field's value, or leaves the value out: a pivot from a row. */
  filterValue: (field: PivotField, value: string, mode: PivotMode) => void;
  /** Shows every event of one resource in place of the list; the query stays behind it. */
  showHistory: (resource: ResourceRef) => void;
  /** Back from a resource's history to the list and its query. */
  closeHistory: () => void;
  setColumnVisibility: (updater: Updater<AuditLogColumnVisibility>) => void;
  setColumnOrder: (updater: Updater<readonly string[]>) => void;
}

export const AuditLogViewContext = createContext<AuditLogViewController | null>(null);

/** The nearest `<AuditLogView>`'s controller, or null outside one. */
export function useAuditLogViewContext(): AuditLogViewController | null {
  return useContext(AuditLogViewContext);
}

/**
 * Whether a part takes its data from the nearest view: it is inside one and its data prop was
 * left out (a prop given as `undefined` still means "loading", as outside a view).
 */
export function readsView<P extends object>(
  view: AuditLogViewController | null,
  props: P,
  dataProp: string,
): view is AuditLogViewController {
  return view !== null && !(dataProp in props);
}

/** The summary props every summary-fed part takes from a view. */
export function viewSummary(view: AuditLogViewController) {
  const { summary } = view;
  return {
    summary: summary.data,
    error: summary.isError,
    onRetry: () => void summary.refetch(),
  };
}

/** The column settings' props as a view holds them, for every place that edits the columns. */
export function viewColumnSettings(view: AuditLogViewController) {
  return {
    columns: view.columns,
    columnVisibility: view.columnVisibility,
    onColumnVisibilityChange: view.setColumnVisibility,
    columnOrder: view.columnOrder,
    onColumnOrderChange: view.setColumnOrder,
  };
}
