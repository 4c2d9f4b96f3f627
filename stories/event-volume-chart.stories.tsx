import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConnectedEventVolumeChart, EventVolumeChart } from 'audit-log-sdk/charts';
import { expect, fn, waitFor, within } from 'storybook/test';
import { chartTableRows } from './support/chart-checks.js';
import { chartStateStories } from './support/chart-state-stories.js';
import { expectHostileInert, expectWithinCanvas, partOf } from './support/hostile-checks.js';
import { STORY_SUMMARY } from '../test/fixtures/events.js';

const meta = {
  title: 'Components/EventVolumeChart',
  component: EventVolumeChart,
  args: { summary: STORY_SUMMARY, interval: 'hour' },
} satisfies Meta<typeof EventVolumeChart>;
export default meta;
type Story = StoryObj<typeof meta>;

const states = chartStateStories(ConnectedEventVolumeChart);

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const figure = within(canvasElement).getByRole('figure', { name: 'Event volume' });
    await expect(figure).toBeVisible();
    const rows = chartTableRows(canvasElement, 'Event volume');
    await expect(rows).toHaveLength(12);
    // The last bucket's total: 10 + 11 × 3.
    await expect(rows.at(-1)!.at(-1)).toBe('43');
    await expect(figure.querySelector('svg')).not.toBeNull();
  },
};

/**
 * The server counted by the day and drew only the part that holds events, because one
 * event is dated 9999: the chart says so under its title.
 */
const DAY_TIMELINE = STORY_SUMMARY.timeline!.map((bucket, day) => ({
  ...bucket,
  bucket: new Date(Date.UTC(2026, 0, 4 + day)).toISOString(),
}));

export const OutlierOutside: Story = {
  parameters: { width: 390 },
  args: {
    interval: 'minute',
    summary: {
      ...STORY_SUMMARY,
      timeline: DAY_TIMELINE,
      timeline_adjusted: {
        interval: 'day',
        max_buckets: 10_000,
        start: DAY_TIMELINE[0]!.bucket,
        end: new Date(Date.parse(DAY_TIMELINE.at(-1)!.bucket) + 86_399_999).toISOString(),
        events_outside: 1,
      },
    },
  },
  play: async ({ canvasElement }) => {
    const note = within(canvasElement).getByText(
      /^Shown by day, .* – .*\. 1 event lies outside\.$/,
    );
    await expect(note).toBeVisible();
    await expectWithinCanvas(partOf(canvasElement, 'event-volume-chart'), canvasElement);
  },
};

/** Moves the pointer over the plot at a fraction of its width, as recharts tracks it. */
async function pointAt(
  surface: Element,
  fraction: number,
  type: 'mousemove' | 'mousedown' | 'mouseup',
) {
  const box = surface.getBoundingClientRect();
  const init = {
    bubbles: true,
    clientX: box.left + box.width * fraction,
    clientY: box.top + box.height / 2,
  };
  surface.dispatchEvent(new MouseEvent(type, init));
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Dragging across buckets selects their whole range, e.g. to zoom the list into it. */
export const DragToZoom: Story = {
  args: { onRangeSelect: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByText('Drag across the chart to zoom into a time range.'),
    ).toBeVisible();
    const surface = canvasElement.querySelector('.recharts-wrapper')!;
    await pointAt(surface, 0.9, 'mousemove');
    await pointAt(surface, 0.9, 'mousedown');
    await pointAt(surface, 0.3, 'mousemove');
    await waitFor(() =>
      expect(canvasElement.querySelector('.recharts-reference-area')).not.toBeNull(),
    );
    await pointAt(surface, 0.3, 'mouseup');
    await expect(args.onRangeSelect).toHaveBeenCalledTimes(1);
    const [range] = (args.onRangeSelect as ReturnType<typeof fn>).mock.calls[0] as [
      { start_date: string; end_date: string },
    ];
    await expect(Date.parse(range.start_date)).toBeLessThan(Date.parse(range.end_date));
    // Whole buckets: from the start of an hour to the last millisecond of one.
    await expect(range.start_date).toMatch(/:00:00\.000Z$/);
    await expect(range.end_date).toMatch(/:59:59\.999Z$/);
  },
};

export const Loading: Story = states.Loading;

export const Error: Story = states.Error;

export const Empty: Story = states.Empty;

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(chartTableRows(canvasElement, 'Event volume')).toHaveLength(12);
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await expectWithinCanvas(partOf(canvasElement, 'event-volume-chart'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: {
      eventVolume: 'Ereignisse über die Zeit',
      total: 'Summe',
      severities: { info: 'Hinweis' },
    },
  },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table', { name: 'Ereignisse über die Zeit' });
    await expect(within(table).getByRole('columnheader', { name: 'Summe' })).toBeInTheDocument();
    await expect(within(table).getByRole('columnheader', { name: 'Hinweis' })).toBeInTheDocument();
  },
};

export const Connected: Story = {
  render: () => <ConnectedEventVolumeChart />,
  parameters: { audit: {} },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('table', { name: 'Event volume' });
    const totals = chartTableRows(canvasElement, 'Event volume').map((row) =>
      Number(row.at(-1)!.replace(/\D/g, '')),
    );
    await expect(totals.reduce((a, b) => a + b, 0)).toBe(200);
  },
};

export const ConnectedLoading: Story = states.ConnectedLoading;

export const ConnectedError: Story = states.ConnectedError;

export const ConnectedEmpty: Story = states.ConnectedEmpty;

export const ConnectedHostile: Story = {
  render: () => <ConnectedEventVolumeChart />,
  parameters: { audit: { hostile: true, events: 0 } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('table', { name: 'Event volume' });
    await expectWithinCanvas(partOf(canvasElement, 'event-volume-chart'), canvasElement);
    await expectHostileInert(canvasElement);
  },
};
