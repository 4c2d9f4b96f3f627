import type { ReactNode } from 'react';
import type { AuditLogEvent, FacetField, SortField, SortOrder } from '../../client/index.js';

/**
 * One column of the table, in the SDK's own terms so that the table library stays an
 * implementation detail (see `table-model.ts`).
 */
export interface AuditLogColumn {
  /** Unique id; a custom column with a default column's id replaces it. */
  id: string;
  /** The header text, also the column's accessible name. */
  header: string;
  /** Renders the cell. Return text or elements; strings are always rendered as text. */
  cell: (event: AuditLogEvent) => ReactNode;
  /** The server field this column sorts by; without it the column is not sortable. */
  sortField?: SortField;
  /** A CSS grid track size for the column, `minmax(8rem, 1fr)` by default. */
  width?: string;
  /**
   * The event fields the cell shows that a filter matches by value: the cell gets a menu to
   * filter to them or exclude them (and, for `resource_id`, to open the resource's history).
   */
  fields?: readonly FacetField[];
  /** Where a custom column joins the defaults: after them (default), or before them. */
  placement?: 'start' | 'end';
}

/** The server-side sort of the rows shown. */
export interface AuditLogSort {
  sort_by: SortField;
  sort_order: SortOrder;
}

/**
 * Defaults (replaced in place by custom columns of the same id), with the other custom columns
 * after them, or before them when placed at the start.
 */
export function mergeColumns(
  defaults: readonly AuditLogColumn[],
  custom: readonly AuditLogColumn[] | undefined,
): readonly AuditLogColumn[] {
  if (!custom || custom.length === 0) return defaults;
  const byId = new Map(custom.map((column) => [column.id, column]));
  const merged = defaults.map((column) => byId.get(column.id) ?? column);
  const defaultIds = new Set(defaults.map((column) => column.id));
  const added = custom.filter((column) => !defaultIds.has(column.id));
  return [
    ...added.filter((column) => column.placement === 'start'),
    ...merged,
    ...added.filter((column) => column.placement !== 'start'),
  ];
}
