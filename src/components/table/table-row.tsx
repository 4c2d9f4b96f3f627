'use client';
import { memo } from 'react';
import type { AuditLogColumn } from './audit-log-column.js';
import type { TableRowModel } from './table-model.js';

const INTERACTIVE = 'a[href], button, input, select, textarea, summary, [role="button"]';

export interface TableRowProps {
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
export const TableRow = memo(function TableRow({
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
