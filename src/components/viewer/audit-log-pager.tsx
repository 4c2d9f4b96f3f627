'use client';
import { IconButton } from '../ui/button.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import { useAuditLogViewContext } from './view-context.js';

export interface AuditLogPagerProps {
  /** 1-based. Left out inside `<AuditLogView>`, the view's page. */
  page?: number | undefined;
  /** How many pages there are. */
  pages?: number | undefined;
  onPageChange?: ((page: number) => void) | undefined;
  labels?: AuditLabelOverrides | undefined;
  className?: string | undefined;
}

/** Previous and next page, with "Page x of y" announced as it changes. */
export function AuditLogPager(props: AuditLogPagerProps) {
  const view = useAuditLogViewContext();
  const { labels } = useAuditUi(props.labels);
  const fromView = view !== null && props.page === undefined;
  const page = fromView ? view.page : (props.page ?? 1);
  const pages = fromView ? (view.events.data?.pages ?? 0) : (props.pages ?? 0);
  const onPageChange = fromView ? view.setPage : props.onPageChange;
  return (
    <nav {...rootProps('pagination', props.className)} aria-label={labels.pagination}>
      <IconButton
        size="sm"
        variant="secondary"
        label={labels.previousPage}
        icon="‹"
        disabled={page <= 1}
        onClick={() => onPageChange?.(page - 1)}
      />
      <span aria-live="polite" data-part="page-status">
        {labels.pageOf(page, Math.max(pages, 1))}
      </span>
      <IconButton
        size="sm"
        variant="secondary"
        label={labels.nextPage}
        icon="›"
        disabled={page >= pages}
        onClick={() => onPageChange?.(page + 1)}
      />
    </nav>
  );
}
