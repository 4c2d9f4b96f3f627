'use client';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { Toggle } from '../ui/toggle.js';
import type { AuditLogColumn } from './audit-log-column.js';
import type { AuditLogTableDensity } from './table-types.js';
import type { Updater } from './use-controllable.js';
import { browserStorage } from '../ui/browser-storage.js';
import { rootProps } from '../ui/root-props.js';

/** Which columns are shown, by id; a column missing from the record is shown. */
export type AuditLogColumnVisibility = Record<string, boolean>;

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
