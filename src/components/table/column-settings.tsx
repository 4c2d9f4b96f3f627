'use client';
import { useState } from 'react';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { IconButton } from '../ui/button.js';
import { Popover } from '../ui/popover.js';
import { Toggle } from '../ui/toggle.js';
import type { AuditLogColumn } from './audit-log-column.js';
import type { AuditLogTableDensity } from './table-types.js';
import type { Updater } from './use-controllable.js';
import { browserStorage } from '../ui/browser-storage.js';
import { rootProps } from '../ui/root-props.js';

/** Which columns are shown, by id; a column missing from the record is shown. */
export type AuditLogColumnVisibility = Record<string, boolean>;

export interface ColumnSettingsLabels {
  button: string;
  moveUp: (column: string) => string;
  moveDown: (column: string) => string;
}

/** The columns in `order` first, then any others in their own order. */
export function orderColumns(
  columns: readonly AuditLogColumn[],
  order: readonly string[],
): AuditLogColumn[] {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const ordered = order.flatMap((id) => {
    const column = byId.get(id);
    return column ? [column] : [];
  });
  const seen = new Set(ordered.map((column) => column.id));
  return [...ordered, ...columns.filter((column) => !seen.has(column.id))];
}

/** Column visibility and order as saved under a table's `storageKey`. */
export interface StoredColumnSettings {
  visibility: AuditLogColumnVisibility;
  order: string[];
}

/** The saved settings, keeping only ids of columns that exist; null when none are usable. */
export function readStoredColumnSettings(
  key: string | undefined,
  columns: readonly AuditLogColumn[],
): StoredColumnSettings | null {
  if (key === undefined) return null;
  try {
    const raw = browserStorage()?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const known = new Set(columns.map((column) => column.id));
    const { visibility, order } = parsed as Partial<Record<'visibility' | 'order', unknown>>;
    const cleanVisibility: AuditLogColumnVisibility = {};
    if (typeof visibility === 'object' && visibility !== null) {
      for (const [id, shown] of Object.entries(visibility)) {
        if (known.has(id) && typeof shown === 'boolean') cleanVisibility[id] = shown;
      }
    }
    const cleanOrder = Array.isArray(order)
      ? order.filter((id): id is string => typeof id === 'string' && known.has(id))
      : [];
    return { visibility: cleanVisibility, order: cleanOrder };
  } catch {
    return null;
  }
}

/** Saves the settings under `key`; a full or blocked storage means they are not remembered. */
export function writeStoredColumnSettings(key: string, value: Partial<StoredColumnSettings>): void {
  try {
    browserStorage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: remembering the columns is a convenience, not a requirement.
  }
}

export interface ColumnSettingsProps {
  /** All columns the table can show (e.g. `useDefaultColumns()` merged with custom ones). */
  columns: readonly AuditLogColumn[];
  columnVisibility: AuditLogColumnVisibility;
  onColumnVisibilityChange: (updater: Updater<AuditLogColumnVisibility>) => void;
  columnOrder: readonly string[];
  onColumnOrderChange: (updater: Updater<readonly string[]>) => void;
  labels?: Partial<ColumnSettingsLabels> | undefined;
  className?: string | undefined;
}

/** A button that opens a list of the columns: a checkbox to show each, buttons to move it. */
export function ColumnSettings({
  columns,
  columnVisibility,
  onColumnVisibilityChange,
  columnOrder,
  onColumnOrderChange,
  labels: labelOverrides,
  className,
}: ColumnSettingsProps) {
  const { labels: ui } = useAuditUi();
  const labels: ColumnSettingsLabels = {
    button: ui.columnSettings,
    moveUp: ui.moveColumnUp,
    moveDown: ui.moveColumnDown,
    ...labelOverrides,
  };
  const [open, setOpen] = useState(false);
  const ordered = orderColumns(columns, columnOrder);
  const ids = ordered.map((column) => column.id);

  // aria-disabled rather than disabled: the button keeps focus after moving to an end.
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target > ids.length - 1) return;
    const next = [...ids];
    const [column] = next.splice(index, 1);
    if (column === undefined) return;
    next.splice(target, 0, column);
    onColumnOrderChange(next);
  };

  return (
    <div {...rootProps('column-settings', className, open ? 'open' : 'closed')}>
      <Popover
        trigger={labels.button}
        label={labels.button}
        open={open}
        onOpenChange={setOpen}
        align="end"
        triggerProps={{ 'data-part': 'column-settings-trigger' }}
      >
        <ul aria-label={labels.button} data-part="column-settings-list">
          {ordered.map((column, index) => (
            <li key={column.id} data-part="column-settings-item" data-column={column.id}>
              <label>
                <input
                  type="checkbox"
                  checked={columnVisibility[column.id] !== false}
                  onChange={(event) => {
                    const visible = event.currentTarget.checked;
                    onColumnVisibilityChange((previous) => ({ ...previous, [column.id]: visible }));
                  }}
                />
                <span>{column.header}</span>
              </label>
              <IconButton
                size="sm"
                data-part="move-up"
                label={labels.moveUp(column.header)}
                aria-disabled={index === 0}
                onClick={() => move(index, -1)}
                icon="↑"
              />
              <IconButton
                size="sm"
                data-part="move-down"
                label={labels.moveDown(column.header)}
                aria-disabled={index === ordered.length - 1}
                onClick={() => move(index, 1)}
                icon="↓"
              />
            </li>
          ))}
        </ul>
      </Popover>
    </div>
  );
}

export interface DensityToggleProps {
  density: AuditLogTableDensity;
  onDensityChange: (updater: Updater<AuditLogTableDensity>) => void;
  /** The button's accessible name (the labels' `compactRows` by default); pressed means compact. */
  label?: string | undefined;
  className?: string | undefined;
}

/** A toggle button: pressed shows compact rows. */
export function DensityToggle({ density, onDensityChange, label, className }: DensityToggleProps) {
  const { labels } = useAuditUi();
  return (
    <Toggle
      {...rootProps('density-toggle', className, density)}
      pressed={density === 'compact'}
      onPressedChange={(compact) => onDensityChange(compact ? 'compact' : 'comfortable')}
    >
      {label ?? labels.compactRows}
    </Toggle>
  );
}
