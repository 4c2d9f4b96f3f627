import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConnectedSummaryCards, SummaryCards } from 'audit-log-sdk/components';
import { expect, waitFor, within } from 'storybook/test';
import { expectHostileInert, expectWithinCanvas, partOf } from './support/hostile-checks.js';
import { STORY_SUMMARY } from '../test/fixtures/events.js';

const meta = {
  title: 'Components/SummaryCards',
  component: SummaryCards,
  args: { summary: STORY_SUMMARY },
} satisfies Meta<typeof SummaryCards>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The figure under a card's title. */
const figure = (canvasElement: HTMLElement, title: string) =>
  within(within(canvasElement).getByText(title).parentElement!).getByRole('definition');

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await expect(figure(canvasElement, 'Events')).toHaveTextContent('1,390');
    await expect(figure(canvasElement, 'Critical and errors')).toHaveTextContent('43');
    await expect(figure(canvasElement, 'Warnings')).toHaveTextContent('120');
    await expect(figure(canvasElement, 'Resource types')).toHaveTextContent('3');
  },
};

export const Loading: Story = {
  args: { summary: undefined },
  play: async ({ canvasElement }) => {
    await expect(partOf(canvasElement, 'summary-cards')).toHaveAttribute('aria-busy', 'true');
    await expect(within(canvasElement).getAllByText('Loading…')).toHaveLength(4);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(figure(canvasElement, 'Events')).toHaveTextContent('1,390');
  },
};

/** Four cards stack into one column rather than overflowing a phone. */
export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await expectWithinCanvas(partOf(canvasElement, 'summary-cards'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: { labels: { totalEvents: 'Ereignisse', warnings: 'Warnungen' } },
  play: async ({ canvasElement }) => {
    await expect(figure(canvasElement, 'Ereignisse')).toHaveTextContent('1,390');
    await expect(figure(canvasElement, 'Warnungen')).toHaveTextContent('120');
  },
};

export const Connected: Story = {
  render: () => <ConnectedSummaryCards />,
  parameters: { audit: {} },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('200')).toBeVisible();
    await expect(partOf(canvasElement, 'summary-cards')).toHaveAttribute('data-state', 'ready');
  },
};

export const ConnectedLoading: Story = {
  render: () => <ConnectedSummaryCards />,
  parameters: { audit: { answers: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByText('Loading…')).toHaveLength(4);
  },
};

/** A tenant with no events shows zeros, not a loading state. */
export const ConnectedEmpty: Story = {
  render: () => <ConnectedSummaryCards />,
  parameters: { audit: { events: 0 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findAllByText('0')).toHaveLength(4);
  },
};

export const ConnectedHostile: Story = {
  render: () => <ConnectedSummaryCards query={{ correlation_ids: ['hostile-chain'] }} />,
  parameters: { audit: { hostile: true } },
  play: async ({ canvasElement }) => {
    // The three events of the hostile chain, counted like any others.
    await waitFor(() => expect(figure(canvasElement, 'Events')).toHaveTextContent('3'));
    await expectHostileInert(canvasElement);
    await expectWithinCanvas(partOf(canvasElement, 'summary-cards'), canvasElement);
  },
};
