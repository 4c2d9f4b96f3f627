'use client';
// The only file that talks to @tanstack/react-table: a major upgrade touches this file alone.
import {
  createColumnHelper,
  flexRender,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Row,
} from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import type { AuditLogColumn, AuditLogSort } from './audit-log-column.js';

// No sorting feature: the server sorts, and the query's sort is the only sort state there
// is. The feature's client-side comparators would ship unused.
const features = tableFeatures({});
type Features = typeof features;
const helper = createColumnHelper<Features, AuditLogEvent>();

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

// Display columns: cells render from the event itself, and sorting is the server's.
function toColumnDef(column: AuditLogColumn): ColumnDef<Features, AuditLogEvent, unknown> {
  return helper.display({
    id: column.id,
    header: column.header,
    cell: ({ row }) => column.cell(row.original),
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
  const table = useTable({
    features,
    columns: columnDefs,
    // The table never mutates rows; a readonly array is safe to hand over.
    data: events as AuditLogEvent[],
    getRowId: (event) => event.id,
  });

  const headerGroup = table.getHeaderGroups()[0];
  const headers: TableHeaderModel[] = (headerGroup?.headers ?? []).map((header) => {
    const column = byId.get(header.column.id)!;
    const { sortField } = column;
    const sorted = sortField !== undefined && sort?.sort_by === sortField ? sort.sort_order : false;
    return {
      id: header.id,
      column,
      sorted,
      // Newest or largest first on the first click, then the other way; never unsorted.
      toggleSort:
        sortField === undefined
          ? undefined
          : () =>
              onSortChange?.({
                sort_by: sortField,
                sort_order: sorted === 'desc' ? 'asc' : 'desc',
              }),
    };
  });

  const tableRows = table.getRowModel().rows;
  const rows = useMemo(() => tableRows.map(toRowModel), [tableRows]);
  return { headers, rows };
}
