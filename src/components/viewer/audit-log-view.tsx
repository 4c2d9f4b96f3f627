'use client';
import type { ReactNode } from 'react';
import { AuditLogViewContext, type AuditLogViewController } from './view-context.js';
import { useAuditLogView, type AuditLogViewOptions } from './use-audit-log-view.js';

export interface AuditLogViewProps extends AuditLogViewOptions {
  /** Any arrangement of the parts; each reads this view when given no data props. */
  children?: ReactNode;
  /** A controller the host made with `useAuditLogView`, to read it outside the parts too. */
  view?: AuditLogViewController | undefined;
}

/**
 * One view of the log for the parts inside it: the filters, table, charts, summary, export,
 * live tail, pager and detail all show and change the same query, fetched once.
 *
 * @example
 * <AuditLogView syncUrl>
 *   <AuditLogFilters />
 *   <AuditLogTable />
 *   <AuditLogPager />
 * </AuditLogView>
 */
export function AuditLogView({ view, children, ...options }: AuditLogViewProps) {
  return view ? (
    <AuditLogViewContext.Provider value={view}>{children}</AuditLogViewContext.Provider>
  ) : (
    <OwnView {...options}>{children}</OwnView>
  );
}

function OwnView({ children, ...options }: AuditLogViewOptions & { children?: ReactNode }) {
  const view = useAuditLogView(options);
  return <AuditLogViewContext.Provider value={view}>{children}</AuditLogViewContext.Provider>;
}
