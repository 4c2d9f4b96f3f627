import type { Meta, StoryObj } from '@storybook/react-vite';
import { ResourceHistory } from 'audit-log-sdk/components';
import { expect, fn, userEvent, within } from 'storybook/test';
import { expectWithinCanvas, partOf } from './support/hostile-checks.js';

const APOLLO = { resource_type: 'project', resource_id: 'apollo' };

const meta = {
  title: 'Components/ResourceHistory',
  component: ResourceHistory,
  args: { resource: APOLLO },
  parameters: { audit: { events: 40, resourceHistory: true } },
} satisfies Meta<typeof ResourceHistory>;
export default meta;
type Story = StoryObj<typeof meta>;

const actions = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('[data-part="history-action"]')].map(
    (item) => item.textContent,
  );

/** How one project came to be archived: each event oldest first, with its change. */
export const Lifecycle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Events 1–5 of 5, oldest first')).toBeVisible();
    await expect(actions(canvasElement)).toEqual(['create', 'update', 'read', 'update', 'archive']);
    await expect(canvas.getAllByRole('table', { name: 'Changes' })).toHaveLength(4);
    await expect(canvas.getByText('No change recorded')).toBeVisible();
  },
};

/** Two events a page; Back shown, as the viewer opens it from a row. */
export const PagedWithBack: Story = {
  args: { pageSize: 2, onBack: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Events 1–2 of 5, oldest first')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Newest' }));
    await expect(await canvas.findByText('Events 5–5 of 5, oldest first')).toBeVisible();
    await expect(actions(canvasElement)).toEqual(['archive']);
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }));
    await expect(args.onBack).toHaveBeenCalledOnce();
  },
};

export const NoEvents: Story = {
  args: { resource: { resource_type: 'project', resource_id: 'never-touched' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('No events recorded for this resource.'),
    ).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Events 1–5 of 5, oldest first'),
    ).toBeVisible();
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Events 1–5 of 5, oldest first');
    await expectWithinCanvas(partOf(canvasElement, 'resource-history'), canvasElement);
  },
};
