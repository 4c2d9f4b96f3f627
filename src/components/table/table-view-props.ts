import { definedOnly } from '../viewer/defined-only.js';
import type { AuditLogViewController } from '../viewer/view-context.js';
import type { AuditLogTableProps } from './audit-log-table-props.js';

const NO_EVENTS = [] as const;

/**
 * A table inside a view shows the view: its page of rows, sort, columns, density and open
 * event. Props the host gives still win, so an arrangement can, say, hide the settings.
 */
export function tablePropsFromView(
  view: AuditLogViewController,
  props: AuditLogTableProps,
): AuditLogTableProps {
  const { events } = view;
  return {
    events: events.data?.items ?? NO_EVENTS,
    loading: events.isPending || events.isPlaceholderData,
    error: events.error,
    onRetry: () => void events.refetch(),
    sort: view.sort,
    onSortChange: view.setSort,
    onOpenEvent: view.open,
    activeEventId: view.eventId,
    actionsRef: view.tableActions,
    density: view.density,
    onDensityChange: view.setDensity,
    columnVisibility: view.columnVisibility,
    onColumnVisibilityChange: view.setColumnVisibility,
    columnOrder: view.columnOrder,
    onColumnOrderChange: view.setColumnOrder,
    onFilterValue: view.filterValue,
    onShowResourceHistory: view.showHistory,
    ...(view.customColumns ? { columns: view.customColumns } : {}),
    ...definedOnly(props),
  };
}
