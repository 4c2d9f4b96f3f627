'use client';
import { forwardRef, Suspense, useMemo, useRef, type CSSProperties } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import { AuditUiProvider, useAuditUi } from '../ui/audit-ui-context.js';
import { mergeColumns } from './audit-log-column.js';
import { DensityToggle, type AuditLogColumnVisibility } from './column-settings.js';
import { LazyColumnSettings } from './lazy-column-settings.js';
import { useDefaultColumns } from './default-columns.js';
import { TableHeaderRow } from './table-header-row.js';
import { useAuditTableModel } from './table-model.js';
import { TableRow } from './table-row.js';
import { TableError, TableNoRows } from './table-status.js';
import {
  ROW_HEIGHT,
  type AuditLogTableActions,
  type AuditLogTableDensity,
  type AuditLogTableState,
} from './table-types.js';
import { useColumnState } from './use-column-state.js';
import { useControllable } from './use-controllable.js';
import { useRowSelection } from './use-row-selection.js';
import { useActiveRow, useRowKeyboard } from './use-roving-row.js';
import { useTableVirtualizer } from './use-table-virtualizer.js';
import { rootProps } from '../ui/root-props.js';
import { useAuditLogViewContext } from '../viewer/view-context.js';
import { tablePropsFromView } from './table-view-props.js';
import type { AuditLogTableProps } from './audit-log-table-props.js';

export {
  ROW_HEIGHT,
  type AuditLogTableActions,
  type AuditLogTableDensity,
  type AuditLogTableState,
};

const DEFAULT_COLUMN_WIDTH = 'minmax(8rem, 1fr)';

export type { AuditLogTableProps };

function tableState(
  rowCount: number,
  loading: boolean,
  error: Error | null | undefined,
): AuditLogTableState {
  if (error) return 'error';
  if (loading) return 'loading';
  return rowCount === 0 ? 'empty' : 'ready';
}

const NO_VISIBILITY: AuditLogColumnVisibility = {};
const NO_IDS: readonly string[] = [];

/**
 * Audit events as a virtualized, keyboard-driven grid: props in, callbacks out. Sorting is
 * done by the server; the table shows `sort` and reports clicks through `onSortChange`.
 * Its seams live beside it: column state, row selection, the active row and its keys, the
 * virtualizer, the header row, the row and the status blocks.
 */
export const AuditLogTable = forwardRef<HTMLDivElement, AuditLogTableProps>(
  function AuditLogTable(props, ref) {
    const view = useAuditLogViewContext();
    return (
      <TableFromProps
        ref={ref}
        {...(props.events === undefined && view ? tablePropsFromView(view, props) : props)}
      />
    );
  },
);

const NO_EVENTS: readonly AuditLogEvent[] = [];

const TableFromProps = forwardRef<HTMLDivElement, AuditLogTableProps>(function TableFromProps(
  {
    events = NO_EVENTS,
    sort,
    onSortChange,
    columns: customColumns,
    loading = false,
    error,
    onRetry,
    density: densityProp,
    defaultDensity = 'comfortable',
    onDensityChange,
    columnVisibility: columnVisibilityProp,
    defaultColumnVisibility = NO_VISIBILITY,
    onColumnVisibilityChange,
    columnOrder: columnOrderProp,
    defaultColumnOrder = NO_IDS,
    onColumnOrderChange,
    storageKey,
    showSettings = false,
    selectable = false,
    selectedIds: selectedIdsProp,
    defaultSelectedIds = NO_IDS,
    onSelectionChange,
    onOpenEvent,
    onFilterValue,
    onShowResourceHistory,
    activeEventId,
    actionsRef,
    labels: labelOverrides,
    initialHeight = 600,
    className,
    style,
    'aria-label': ariaLabel,
    ...rest
  },
  ref,
) {
  const settings = useAuditUi(labelOverrides);
  const { labels } = settings;
  const defaultColumns = useDefaultColumns(settings);
  const columns = useMemo(
    () => mergeColumns(defaultColumns, customColumns),
    [defaultColumns, customColumns],
  );
  const [density, setDensity] = useControllable(densityProp, defaultDensity, onDensityChange);
  const columnState = useColumnState({
    columns,
    columnVisibility: columnVisibilityProp,
    defaultColumnVisibility,
    onColumnVisibilityChange,
    columnOrder: columnOrderProp,
    defaultColumnOrder,
    onColumnOrderChange,
    storageKey,
  });
  const { shownColumns } = columnState;
  const { headers, rows } = useAuditTableModel({
    events,
    columns: shownColumns,
    sort,
    onSortChange,
  });
  const rowHeight = ROW_HEIGHT[density];
  const pivots = useMemo(
    () =>
      onFilterValue || onShowResourceHistory ? { onFilterValue, onShowResourceHistory } : undefined,
    [onFilterValue, onShowResourceHistory],
  );
  const { headerCheckboxRef, ...selection } = useRowSelection(
    rows,
    selectedIdsProp,
    defaultSelectedIds,
    onSelectionChange,
  );

  const viewportRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const active = useActiveRow(rows, activeEventId);
  const { activeIndex } = active;
  const virtualizer = useTableVirtualizer(rows, activeIndex, rowHeight, initialHeight, viewportRef);
  const { activateRow, onRowsFocus, onRowsKeyDown } = useRowKeyboard({
    rows,
    active,
    virtualizer,
    bodyRef,
    actionsRef,
    onOpenEvent,
    toggleSelected: selectable ? selection.toggleSelected : undefined,
    rowHeight,
    initialHeight,
  });

  const state = tableState(rows.length, loading, error);
  const gridColumns = [
    ...(selectable ? ['2.5rem'] : []),
    ...headers.map((header) => header.column.width ?? DEFAULT_COLUMN_WIDTH),
  ].join(' ');
  const rootStyle = {
    ...style,
    '--audit-table-columns': gridColumns,
    '--audit-table-row-height': `${rowHeight}px`,
  } as CSSProperties;

  const table = (
    <div
      ref={ref}
      {...rootProps('table', className, state)}
      data-density={density}
      style={rootStyle}
      {...rest}
    >
      {showSettings ? (
        <div data-part="toolbar">
          <Suspense fallback={null}>
            <LazyColumnSettings
              columns={columns}
              columnVisibility={columnState.columnVisibility}
              onColumnVisibilityChange={columnState.setColumnVisibility}
              columnOrder={columnState.columnOrder}
              onColumnOrderChange={columnState.setColumnOrder}
            />
          </Suspense>
          <DensityToggle
            density={density}
            onDensityChange={setDensity}
            label={labels.compactRows}
          />
        </div>
      ) : null}
      {error ? <TableError error={error} onRetry={onRetry} labels={labels} /> : null}
      {rows.length === 0 ? (
        error ? null : (
          <TableNoRows loading={loading} labels={labels} />
        )
      ) : (
        <div ref={viewportRef} data-part="viewport">
          <div
            role="grid"
            aria-label={ariaLabel ?? labels.totalEvents}
            aria-rowcount={rows.length + 1}
            aria-colcount={headers.length + (selectable ? 1 : 0)}
            aria-multiselectable={selectable || undefined}
            aria-busy={loading || undefined}
            data-part="grid"
          >
            <TableHeaderRow
              headers={headers}
              selectAll={
                selectable
                  ? {
                      label: labels.selectAllRows,
                      checked: selection.allSelected,
                      onToggle: selection.toggleAll,
                    }
                  : undefined
              }
              selectAllRef={headerCheckboxRef}
            />
            <div
              ref={bodyRef}
              role="rowgroup"
              data-part="body"
              style={{ height: virtualizer.getTotalSize() }}
              onKeyDown={onRowsKeyDown}
              onFocus={onRowsFocus}
            >
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index]!;
                return (
                  <TableRow
                    key={row.id}
                    row={row}
                    columns={shownColumns}
                    index={item.index}
                    active={item.index === activeIndex}
                    height={item.size}
                    offset={item.start - virtualizer.options.scrollMargin}
                    onActivate={activateRow}
                    selected={selectable ? selection.selectedSet.has(row.id) : undefined}
                    selectLabel={labels.selectRow(row.id)}
                    onToggleSelected={selection.toggleSelected}
                    pivots={pivots}
                  />
                );
              })}
            </div>
          </div>
        </div>
      )}
    </div>
  );
  // Parts rendered inside (severity badges, custom cells) read the same labels as the table.
  return labelOverrides ? (
    <AuditUiProvider
      labels={labels}
      {...(settings.locale === undefined ? {} : { locale: settings.locale })}
      {...(settings.timeZone === undefined ? {} : { timeZone: settings.timeZone })}
      timeDisplay={settings.timeDisplay}
    >
      {table}
    </AuditUiProvider>
  ) : (
    table
  );
});
