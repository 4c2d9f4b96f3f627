import type { HTMLAttributes, Ref } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import type { PivotHandlers } from '../pivots/pivot-model.js';
import type { AuditLogColumn, AuditLogSort } from './audit-log-column.js';
import type { AuditLogColumnVisibility } from './column-settings.js';
import type { AuditLogTableActions, AuditLogTableDensity } from './table-types.js';
import type { Updater } from './use-controllable.js';

// The table's props in a file of their own, so the view adapter can name them without
// importing the table (and the table it).
export interface AuditLogTableProps
  extends Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'onError'>, PivotHandlers {
  /**
   * The rows, in the order the server sorted them. Keep the reference stable between renders.
   * Left out inside `<AuditLogView>`, the table shows that view: its rows, sort, columns,
   * density and open event.
   */
  events?: readonly AuditLogEvent[] | undefined;
  /** The current server-side sort, shown through `aria-sort`. */
  sort?: AuditLogSort | undefined;
  /** Called when a sortable header is clicked: desc first, then asc, for that field. */
  onSortChange?: ((sort: AuditLogSort) => void) | undefined;
  /** Custom columns; one with a default column's id replaces it, others are added after. */
  columns?: readonly AuditLogColumn[] | undefined;
  loading?: boolean | undefined;
  /** A failed load. Rows already shown stay on screen under the message. */
  error?: Error | null | undefined;
  onRetry?: (() => void) | undefined;
  /** Controlled density; pair it with `onDensityChange`. */
  density?: AuditLogTableDensity | undefined;
  defaultDensity?: AuditLogTableDensity | undefined;
  onDensityChange?: ((updater: Updater<AuditLogTableDensity>) => void) | undefined;
  /** Controlled column visibility by id (a missing id is shown). */
  columnVisibility?: AuditLogColumnVisibility | undefined;
  defaultColumnVisibility?: AuditLogColumnVisibility | undefined;
  onColumnVisibilityChange?: ((updater: Updater<AuditLogColumnVisibility>) => void) | undefined;
  /** Controlled column order by id; columns not listed follow in their own order. */
  columnOrder?: readonly string[] | undefined;
  defaultColumnOrder?: readonly string[] | undefined;
  onColumnOrderChange?: ((updater: Updater<readonly string[]>) => void) | undefined;
  /** Persists the uncontrolled column visibility and order in localStorage under this key. */
  storageKey?: string | undefined;
  /** Renders `ColumnSettings` and `DensityToggle` above the grid, wired to this table. */
  showSettings?: boolean | undefined;
  /** Adds a checkbox column; Space on the active row toggles it. */
  selectable?: boolean | undefined;
  /** Controlled selection by event id. */
  selectedIds?: readonly string[] | undefined;
  defaultSelectedIds?: readonly string[] | undefined;
  onSelectionChange?: ((ids: string[]) => void) | undefined;
  /** Enter or a click on a row. */
  onOpenEvent?: ((event: AuditLogEvent) => void) | undefined;
  /**
   * The row to make active (e.g. the open event); the first row at first. When it is cleared
   * (the event is closed) that row stays active, so the user goes on from where they were.
   */
  activeEventId?: string | undefined;
  /** Receives `focusRow`, e.g. to give focus back to a row when a panel it opened closes. */
  actionsRef?: Ref<AuditLogTableActions> | undefined;
  /** Label overrides for this table; keep the object stable (module scope or memoized). */
  labels?: AuditLabelOverrides | undefined;
  /** The viewport height used until layout is known (server render, tests). */
  initialHeight?: number | undefined;
}
