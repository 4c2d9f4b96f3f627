'use client';
import { memo } from 'react';
import { LazyPivotMenu } from '../pivots/lazy-pivot-menu.js';
import type { PivotHandlers } from '../pivots/pivot-model.js';
import type { AuditLogColumn } from './audit-log-column.js';
import type { TableRowModel } from './table-model.js';

const INTERACTIVE = 'a[href], button, input, select, textarea, summary, [role="button"]';

export interface TableRowProps {
  row: TableRowModel;
  /** The shown columns; a change of them re-renders the memoized row. */
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
  /** What a cell's menu does; without any, cells have no menu. Keep the object stable. */
  pivots: PivotHandlers | undefined;
}

/** One row; memoized so scrolling and parent re-renders only render rows that changed. */
export const TableRow = memo(function TableRow({
  row,
  columns,
  index,
  active,
  height,
  offset,
  onActivate,
  selected,
  selectLabel,
  onToggleSelected,
  pivots,
}: TableRowProps) {
  const selectable = selected !== undefined;
  const fieldsOf = (id: string) => columns.find((column) => column.id === id)?.fields;
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
      {row.cells().map((cell, columnIndex) => {
        const fields = pivots ? fieldsOf(cell.id) : undefined;
        return (
          <div
            key={cell.id}
            role="gridcell"
            aria-colindex={columnIndex + (selectable ? 2 : 1)}
            data-part="cell"
            data-column={cell.id}
          >
            {cell.content}
            {fields && fields.length > 0 ? (
              // Reachable by Tab in the active row only, so the grid stays one Tab stop.
              <LazyPivotMenu
                event={row.event}
                fields={fields}
                history={fields.includes('resource_id')}
                tabIndex={active ? 0 : -1}
                {...pivots}
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
});
