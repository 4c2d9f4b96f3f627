import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AuditEventDetail,
  AuditUiProvider,
  SeverityBadge,
  SummaryCards,
} from 'audit-log-sdk/components';
import { expect, within } from 'storybook/test';
import './support/package-styles.js';
import { makeStoryEvent, STORY_SUMMARY } from './support/story-events.js';

const event = makeStoryEvent(0, { severity: 'critical', description: 'Rolle vergeben' });

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
    // The event's time and its recorded time.
    await expect(canvas.getAllByText('Jan 15, 2026, 12:00:00 PM')).toHaveLength(2);
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
    await expect(canvas.getAllByText('15.01.2026, 13:00:00')).toHaveLength(2);
  },
};

export const RelativeTimes: Story = {
  args: { locale: 'en-US', timeDisplay: 'relative' },
  render: (args) => (
    <AuditUiProvider {...args}>
      <AuditEventDetail event={makeStoryEvent(0)} />
    </AuditUiProvider>
  ),
  play: async ({ canvasElement }) => {
    // The detail always shows the absolute time; relative display is for the table's column.
    const times = within(canvasElement).getAllByText(/^Jan 15, 2026/);
    await expect(times).toHaveLength(2);
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
