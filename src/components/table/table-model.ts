'use client';
// The only file that talks to @tanstack/react-table: a major upgrade touches this file alone.
import {
  createColumnHelper,
  flexRender,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Row,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import type { AuditLogColumn, AuditLogSort } from './audit-log-column.js';

const features = tableFeatures({ rowSortingFeature });
type Features = typeof features;
const helper = createColumnHelper<Features, AuditLogEvent>();
const NO_SORTING: SortingState = [];

export interface TableHeaderModel {
  id: string;
  column: AuditLogColumn;
  /** `false` when the rows are not sorted by this column. */
  sorted: false | 'asc' | 'desc';
  /** Present only on sortable columns. */
  toggleSort: (() => void) | undefined;
}

export interface TableRowModel {
  id: string;
  event: AuditLogEvent;
  /** The row's cells, computed only for rows that are actually rendered. */
  cells: () => { id: string; content: ReactNode }[];
}

export interface AuditTableModelOptions {
  events: readonly AuditLogEvent[];
  columns: readonly AuditLogColumn[];
  sort: AuditLogSort | undefined;
  onSortChange: ((sort: AuditLogSort) => void) | undefined;
}

// Accessor columns (a display column can never sort); the value is the server sort key.
function toColumnDef(column: AuditLogColumn): ColumnDef<Features, AuditLogEvent, string | null> {
  const { sortField } = column;
  return helper.accessor((event) => (sortField ? event[sortField] : null), {
    id: column.id,
    header: column.header,
    cell: ({ row }) => column.cell(row.original),
    enableSorting: sortField !== undefined,
  });
}

function toRowModel(row: Row<Features, AuditLogEvent>): TableRowModel {
  return {
    id: row.id,
    event: row.original,
    cells: () =>
      row.getAllCells().map((cell) => ({
        id: cell.column.id,
        content: flexRender(cell.column.columnDef.cell, cell.getContext()),
      })),
  };
}

/**
 * The headless model of the table: server-sorted (manual sorting, desc first, no removal),
 * rows keyed by event id. `events` and `columns` must be stable references.
 */
export function useAuditTableModel({
  events,
  columns,
  sort,
  onSortChange,
}: AuditTableModelOptions) {
  const columnDefs = useMemo(() => helper.columns(columns.map(toColumnDef)), [columns]);
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);
  const sorting = useMemo<SortingState>(() => {
    if (!sort) return NO_SORTING;
    const column = columns.find((candidate) => candidate.sortField === sort.sort_by);
    return column ? [{ id: column.id, desc: sort.sort_order === 'desc' }] : NO_SORTING;
  }, [columns, sort]);

  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      const sortField = first ? byId.get(first.id)?.sortField : undefined;
      if (first && sortField) {
        onSortChange?.({ sort_by: sortField, sort_order: first.desc ? 'desc' : 'asc' });
      }
    },
    [byId, onSortChange, sorting],
  );

  const table = useTable({
    features,
    columns: columnDefs,
    // The table never mutates rows; a readonly array is safe to hand over.
    data: events as AuditLogEvent[],
    getRowId: (event) => event.id,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: true,
  });

  const headerGroup = table.getHeaderGroups()[0];
  const headers: TableHeaderModel[] = (headerGroup?.headers ?? []).map((header) => {
    const toggle = header.column.getToggleSortingHandler();
    return {
      id: header.id,
      column: byId.get(header.column.id)!,
      sorted: header.column.getIsSorted(),
      toggleSort: header.column.getCanSort() && toggle ? () => toggle(undefined) : undefined,
    };
  });

  const tableRows = table.getRowModel().rows;
  const rows = useMemo(() => tableRows.map(toRowModel), [tableRows]);
  return { headers, rows };
}
