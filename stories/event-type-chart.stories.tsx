import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConnectedEventTypeChart, EventTypeChart } from 'audit-log-sdk/charts';
import { expect, fn, userEvent, within } from 'storybook/test';
import { chartTableRows } from './support/chart-checks.js';
import { chartStateStories } from './support/chart-state-stories.js';
import { expectHostileInert, expectWithinCanvas, partOf } from './support/hostile-checks.js';
import { STORY_SUMMARY } from '../test/fixtures/events.js';

const TITLE = 'Events by type';

const meta = {
  title: 'Components/EventTypeChart',
  component: EventTypeChart,
  args: { summary: STORY_SUMMARY },
} satisfies Meta<typeof EventTypeChart>;
export default meta;
type Story = StoryObj<typeof meta>;

const states = chartStateStories(ConnectedEventTypeChart);

const counted = (rows: string[][]) =>
  rows.reduce((sum, row) => sum + Number(row[1]!.replace(/\D/g, '')), 0);

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('figure', { name: TITLE })).toBeVisible();
    const rows = chartTableRows(canvasElement, TITLE);
    await expect(rows[0]![0]).toBe('Authentication');
    await expect(counted(rows).toLocaleString('en-US')).toBe('1,390');
  },
};

/** A click on a bar filters by it; keyboards reach the same choice through the data table. */
export const ClickFilters: Story = {
  args: { onSelect: fn() },
  play: async ({ canvasElement, args }) => {
    const bar = canvasElement.querySelector('[data-part="chart-bar"][data-value="data_access"]')!;
    await userEvent.click(bar);
    await expect(args.onSelect).toHaveBeenLastCalledWith('data_access');
    const filter = within(canvasElement).getByRole('button', { name: 'Filter by Authorization' });
    filter.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenLastCalledWith('authorization');
  },
};

export const Loading: Story = states.Loading;

export const Error: Story = states.Error;

export const Empty: Story = states.Empty;

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { onSelect: fn() },
  play: async ({ canvasElement }) => {
    await expect(chartTableRows(canvasElement, TITLE)[0]![0]).toBe('Authentication');
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await expectWithinCanvas(partOf(canvasElement, 'event-type-chart'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: {
      eventTypeBreakdown: 'Ereignisse nach Art',
      eventTypes: { authentication: 'Anmeldung' },
    },
  },
  play: async ({ canvasElement }) => {
    const rows = chartTableRows(canvasElement, 'Ereignisse nach Art');
    await expect(rows.map((row) => row[0])).toContain('Anmeldung');
  },
};

export const Connected: Story = {
  render: (args) => (
    <ConnectedEventTypeChart {...(args.onSelect ? { onSelect: args.onSelect } : {})} />
  ),
  args: { onSelect: fn() },
  parameters: { audit: {} },
  play: async ({ canvasElement, args }) => {
    await within(canvasElement).findByRole('table', { name: TITLE });
    await expect(counted(chartTableRows(canvasElement, TITLE))).toBe(200);
    await userEvent.click(
      within(canvasElement).getByRole('button', { name: 'Filter by Data access' }),
    );
    await expect(args.onSelect).toHaveBeenCalledWith('data_access');
  },
};

export const ConnectedLoading: Story = states.ConnectedLoading;

export const ConnectedError: Story = states.ConnectedError;

export const ConnectedEmpty: Story = states.ConnectedEmpty;

export const ConnectedHostile: Story = {
  render: () => <ConnectedEventTypeChart />,
  parameters: { audit: { hostile: true, events: 0 } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('table', { name: TITLE });
    await expect(counted(chartTableRows(canvasElement, TITLE))).toBe(6);
    await expectWithinCanvas(partOf(canvasElement, 'event-type-chart'), canvasElement);
    await expectHostileInert(canvasElement);
  },
};
