import type { Meta, StoryObj } from '@storybook/react-vite';
import type { AuditLogClient } from 'audit-log-sdk';
import { LiveTail, type LiveTailProps } from 'audit-log-sdk/components';
import { useAuditEvents } from 'audit-log-sdk/react';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { expectWithinCanvas, partOf } from './support/hostile-checks.js';

const LONG_AGO = '2000-01-01T00:00:00.000Z';

/** A list's live toggle as the viewer wires it: watching for events newer than its newest row. */
function OverList(props: LiveTailProps) {
  const newest = useAuditEvents(props.query, { size: 1 });
  const [enabled, setEnabled] = useState(props.enabled);
  return (
    <LiveTail
      {...props}
      since={newest.data?.items[0]?.timestamp}
      enabled={enabled}
      onEnabledChange={(next) => {
        setEnabled(next);
        props.onEnabledChange?.(next);
      }}
    />
  );
}

const meta = {
  title: 'Components/LiveTail',
  component: LiveTail,
  args: {
    query: {},
    since: LONG_AGO,
    enabled: false,
    onEnabledChange: fn(),
    onShowNew: fn(),
    interval: 200,
  },
  parameters: { audit: {} },
} satisfies Meta<typeof LiveTail>;
export default meta;
type Story = StoryObj<typeof meta>;

const writeEvent = (client: AuditLogClient, action: string) =>
  client.createEvent({
    event_type: 'user_action',
    severity: 'info',
    action,
    resource_type: 'document',
    description: `Live ${action}`,
  });

/** Events written after the list loaded are offered as "N new events", not pushed into it. */
export const NewEvents: Story = {
  render: (args) => <OverList {...args} />,
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    const client = loaded['auditClient'] as AuditLogClient;
    const live = canvas.getByRole('button', { name: 'Live' });
    await userEvent.click(live);
    await expect(live).toHaveAttribute('aria-pressed', 'true');
    await expect(args.onEnabledChange).toHaveBeenLastCalledWith(true);

    await writeEvent(client, 'first');
    await userEvent.click(await canvas.findByRole('button', { name: '1 new event' }));
    await expect(args.onShowNew).toHaveBeenCalledTimes(1);

    await writeEvent(client, 'second');
    await writeEvent(client, 'third');
    await expect(await canvas.findByRole('button', { name: '3 new events' })).toBeVisible();

    await userEvent.click(live);
    await expect(canvas.queryByRole('button', { name: /new event/ })).toBeNull();
  },
};

/** Off, it neither polls nor offers anything. */
export const Off: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Live' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(canvas.queryByRole('button', { name: /new event/ })).toBeNull();
  },
};

/** On, with a list older than everything stored: the whole seed is new. */
export const Backlog: Story = {
  args: { enabled: true },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: '200 new events' }),
    ).toBeVisible();
  },
};

/** While the count loads nothing is offered yet. */
export const Loading: Story = {
  args: { enabled: true },
  parameters: { audit: { answers: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(partOf(canvasElement, 'live-tail')).toHaveAttribute('data-state', 'on');
    await expect(within(canvasElement).queryByRole('button', { name: /new event/ })).toBeNull();
  },
};

export const Dark: Story = {
  args: { enabled: true },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: '200 new events' }),
    ).toBeVisible();
  },
};

export const Narrow: Story = {
  args: { enabled: true },
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', { name: '200 new events' });
    await expectWithinCanvas(partOf(canvasElement, 'live-tail'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    enabled: true,
    labels: {
      liveTail: 'Live-Ansicht',
      newEvents: (count) => (count === 1 ? '1 neues Ereignis' : `${count} neue Ereignisse`),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Live-Ansicht' })).toBeVisible();
    await expect(await canvas.findByRole('button', { name: '200 neue Ereignisse' })).toBeVisible();
  },
};
