'use client';
import { useState } from 'react';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabels } from '../ui/labels.js';
import { IconButton } from '../ui/button.js';
import { Popover } from '../ui/popover.js';
import type { AuditLogColumn } from './audit-log-column.js';
import { orderColumns, type AuditLogColumnVisibility } from './column-settings.js';
import type { Updater } from './use-controllable.js';
import { rootProps } from '../ui/root-props.js';

// Its own file: the menu opens on demand, so tables and the viewer fetch it through import().

export interface ColumnSettingsLabels {
  button: string;
  moveUp: (column: string) => string;
  moveDown: (column: string) => string;
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

/** The column settings' words from the catalog, with a host's overrides. */
export function columnSettingsLabels(
  ui: AuditLabels,
  overrides?: Partial<ColumnSettingsLabels>,
): ColumnSettingsLabels {
  return {
    button: ui.columnSettings,
    moveUp: ui.moveColumnUp,
    moveDown: ui.moveColumnDown,
    ...overrides,
  };
}

/** A button that opens a list of the columns: a checkbox to show each, buttons to move it. */
export function ColumnSettings({
  labels: labelOverrides,
  className,
  ...list
}: ColumnSettingsProps) {
  const labels = columnSettingsLabels(useAuditUi().labels, labelOverrides);
  const [open, setOpen] = useState(false);

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
        <ColumnSettingsList {...list} labels={labels} />
      </Popover>
    </div>
  );
}

export type ColumnSettingsListProps = Omit<ColumnSettingsProps, 'labels' | 'className'> & {
  labels: ColumnSettingsLabels;
};

/**
 * The columns, each with a checkbox to show it and buttons to move it: the Columns popover's
 * content, and the columns' part of the viewer's Display panel on phones.
 */
export function ColumnSettingsList({
  columns,
  columnVisibility,
  onColumnVisibilityChange,
  columnOrder,
  onColumnOrderChange,
  labels,
}: ColumnSettingsListProps) {
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
  );
}
