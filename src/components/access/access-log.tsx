'use client';
import { forwardRef, useMemo, useState, type HTMLAttributes } from 'react';
import type { AuditLogEvent, AuditLogQueryInput } from '../../client/index.js';
import { ACCESS_RECORD } from '../../contract/access-records.js';
import { useAuditEvents } from '../../hooks/index.js';
import type { AuditLogSort } from '../table/audit-log-column.js';
import { AuditLogTable } from '../table/audit-log-table.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import {
  ACCESS_COLUMN_ORDER,
  ACCESS_HIDDEN_COLUMNS,
  createAccessColumns,
} from './access-columns.js';

const NO_EVENTS: readonly AuditLogEvent[] = [];
const NEWEST_FIRST: AuditLogSort = { sort_by: 'timestamp', sort_order: 'desc' };

export interface AccessLogProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** Only this principal's reads: a user id, `viewer:<subject id>` or `api_key:<prefix>`. */
  principal?: string | undefined;
  /** More filters (a time range, actions); the access-record filters always apply. */
  query?: AuditLogQueryInput | undefined;
  /** Records per page; 25 by default. */
  size?: number | undefined;
  /** Poll for new records: `true` every 10 s, or a number of milliseconds. */
  live?: boolean | number | undefined;
  onOpenEvent?: ((event: AuditLogEvent) => void) | undefined;
  /** Label overrides; keep the object stable (module scope or memoized). */
  labels?: AuditLabelOverrides | undefined;
}

/**
 * Who read the log: the tenant's access records (reads the server records as events, see
 * the contract's "Access records") with who read, what, for which query, how many rows and
 * in which format. A preset over the event list, so it needs nothing but read rights on the
 * records, and works in the viewer or alone under an `AuditLogProvider`.
 */
export const AccessLog = forwardRef<HTMLElement, AccessLogProps>(function AccessLog(
  { principal, query, size = 25, live = false, onOpenEvent, labels, className, ...rest },
  ref,
) {
  const ui = useAuditUi(labels);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<AuditLogSort>(NEWEST_FIRST);
  const recordsQuery = useMemo<AuditLogQueryInput>(
    () => ({
      ...query,
      event_types: [ACCESS_RECORD.event_type],
      resource_types: [ACCESS_RECORD.resource_type],
      ...(principal === undefined ? {} : { user_ids: [principal] }),
      ...sort,
    }),
    [query, principal, sort],
  );
  const records = useAuditEvents(recordsQuery, { page, size, live });
  const columns = useMemo(() => createAccessColumns(ui), [ui]);
  const tableLabels = useMemo(() => ({ ...labels, empty: ui.labels.accessEmpty }), [labels, ui]);
  const pages = records.data?.pages ?? 1;
  const loading = records.isPending || records.isPlaceholderData;
  return (
    <section
      ref={ref}
      {...rootProps('access-log', className, loading ? 'loading' : 'ready')}
      aria-label={ui.labels.accessLog}
      {...rest}
    >
      <AuditLogTable
        events={records.data?.items ?? NO_EVENTS}
        columns={columns}
        defaultColumnVisibility={ACCESS_HIDDEN_COLUMNS}
        defaultColumnOrder={ACCESS_COLUMN_ORDER}
        sort={sort}
        onSortChange={(next) => {
          setSort(next);
          setPage(1);
        }}
        loading={loading}
        error={records.error}
        onRetry={() => void records.refetch()}
        labels={tableLabels}
        {...(onOpenEvent ? { onOpenEvent } : {})}
      />
      <nav data-part="pagination" aria-label={ui.labels.pagination}>
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {ui.labels.previousPage}
        </button>
        <span aria-live="polite">{ui.labels.pageOf(page, Math.max(pages, 1))}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {ui.labels.nextPage}
        </button>
      </nav>
    </section>
  );
});
