'use client';
import { forwardRef, useMemo, useState } from 'react';
import type { AuditLogEvent, AuditLogQueryInput } from '../../client/index.js';
import { useAuditEvents } from '../../hooks/index.js';
import { DEFAULT_SORT } from '../../contract/constants.js';
import type { AuditLogSort } from './audit-log-column.js';
import { AuditLogTable, type AuditLogTableProps } from './audit-log-table.js';
import { useAuditLogViewContext } from '../viewer/view-context.js';

const NO_EVENTS: readonly AuditLogEvent[] = [];

export interface ConnectedAuditLogTableProps extends Omit<
  AuditLogTableProps,
  'events' | 'loading' | 'error' | 'onRetry' | 'sort'
> {
  /** The filters; `sort_by`/`sort_order` here are overridden by the table's sort. */
  query?: AuditLogQueryInput | undefined;
  page?: number | undefined;
  size?: number | undefined;
  /** Controlled sort; pair it with `onSortChange`. */
  sort?: AuditLogSort | undefined;
  /** The initial sort when `sort` is not controlled: the query's, or newest first. */
  defaultSort?: AuditLogSort | undefined;
}

/**
 * `AuditLogTable` fed by `useAuditEvents`: one page of the query, sorted by the server.
 * Inside `<AuditLogView>` it shows the view instead, as `AuditLogTable` does.
 * While the next page or sort loads, the previous rows stay on screen (`data-state="loading"`).
 */
export const ConnectedAuditLogTable = forwardRef<HTMLDivElement, ConnectedAuditLogTableProps>(
  function ConnectedAuditLogTable(
    { query, page = 1, size, sort, defaultSort, onSortChange, ...props },
    ref,
  ) {
    const [ownSort, setOwnSort] = useState<AuditLogSort>(
      () =>
        defaultSort ?? {
          sort_by: query?.sort_by ?? DEFAULT_SORT.sort_by,
          sort_order: query?.sort_order ?? DEFAULT_SORT.sort_order,
        },
    );
    const activeSort = sort ?? ownSort;
    const sortedQuery = useMemo<AuditLogQueryInput>(
      () => ({ ...query, sort_by: activeSort.sort_by, sort_order: activeSort.sort_order }),
      [query, activeSort.sort_by, activeSort.sort_order],
    );
    // Inside a view the table shows the view's request; asking again would only duplicate it.
    const view = useAuditLogViewContext();
    const result = useAuditEvents(sortedQuery, {
      page,
      ...(size === undefined ? {} : { size }),
      enabled: view === null,
    });
    if (view) return <AuditLogTable ref={ref} {...props} />;
    const handleSortChange = (next: AuditLogSort) => {
      if (sort === undefined) setOwnSort(next);
      onSortChange?.(next);
    };
    return (
      <AuditLogTable
        ref={ref}
        events={result.data?.items ?? NO_EVENTS}
        sort={activeSort}
        onSortChange={handleSortChange}
        loading={result.isPending || result.isPlaceholderData}
        error={result.error}
        onRetry={() => void result.refetch()}
        {...props}
      />
    );
  },
);
