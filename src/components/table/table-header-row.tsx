'use client';
import type { RefObject } from 'react';
import type { TableHeaderModel } from './table-model.js';

function ariaSort(header: TableHeaderModel) {
  if (header.sorted === 'asc') return 'ascending';
  if (header.sorted === 'desc') return 'descending';
  return header.toggleSort ? 'none' : undefined;
}

export interface TableHeaderRowProps {
  headers: readonly TableHeaderModel[];
  /** Set when the table is selectable: the select-all checkbox's label and state. */
  selectAll?: { label: string; checked: boolean; onToggle: () => void } | undefined;
  /** The select-all checkbox, whose `indeterminate` only the DOM can set. */
  selectAllRef?: RefObject<HTMLInputElement | null> | undefined;
}

/** The sticky header row: sort buttons with `aria-sort`, and select-all when selectable. */
export function TableHeaderRow({ headers, selectAll, selectAllRef }: TableHeaderRowProps) {
  const columnOffset = selectAll ? 1 : 0;
  return (
    <div role="rowgroup" data-part="header">
      <div role="row" aria-rowindex={1} data-part="header-row">
        {selectAll ? (
          <div role="columnheader" aria-colindex={1} data-part="column-header" data-column="select">
            <input
              ref={selectAllRef}
              type="checkbox"
              aria-label={selectAll.label}
              checked={selectAll.checked}
              onChange={selectAll.onToggle}
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
  );
}
