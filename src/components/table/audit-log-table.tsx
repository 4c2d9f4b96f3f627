'use client';
import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type HTMLAttributes,
  type FocusEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import { AuditUiProvider, useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { mergeColumns, type AuditLogColumn, type AuditLogSort } from './audit-log-column.js';
import { useDefaultColumns } from './default-columns.js';
import {
  ColumnSettings,
  DensityToggle,
  orderColumns,
  readStoredColumnSettings,
  writeStoredColumnSettings,
  type AuditLogColumnVisibility,
  type StoredColumnSettings,
} from './column-settings.js';
import { useAuditTableModel, type TableHeaderModel, type TableRowModel } from './table-model.js';
import { useControllable, type Updater } from './use-controllable.js';

export type AuditLogTableDensity = 'comfortable' | 'compact';
export type AuditLogTableState = 'loading' | 'empty' | 'error' | 'ready';

/** What a parent can ask of a table through `actionsRef`. */
export interface AuditLogTableActions {
  /**
   * Makes the row of `eventId` active, scrolls to it and focuses it; without an id, or when
   * that event is not in the rows, focuses the active row. False when there is no row.
   */
  focusRow: (eventId?: string) => boolean;
}

/** Row heights in pixels; rows have a fixed height so 10,000 of them scroll without measuring. */
export const ROW_HEIGHT: Record<AuditLogTableDensity, number> = { comfortable: 44, compact: 32 };
const DEFAULT_COLUMN_WIDTH = 'minmax(8rem, 1fr)';
const OVERSCAN = 8;
const SKELETON_ROWS = 5;
const INTERACTIVE = 'a[href], button, input, select, textarea, summary, [role="button"]';

export interface AuditLogTableProps extends Omit<
  HTMLAttributes<HTMLDivElement>,
  'children' | 'onError'
> {
  /** The rows, in the order the server sorted them. Keep the reference stable between renders. */
  events: readonly AuditLogEvent[];
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

/** The table's state as one enumerated value, for `data-state`. */
function tableState(
  rowCount: number,
  loading: boolean,
  error: Error | null | undefined,
): AuditLogTableState {
  if (error) return 'error';
  if (loading) return 'loading';
  return rowCount === 0 ? 'empty' : 'ready';
}

function ariaSort(header: TableHeaderModel) {
  if (header.sorted === 'asc') return 'ascending';
  if (header.sorted === 'desc') return 'descending';
  return header.toggleSort ? 'none' : undefined;
}

const NO_VISIBILITY: AuditLogColumnVisibility = {};
const NO_IDS: readonly string[] = [];

interface TableRowProps {
  row: TableRowModel;
  /** Not read directly: a change of columns must re-render the memoized row. */
  columns: readonly AuditLogColumn[];
  index: number;
  active: boolean;
  height: number;
  offset: number;
  onActivate: (row: TableRowModel) => void;
  /** `undefined` when the table is not selectable. */
  selected: boolean | undefined;
  selectLabel: string;
  onToggleSelected: (id: string) => void;
}

/** One row; memoized so scrolling and parent re-renders only render rows that changed. */
const TableRow = memo(function TableRow({
  row,
  index,
  active,
  height,
  offset,
  onActivate,
  selected,
  selectLabel,
  onToggleSelected,
}: TableRowProps) {
  const selectable = selected !== undefined;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      data-part="row"
      data-state={active ? 'active' : 'inactive'}
      data-severity={row.event.severity}
      aria-selected={selected}
      style={{ height, transform: `translateY(${offset}px)` }}
      onClick={(event) => {
        // A click on a custom cell's own control (a button, a link) is not a row click.
        if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
        onActivate(row);
      }}
    >
      {selectable ? (
        <div role="gridcell" aria-colindex={1} data-part="cell" data-column="select">
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={selectLabel}
            checked={selected}
            onChange={() => onToggleSelected(row.id)}
          />
        </div>
      ) : null}
      {row.cells().map((cell, columnIndex) => (
        <div
          key={cell.id}
          role="gridcell"
          aria-colindex={columnIndex + (selectable ? 2 : 1)}
          data-part="cell"
          data-column={cell.id}
        >
          {cell.content}
        </div>
      ))}
    </div>
  );
});

/**
 * Audit events as a virtualized, keyboard-driven grid: props in, callbacks out. Sorting is
 * done by the server; the table shows `sort` and reports clicks through `onSortChange`.
 */
export const AuditLogTable = forwardRef<HTMLDivElement, AuditLogTableProps>(function AuditLogTable(
  {
    events,
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

  // Restored once, on mount; storage only seeds the uncontrolled slices.
  const [stored] = useState(() => readStoredColumnSettings(storageKey, columns));
  const [columnVisibility, setColumnVisibility] = useControllable<AuditLogColumnVisibility>(
    columnVisibilityProp,
    () => stored?.visibility ?? defaultColumnVisibility,
    onColumnVisibilityChange,
  );
  const [columnOrder, setColumnOrder] = useControllable<readonly string[]>(
    columnOrderProp,
    () => (stored && stored.order.length > 0 ? stored.order : defaultColumnOrder),
    onColumnOrderChange,
  );
  const persistVisibility = columnVisibilityProp === undefined;
  const persistOrder = columnOrderProp === undefined;
  useEffect(() => {
    if (storageKey === undefined || (!persistVisibility && !persistOrder)) return;
    const value: Partial<StoredColumnSettings> = {
      ...(persistVisibility ? { visibility: columnVisibility } : {}),
      ...(persistOrder ? { order: [...columnOrder] } : {}),
    };
    writeStoredColumnSettings(storageKey, value);
  }, [storageKey, persistVisibility, persistOrder, columnVisibility, columnOrder]);

  const shownColumns = useMemo(
    () =>
      orderColumns(columns, columnOrder).filter((column) => columnVisibility[column.id] !== false),
    [columns, columnOrder, columnVisibility],
  );
  const { headers, rows } = useAuditTableModel({
    events,
    columns: shownColumns,
    sort,
    onSortChange,
  });
  const rowHeight = ROW_HEIGHT[density];

  const [ownSelected, setOwnSelected] = useState<readonly string[]>(defaultSelectedIds);
  const selectedIds = selectedIdsProp ?? ownSelected;
  const selectedSet = useMemo(() => new Set(selectedIds), [selectedIds]);
  const selectedRef = useRef(selectedIds);
  selectedRef.current = selectedIds;
  const setSelection = useCallback(
    (ids: string[]) => {
      if (selectedIdsProp === undefined) setOwnSelected(ids);
      onSelectionChange?.(ids);
    },
    [selectedIdsProp, onSelectionChange],
  );
  const toggleSelected = useCallback(
    (id: string) => {
      const current = selectedRef.current;
      setSelection(
        current.includes(id) ? current.filter((other) => other !== id) : [...current, id],
      );
    },
    [setSelection],
  );
  const selectedOnPage = rows.filter((row) => selectedSet.has(row.id)).length;
  const allSelected = rows.length > 0 && selectedOnPage === rows.length;
  const headerCheckboxRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerCheckboxRef.current) {
      headerCheckboxRef.current.indeterminate = selectedOnPage > 0 && !allSelected;
    }
  });
  const toggleAll = () => {
    const pageIds = new Set(rows.map((row) => row.id));
    const others = selectedIds.filter((id) => !pageIds.has(id));
    setSelection(allSelected ? others : [...others, ...rows.map((row) => row.id)]);
  };

  // The active row is remembered by id, so it survives a refetch or a re-sort.
  const [activeId, setActiveId] = useState<string | null>(activeEventId ?? null);
  const [syncedActiveEventId, setSyncedActiveEventId] = useState(activeEventId);
  if (syncedActiveEventId !== activeEventId) {
    setSyncedActiveEventId(activeEventId);
    if (activeEventId !== undefined) setActiveId(activeEventId);
  }
  const foundIndex = useMemo(
    () => (activeId === null ? -1 : rows.findIndex((row) => row.id === activeId)),
    [rows, activeId],
  );
  const activeIndex = rows.length === 0 ? -1 : Math.max(foundIndex, 0);

  const viewportRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusActiveRow = useRef(false);

  // The active row always stays rendered, so it keeps focus while scrolled out of view.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= 0 && activeIndex < range.count && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex],
  );
  const fallbackRect = useMemo<Rect>(() => ({ width: 0, height: initialHeight }), [initialHeight]);
  // An element without layout (not yet attached, hidden, or in jsdom) measures 0 × 0; keep
  // the initial height then rather than rendering no rows at all.
  const observeRect = useCallback(
    (instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void) =>
      observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : fallbackRect)),
    [fallbackRect],
  );
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: rows.length,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    initialRect: fallbackRect,
    observeElementRect: observeRect,
    rangeExtractor,
    // The sticky header sits above the rows inside the same scroll container.
    scrollMargin: rowHeight,
    scrollPaddingStart: rowHeight,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  useEffect(() => {
    if (activeIndex < 0) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    if (focusActiveRow.current) {
      focusActiveRow.current = false;
      bodyRef.current
        ?.querySelector<HTMLElement>(`[aria-rowindex="${activeIndex + 2}"]`)
        ?.focus({ preventScroll: true });
    }
  }, [virtualizer, activeIndex]);

  useImperativeHandle(
    actionsRef,
    () => ({
      focusRow: (eventId) => {
        const found = eventId === undefined ? -1 : rows.findIndex((row) => row.id === eventId);
        const index = found >= 0 ? found : activeIndex;
        const row = rows[index];
        if (!row) return false;
        if (index !== activeIndex) {
          // Not rendered yet, perhaps: the effect above focuses it once it is the active row.
          focusActiveRow.current = true;
          setActiveId(row.id);
          return true;
        }
        const element = bodyRef.current?.querySelector<HTMLElement>(
          `[aria-rowindex="${index + 2}"]`,
        );
        element?.focus({ preventScroll: true });
        virtualizer.scrollToIndex(index, { align: 'auto' });
        return element !== null && element !== undefined;
      },
    }),
    [rows, activeIndex, virtualizer],
  );

  const activateRow = useCallback(
    (row: TableRowModel) => {
      setActiveId(row.id);
      onOpenEvent?.(row.event);
    },
    [onOpenEvent],
  );

  const moveTo = (index: number) => {
    const row = rows[index];
    // Already active (e.g. ArrowDown on the last row): focus is already there.
    if (!row || index === activeIndex) return;
    focusActiveRow.current = true;
    setActiveId(row.id);
  };

  // Focus can reach a row without the keys (a click, a screen reader, script): the row that
  // has focus becomes the active one, so the next key acts on the row the user is on.
  const onRowsFocus = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.dataset.part !== 'row') return;
    const row = rows[Number(target.getAttribute('aria-rowindex')) - 2];
    if (row && row.id !== activeId) setActiveId(row.id);
  };

  const onRowsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed inside a custom cell's own controls (a button, a link) stay theirs.
    const target = event.target;
    if (rows.length === 0 || !(target instanceof HTMLElement) || target.dataset.part !== 'row') {
      return;
    }
    const last = rows.length - 1;
    const viewportHeight = virtualizer.scrollRect?.height ?? initialHeight;
    const page = Math.max(1, Math.floor((viewportHeight - rowHeight) / rowHeight));
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(activeIndex + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(activeIndex - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'PageDown':
        next = Math.min(activeIndex + page, last);
        break;
      case 'PageUp':
        next = Math.max(activeIndex - page, 0);
        break;
      case ' ': {
        const row = rows[activeIndex];
        if (!selectable || !row) return;
        event.preventDefault();
        toggleSelected(row.id);
        return;
      }
      case 'Enter': {
        const row = rows[activeIndex];
        if (row) onOpenEvent?.(row.event);
        event.preventDefault();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  const state = tableState(rows.length, loading, error);
  const gridColumns = [
    ...(selectable ? ['2.5rem'] : []),
    ...headers.map((header) => header.column.width ?? DEFAULT_COLUMN_WIDTH),
  ].join(' ');
  const columnOffset = selectable ? 1 : 0;
  const rootStyle = {
    ...style,
    '--audit-table-columns': gridColumns,
    '--audit-table-row-height': `${rowHeight}px`,
  } as CSSProperties;

  const table = (
    <div
      ref={ref}
      data-scope="audit-log"
      data-part="table"
      data-state={state}
      data-density={density}
      className={className}
      style={rootStyle}
      {...rest}
    >
      {showSettings ? (
        <div data-part="toolbar">
          <ColumnSettings
            columns={columns}
            columnVisibility={columnVisibility}
            onColumnVisibilityChange={setColumnVisibility}
            columnOrder={columnOrder}
            onColumnOrderChange={setColumnOrder}
            labels={{
              button: labels.columnSettings,
              moveUp: labels.moveColumnUp,
              moveDown: labels.moveColumnDown,
            }}
          />
          <DensityToggle
            density={density}
            onDensityChange={setDensity}
            label={labels.compactRows}
          />
        </div>
      ) : null}
      {error ? (
        <div role="alert" data-part="error">
          <p data-part="error-title">{labels.errorTitle}</p>
          <p data-part="error-message">{error.message}</p>
          {onRetry ? (
            <button type="button" data-part="retry" onClick={onRetry}>
              {labels.retry}
            </button>
          ) : null}
        </div>
      ) : null}
      {rows.length === 0 ? (
        loading && !error ? (
          <div role="status" data-part="loading">
            <span data-part="loading-label">{labels.loading}</span>
            {Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <span key={index} aria-hidden="true" data-part="skeleton-row" />
            ))}
          </div>
        ) : error ? null : (
          <div role="status" data-part="empty">
            {labels.empty}
          </div>
        )
      ) : (
        <div ref={viewportRef} data-part="viewport">
          <div
            role="grid"
            aria-label={ariaLabel ?? labels.totalEvents}
            aria-rowcount={rows.length + 1}
            aria-colcount={headers.length + columnOffset}
            aria-multiselectable={selectable || undefined}
            aria-busy={loading || undefined}
            data-part="grid"
          >
            <div role="rowgroup" data-part="header">
              <div role="row" aria-rowindex={1} data-part="header-row">
                {selectable ? (
                  <div
                    role="columnheader"
                    aria-colindex={1}
                    data-part="column-header"
                    data-column="select"
                  >
                    <input
                      ref={headerCheckboxRef}
                      type="checkbox"
                      aria-label={labels.selectAllRows}
                      checked={allSelected}
                      onChange={toggleAll}
                    />
                  </div>
                ) : null}
                {headers.map((header, columnIndex) => (
                  <div
                    key={header.id}
                    role="columnheader"
                    aria-colindex={columnIndex + 1 + columnOffset}
                    aria-sort={ariaSort(header)}
                    data-part="column-header"
                    data-column={header.id}
                  >
                    {header.toggleSort ? (
                      <button type="button" data-part="sort-button" onClick={header.toggleSort}>
                        {header.column.header}
                      </button>
                    ) : (
                      header.column.header
                    )}
                  </div>
                ))}
              </div>
            </div>
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
                    selected={selectable ? selectedSet.has(row.id) : undefined}
                    selectLabel={labels.selectRow(row.id)}
                    onToggleSelected={toggleSelected}
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
