import type { Meta, StoryObj } from '@storybook/react-vite';
import { AuditEventDetail } from 'audit-log-sdk/components';
import { expect, fn, userEvent, within } from 'storybook/test';
import {
  expectHeightAtMost,
  expectHostileInert,
  expectWithinCanvas,
  partOf,
} from './support/hostile-checks.js';
import { HOSTILE_STORED_EVENTS, makeStoryEvent } from '../test/fixtures/events.js';

const meta = {
  title: 'Components/AuditEventDetail',
  component: AuditEventDetail,
  args: {
    event: makeStoryEvent(8, {
      description: 'Invoice 8 sent to the customer',
      metadata: { before: { status: 'draft', total: 10 }, after: { status: 'sent', total: 10 } },
    }),
    onShowCorrelated: fn(),
    onShowSameSession: fn(),
  },
} satisfies Meta<typeof AuditEventDetail>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The changed field appears as a before/after row; unchanged ones do not. */
export const WithChanges: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const changes = canvas.getByRole('table', { name: 'Changes' });
    await expect(within(changes).getByRole('rowheader', { name: 'status' })).toBeVisible();
    await expect(within(changes).queryByRole('rowheader', { name: 'total' })).toBeNull();
    await expect(within(changes).getByText('"draft"')).toBeVisible();
    await expect(within(changes).getByText('"sent"')).toBeVisible();
  },
};

const WIDE = makeStoryEvent(3, {
  description: 'An export that listed every record it touched',
  metadata: { record_ids: Array.from({ length: 200_000 }, (_, i) => `rec_${i}`) },
});

/**
 * A 200,000-element array opens a hundred items at a time, with its size in words; the
 * metadata box leaves room under its last line, so no underscore is clipped.
 */
export const WideMetadata: Story = {
  args: { event: WIDE },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tree = canvas.getByRole('region', { name: 'Metadata' });
    await expect(within(tree).getByText('200,000 items')).toBeVisible();
    await expect(tree.querySelectorAll('li').length).toBeLessThanOrEqual(101);
    await userEvent.click(
      within(tree).getByRole('button', { name: 'Show 100 more (100 of 200,000 shown)' }),
    );
    await expect(tree.querySelectorAll('li').length).toBeLessThanOrEqual(201);
    await expect(within(tree).getByText('"rec_199"')).toBeInTheDocument();
    // Scrolled to its end, the last line sits wholly inside the box, above its padding.
    tree.scrollTop = tree.scrollHeight;
    const last = tree.querySelector('[data-part="json-more"]')!;
    const inner =
      tree.getBoundingClientRect().bottom - parseFloat(getComputedStyle(tree).paddingBottom);
    await expect(last.getBoundingClientRect().bottom).toBeLessThanOrEqual(inner + 1);
  },
};

export const ShowCorrelatedEvents: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Show correlated events' }));
    await expect(args.onShowCorrelated).toHaveBeenCalledWith('corr-8');
    await userEvent.click(canvas.getByRole('button', { name: 'Show events of the same session' }));
    await expect(args.onShowSameSession).toHaveBeenCalledWith('session-8');
  },
};

/** Missing fields read as a dash, and no way onward is offered without an id to follow. */
export const SparseEvent: Story = {
  args: {
    event: makeStoryEvent(3, {
      user_id: null,
      ip_address: null,
      user_agent: null,
      session_id: null,
      correlation_id: null,
      metadata: null,
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText('—').length).toBeGreaterThanOrEqual(5);
    await expect(canvas.queryByRole('button', { name: 'Show correlated events' })).toBeNull();
    await expect(canvas.queryByRole('group', { name: 'Metadata' })).toBeNull();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Invoice 8 sent to the customer')).toBeVisible();
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await expectWithinCanvas(partOf(canvasElement, 'event-detail'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: {
      showCorrelated: 'Zusammenhängende Ereignisse',
      changes: 'Änderungen',
      severities: { info: 'Hinweis', debug: 'Diagnose' },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Zusammenhängende Ereignisse' })).toBeVisible();
    await expect(canvas.getByRole('table', { name: 'Änderungen' })).toBeVisible();
  },
};

/**
 * One hostile event: shown as text, inside the canvas, no taller than a screenful or two even
 * with a 1 MiB description, and nothing in it runs.
 */
const hostile = (index: number): Story => ({
  args: { event: HOSTILE_STORED_EVENTS[index]! },
  play: async ({ canvasElement, args }) => {
    const detail = partOf(canvasElement, 'event-detail');
    const correlated = within(canvasElement).queryByRole('button', {
      name: 'Show correlated events',
    });
    if (correlated) {
      await userEvent.click(correlated);
      await expect(args.onShowCorrelated).toHaveBeenCalledWith('hostile-chain');
    }
    await expectWithinCanvas(detail, canvasElement);
    await expectHeightAtMost(detail, 2000);
    await expectHostileInert(canvasElement);
  },
});

export const HostileMarkup: Story = {
  ...hostile(0),
  play: async (context) => {
    // The markup arrives as its own text.
    const canvas = within(context.canvasElement);
    await expect(canvas.getAllByText(/<img src=x onerror=/).length).toBeGreaterThan(0);
    await expect(canvas.getByText(/<b onmouseover=/)).toBeVisible();
    await hostile(0).play!(context);
  },
};
export const HostileFormulas: Story = hostile(1);
export const HostileDirectionOverrides: Story = hostile(2);
export const HostileHugeDescription: Story = hostile(3);
export const HostileDeepMetadata: Story = hostile(4);
export const HostilePrototypeKeys: Story = hostile(5);

/** All of the 1 MiB description, on request: it scrolls in its own box, the page stays put. */
export const HostileHugeDescriptionRevealed: Story = {
  ...hostile(3),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Show all 1,048,576 characters' }));
    await expect(canvas.getByRole('button', { name: 'Show less' })).toBeVisible();
    await hostile(3).play!(context);
  },
};
