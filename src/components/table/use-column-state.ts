'use client';
import { useEffect, useMemo, useState } from 'react';
import type { AuditLogColumn } from './audit-log-column.js';
import {
  orderColumns,
  readStoredColumnSettings,
  writeStoredColumnSettings,
  type AuditLogColumnVisibility,
  type StoredColumnSettings,
} from './column-settings.js';
import { useControllable, type Updater } from './use-controllable.js';

export interface ColumnStateOptions {
  columns: readonly AuditLogColumn[];
  columnVisibility: AuditLogColumnVisibility | undefined;
  defaultColumnVisibility: AuditLogColumnVisibility;
  onColumnVisibilityChange: ((updater: Updater<AuditLogColumnVisibility>) => void) | undefined;
  columnOrder: readonly string[] | undefined;
  defaultColumnOrder: readonly string[];
  onColumnOrderChange: ((updater: Updater<readonly string[]>) => void) | undefined;
  storageKey: string | undefined;
}

/**
 * Column visibility and order, each controlled or not; the uncontrolled ones are restored
 * from and saved to localStorage under `storageKey`. Answers the columns to show, in order.
 */
export function useColumnState(options: ColumnStateOptions) {
  const { columns, storageKey } = options;
  // Restored once, on mount; storage only seeds the uncontrolled slices.
  const [stored] = useState(() => readStoredColumnSettings(storageKey, columns));
  const [columnVisibility, setColumnVisibility] = useControllable<AuditLogColumnVisibility>(
    options.columnVisibility,
    () => stored?.visibility ?? options.defaultColumnVisibility,
    options.onColumnVisibilityChange,
  );
  const [columnOrder, setColumnOrder] = useControllable<readonly string[]>(
    options.columnOrder,
    () => (stored && stored.order.length > 0 ? stored.order : options.defaultColumnOrder),
    options.onColumnOrderChange,
  );
  const persistVisibility = options.columnVisibility === undefined;
  const persistOrder = options.columnOrder === undefined;
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
  return { columnVisibility, setColumnVisibility, columnOrder, setColumnOrder, shownColumns };
}
