import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AuditLogTable,
  ConnectedAuditLogTable,
  type AuditLogSort,
  type AuditLogTableProps,
} from 'audit-log-sdk/components';
import { useState } from 'react';
import { ROW_HEIGHT } from '../src/components/table/audit-log-table.js';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  expectHeightAtMost,
  expectHostileInert,
  expectWithinCanvas,
  partOf,
} from './support/hostile-checks.js';
import { HOSTILE_STORED_EVENTS, makeStoryEvents } from '../test/fixtures/events.js';

// Module scope: the table asks for stable `events` references.
const EVENTS = makeStoryEvents(50);
const TEN_THOUSAND = makeStoryEvents(10_000);
const NO_EVENTS = [] as const;
const NEWEST_FIRST: AuditLogSort = { sort_by: 'timestamp', sort_order: 'desc' };

const meta = {
  title: 'Components/AuditLogTable',
  component: AuditLogTable,
  args: {
    events: EVENTS,
    sort: NEWEST_FIRST,
    onSortChange: fn(),
    onOpenEvent: fn(),
    onRetry: fn(),
  },
} satisfies Meta<typeof AuditLogTable>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getAllByRole('row')
    .filter((row) => row.dataset['part'] === 'row');
const header = (canvasElement: HTMLElement, name: string) =>
  within(canvasElement).getByRole('columnheader', { name });

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const grid = within(canvasElement).getByRole('grid', { name: 'Events' });
    await expect(grid).toHaveAttribute('aria-rowcount', '51');
    await expect(within(grid).getByText('Event number 0')).toBeVisible();
    await expect(header(canvasElement, 'Time')).toHaveAttribute('aria-sort', 'descending');
  },
};

const LONG_VALUES = makeStoryEvents(20).map((event, index) => ({
  ...event,
  user_id: `judy.longname-${index}@acme.example`,
  action: 'access_denied_by_policy',
  resource_type: 'customer_record',
  resource_id: `cust-${index}-0000-1111-2222-3333`,
  timestamp: new Date(Date.UTC(2025, 10, 30, 14, 3, 22) - index * 60_000).toISOString(),
}));

/**
 * At 1024 px every cell stays on one line: the time column shows date and time of day whole,
 * and long users, actions and resources end in an ellipsis with the value in the tooltip.
 */
export const OneLineCells: Story = {
  args: { events: LONG_VALUES },
  parameters: { width: 1024 },
  play: async ({ canvasElement }) => {
    const rows = rowsOf(canvasElement);
    for (const row of rows.slice(0, 10)) {
      const time = row.querySelector<HTMLElement>('[data-part="time"]')!;
      // A year other than this one is shown, with the time of day, and nothing is cut.
      await expect(time.textContent).toMatch(/2025.*\d{2}:\d{2}:22/);
      await expect(time.scrollWidth).toBeLessThanOrEqual(time.clientWidth);
      await expect(getComputedStyle(time).fontVariantNumeric).toBe('tabular-nums');
      for (const cell of row.querySelectorAll<HTMLElement>('[data-part="cell"]')) {
        // One line: no cell is taller than its text's line.
        await expect(cell.scrollHeight).toBeLessThanOrEqual(cell.clientHeight + 1);
        await expect(getComputedStyle(cell).whiteSpace).toBe('nowrap');
      }
      const user = row.querySelector<HTMLElement>('[data-column="user"] [data-ui="name"]')!;
      await expect(user).toHaveAttribute('title', user.textContent!);
    }
  },
};

/** A sortable header shows its order through aria-sort: descending first, then ascending. */
function SortableTable(props: AuditLogTableProps) {
  const [sort, setSort] = useState<AuditLogSort>(NEWEST_FIRST);
  return (
    <AuditLogTable
      {...props}
      sort={sort}
      onSortChange={(next) => {
        setSort(next);
        props.onSortChange?.(next);
      }}
    />
  );
}

export const SortByColumn: Story = {
  render: (args) => <SortableTable {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Severity' }));
    await expect(header(canvasElement, 'Severity')).toHaveAttribute('aria-sort', 'descending');
    await expect(header(canvasElement, 'Time')).toHaveAttribute('aria-sort', 'none');
    await expect(args.onSortChange).toHaveBeenLastCalledWith({
      sort_by: 'severity',
      sort_order: 'desc',
    });
    await userEvent.click(canvas.getByRole('button', { name: 'Severity' }));
    await expect(header(canvasElement, 'Severity')).toHaveAttribute('aria-sort', 'ascending');
    // Not sortable by the server: no aria-sort at all.
    await expect(header(canvasElement, 'IP address')).not.toHaveAttribute('aria-sort');
  },
};

/** Arrow keys move between rows, End jumps to the last, Enter opens it. */
export const Keyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const first = rowsOf(canvasElement)[0]!;
    await userEvent.click(first);
    await expect(args.onOpenEvent).toHaveBeenLastCalledWith(EVENTS[0]);
    await expect(first).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(
      within(canvasElement).getByText('Event number 1').closest('[role="row"]'),
    ).toHaveFocus();
    await userEvent.keyboard('{End}');
    const last = within(canvasElement).getByText('Event number 49').closest('[role="row"]');
    await waitFor(() => expect(last).toHaveFocus());
    await expect(last).toHaveAttribute('aria-rowindex', '51');
    await userEvent.keyboard('{Enter}');
    await expect(args.onOpenEvent).toHaveBeenLastCalledWith(EVENTS[49]);
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(rowsOf(canvasElement)[0]).toHaveFocus());
  },
};

/** 10,000 rows render a window of them and still reach the last with one key. */
export const TenThousandRows: Story = {
  args: { events: TEN_THOUSAND },
  play: async ({ canvasElement, args }) => {
    const grid = within(canvasElement).getByRole('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', '10001');
    await expect(rowsOf(canvasElement).length).toBeLessThan(60);
    rowsOf(canvasElement)[0]!.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() =>
      expect(
        within(canvasElement).getByText('Event number 9999').closest('[role="row"]'),
      ).toHaveFocus(),
    );
    await userEvent.keyboard('{ArrowUp}{Enter}');
    await expect(args.onOpenEvent).toHaveBeenLastCalledWith(TEN_THOUSAND[9998]);
    await expect(rowsOf(canvasElement).length).toBeLessThan(60);
  },
};

export const Loading: Story = {
  args: { events: NO_EVENTS, loading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading…');
    await expect(partOf(canvasElement, 'table')).toHaveAttribute('data-state', 'loading');
  },
};

/** The next page loading keeps the rows on screen, marked busy. */
export const LoadingWithRows: Story = {
  args: { loading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('grid')).toHaveAttribute('aria-busy', 'true');
    await expect(within(canvasElement).getByText('Event number 0')).toBeVisible();
  },
};

export const Empty: Story = {
  args: { events: NO_EVENTS },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'No events match these filters.',
    );
  },
};

export const ErrorWithRetry: Story = {
  args: { events: NO_EVENTS, error: new Error('The audit store is unavailable') },
  play: async ({ canvasElement, args }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent('Could not load events');
    await expect(alert).toHaveTextContent('The audit store is unavailable');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** A failed refetch says so above the rows it already had, instead of wiping them. */
export const ErrorWithRows: Story = {
  args: { error: new Error('The audit store is unavailable') },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toBeVisible();
    await expect(within(canvasElement).getByText('Event number 0')).toBeVisible();
  },
};

export const SelectRows: Story = {
  args: { selectable: true, onSelectionChange: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select all rows' }));
    await expect(args.onSelectionChange).toHaveBeenLastCalledWith(EVENTS.map((event) => event.id));
    const first = rowsOf(canvasElement)[0]!;
    await expect(first).toHaveAttribute('aria-selected', 'true');
    first.focus();
    await userEvent.keyboard(' ');
    await expect(first).toHaveAttribute('aria-selected', 'false');
    await expect(canvas.getByRole('checkbox', { name: 'Select all rows' })).toBePartiallyChecked();
  },
};

/** The settings above the grid hide a column and make rows compact. */
export const WithSettings: Story = {
  args: { showSettings: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Columns' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'IP address' }));
    await expect(canvas.queryByRole('columnheader', { name: 'IP address' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Compact rows' }));
    await expect(canvas.getByRole('button', { name: 'Compact rows' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expectHeightAtMost(rowsOf(canvasElement)[0]!, ROW_HEIGHT.compact + 1);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { selectable: true, showSettings: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Event number 0')).toBeVisible();
  },
};

/** On a phone the grid scrolls sideways inside its own box; the page does not. */
export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await expectWithinCanvas(partOf(canvasElement, 'table'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: {
      time: 'Zeit',
      severity: 'Schwere',
      totalEvents: 'Ereignisse',
      severities: { info: 'Hinweis' },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('grid', { name: 'Ereignisse' })).toBeVisible();
    await expect(header(canvasElement, 'Zeit')).toHaveAttribute('aria-sort', 'descending');
    await expect(canvas.getByRole('button', { name: 'Schwere' })).toBeVisible();
    await expect(canvas.getAllByText('Hinweis').length).toBeGreaterThan(0);
  },
};

/** Hostile rows keep their fixed height and the grid its width; opening one runs nothing. */
export const Hostile: Story = {
  args: { events: HOSTILE_STORED_EVENTS },
  play: async ({ canvasElement, args }) => {
    const rows = rowsOf(canvasElement);
    await expect(rows).toHaveLength(HOSTILE_STORED_EVENTS.length);
    for (const row of rows) await expectHeightAtMost(row, ROW_HEIGHT.comfortable + 1);
    await expectWithinCanvas(partOf(canvasElement, 'table'), canvasElement);
    await userEvent.click(rows[0]!);
    await userEvent.keyboard('{End}{Enter}');
    await expect(args.onOpenEvent).toHaveBeenLastCalledWith(HOSTILE_STORED_EVENTS.at(-1));
    await expect(within(canvasElement).getAllByText(/<img src=x onerror=/).length).toBeGreaterThan(
      0,
    );
    await expectHostileInert(canvasElement);
  },
};

export const Connected: Story = {
  render: () => <ConnectedAuditLogTable size={25} />,
  parameters: { audit: {} },
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', '26');
  },
};

/** A header click asks the server for the new order; the header says so once it arrives. */
export const ConnectedSort: Story = {
  render: (args) => <ConnectedAuditLogTable size={25} onSortChange={args.onSortChange} />,
  parameters: { audit: {} },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    await userEvent.click(canvas.getByRole('button', { name: 'User' }));
    await expect(args.onSortChange).toHaveBeenLastCalledWith({
      sort_by: 'user_id',
      sort_order: 'desc',
    });
    await expect(header(canvasElement, 'User')).toHaveAttribute('aria-sort', 'descending');
    await waitFor(() =>
      expect(partOf(canvasElement, 'table')).toHaveAttribute('data-state', 'ready'),
    );
    const users = rowsOf(canvasElement).map(
      (row) => row.querySelector('[data-column="user"]')?.textContent ?? '',
    );
    await expect(users).toEqual([...users].sort().reverse());
  },
};

export const ConnectedLoading: Story = {
  render: () => <ConnectedAuditLogTable />,
  parameters: { audit: { answers: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading…');
  },
};

export const ConnectedEmpty: Story = {
  render: () => <ConnectedAuditLogTable />,
  parameters: { audit: { events: 0 } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('No events match these filters.'),
    ).toBeVisible();
  },
};

export const ConnectedError: Story = {
  render: () => <ConnectedAuditLogTable />,
  parameters: { audit: { answers: 'error' } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load events');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await within(canvasElement).findByRole('alert')).toBeVisible();
  },
};

export const ConnectedHostile: Story = {
  render: (args) => <ConnectedAuditLogTable onOpenEvent={args.onOpenEvent} />,
  parameters: { audit: { hostile: true, events: 0 } },
  play: async ({ canvasElement, args }) => {
    await within(canvasElement).findByRole('grid');
    const rows = rowsOf(canvasElement);
    await expect(rows).toHaveLength(HOSTILE_STORED_EVENTS.length);
    for (const row of rows) await expectHeightAtMost(row, ROW_HEIGHT.comfortable + 1);
    await userEvent.click(rows[0]!);
    await expect(args.onOpenEvent).toHaveBeenCalledTimes(1);
    await expectWithinCanvas(partOf(canvasElement, 'table'), canvasElement);
    await expectHostileInert(canvasElement);
  },
};
