'use client';
import { useState } from 'react';
import { useAuditUi } from '../ui/audit-ui-context.js';
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
