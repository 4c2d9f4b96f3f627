import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  ColumnSettings,
  createDefaultColumns,
  DEFAULT_LABELS,
  type AuditLogColumnVisibility,
  type ColumnSettingsProps,
} from 'audit-log-sdk/components';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { expectWithinCanvas, partOf } from './support/hostile-checks.js';

const COLUMNS = createDefaultColumns({
  labels: DEFAULT_LABELS,
  locale: undefined,
  timeZone: undefined,
  timeDisplay: 'absolute',
});
const NO_ORDER: readonly string[] = [];

/** The settings with their state held here, as a table holds it. */
function Stateful(props: ColumnSettingsProps) {
  const [visibility, setVisibility] = useState<AuditLogColumnVisibility>(props.columnVisibility);
  const [order, setOrder] = useState<readonly string[]>(props.columnOrder);
  return (
    <ColumnSettings
      {...props}
      columnVisibility={visibility}
      onColumnVisibilityChange={(updater) => {
        setVisibility(updater);
        props.onColumnVisibilityChange(updater);
      }}
      columnOrder={order}
      onColumnOrderChange={(updater) => {
        setOrder(updater);
        props.onColumnOrderChange(updater);
      }}
    />
  );
}

const meta = {
  title: 'Components/ColumnSettings',
  component: ColumnSettings,
  args: {
    columns: COLUMNS,
    columnVisibility: {},
    onColumnVisibilityChange: fn(),
    columnOrder: NO_ORDER,
    onColumnOrderChange: fn(),
  },
  render: (args) => <Stateful {...args} />,
} satisfies Meta<typeof ColumnSettings>;
export default meta;
type Story = StoryObj<typeof meta>;

const itemNames = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getAllByRole('checkbox')
    .map((box) => box.closest('label')?.textContent);

export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const trigger = await within(canvasElement).findByRole('button', { name: 'Columns' });
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await expect(within(canvasElement).queryByRole('list')).toBeNull();
  },
};

/** Hide a column, move another to the front, and close the list with Escape. */
export const HideAndReorder: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Columns' });
    await userEvent.click(trigger);
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const list = canvas.getByRole('list', { name: 'Columns' });

    const ip = within(list).getByRole('checkbox', { name: 'IP address' });
    await userEvent.click(ip);
    await expect(ip).not.toBeChecked();
    await expect(args.onColumnVisibilityChange).toHaveBeenCalledTimes(1);

    await expect(within(list).getByRole('button', { name: 'Move Time up' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.click(within(list).getByRole('button', { name: 'Move Severity up' }));
    await expect(itemNames(canvasElement).slice(0, 2)).toEqual(['Severity', 'Time']);
    await expect(args.onColumnOrderChange).toHaveBeenLastCalledWith(
      expect.arrayContaining(['severity', 'time']),
    );

    await userEvent.keyboard('{Escape}');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  },
};

/** Columns hidden or moved earlier show so when the list opens. */
export const SavedSettings: Story = {
  args: { columnVisibility: { user: false }, columnOrder: ['description', 'time'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Columns' }));
    await expect(itemNames(canvasElement).slice(0, 2)).toEqual(['Description', 'Time']);
    await expect(canvas.getByRole('checkbox', { name: 'User' })).not.toBeChecked();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Columns' }));
    await expect(within(canvasElement).getByRole('list')).toBeVisible();
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Columns' }));
    await expectWithinCanvas(partOf(canvasElement, 'column-settings'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: {
      button: 'Spalten',
      moveUp: (column) => `${column} nach oben`,
      moveDown: (column) => `${column} nach unten`,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Spalten' }));
    await expect(canvas.getByRole('button', { name: 'Severity nach oben' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Description nach unten' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};
