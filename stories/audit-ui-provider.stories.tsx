import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AuditEventDetail,
  AuditLogTable,
  AuditUiProvider,
  type AuditUiProviderProps,
  SeverityBadge,
  SummaryCards,
} from 'audit-log-sdk/components';
import { useState } from 'react';
import { expect, within } from 'storybook/test';
import { makeStoryEvent, STORY_SUMMARY } from '../test/fixtures/events.js';

const event = makeStoryEvent(0, { severity: 'critical', description: 'Rolle vergeben' });

/** Two events from a few minutes and a few hours before the story renders. */
function RecentEvents(props: AuditUiProviderProps) {
  const [events] = useState(() =>
    [5 * 60_000, 2 * 3_600_000].map((ago, index) => {
      const at = new Date(Date.now() - ago).toISOString();
      return makeStoryEvent(index, { timestamp: at, created_at: at });
    }),
  );
  return (
    <AuditUiProvider {...props}>
      <AuditLogTable events={events} initialHeight={200} />
      <AuditEventDetail event={events[0]!} />
    </AuditUiProvider>
  );
}

const meta = {
  title: 'Components/AuditUiProvider',
  component: AuditUiProvider,
  args: {
    children: (
      <div style={{ display: 'grid', gap: '1rem' }}>
        <SeverityBadge severity="critical" />
        <SummaryCards summary={STORY_SUMMARY} />
        <AuditEventDetail event={event} />
      </div>
    ),
  },
} satisfies Meta<typeof AuditUiProvider>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Without a provider the parts speak English in the browser's locale. */
export const Defaults: Story = {
  args: { locale: 'en-US', timeZone: 'UTC' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText('Critical').length).toBeGreaterThan(0);
    await expect(canvas.getByText('1,390')).toBeVisible();
    // The event's time and its recorded time, whole and with the zone they are shown in.
    await expect(canvas.getAllByText('Jan 15, 2026, 12:00:00 PM UTC')).toHaveLength(2);
  },
};

/** One provider turns every part below it German, in Berlin time, with German numbers. */
export const GermanInBerlin: Story = {
  args: {
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    labels: {
      totalEvents: 'Ereignisse',
      time: 'Zeit',
      severities: { critical: 'Kritisch' },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText('Kritisch').length).toBe(2);
    await expect(canvas.queryByText('Critical')).toBeNull();
    await expect(canvas.getByText('Ereignisse')).toBeVisible();
    await expect(canvas.getByText('1.390')).toBeVisible();
    // 12:00 UTC is 13:00 in Berlin in January.
    await expect(canvas.getAllByText('15.01.2026, 13:00:00 MEZ')).toHaveLength(2);
  },
};

/** Relative display turns the table's times into "5 minutes ago"; the detail keeps the exact time. */
export const RelativeTimes: Story = {
  args: { locale: 'en-US', timeDisplay: 'relative' },
  render: (args) => <RecentEvents {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('5 minutes ago')).toBeVisible();
    await expect(canvas.getByText('2 hours ago')).toBeVisible();
    const detail = within(canvas.getByRole('article'));
    await expect(detail.queryByText('5 minutes ago')).toBeNull();
    await expect(detail.getAllByRole('time').length).toBeGreaterThan(0);
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { locale: 'fr-FR', labels: { severities: { critical: 'Critique' } } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByText('Critique').length).toBe(2);
    await expect(within(canvasElement).getByText(/1\s390/)).toBeVisible();
  },
};
