import type { Meta, StoryObj } from '@storybook/react-vite';
import type { AuditLogQueryInput } from 'audit-log-sdk';
import {
  AuditLogFilters,
  ConnectedAuditLogFilters,
  type AuditLogFiltersProps,
} from 'audit-log-sdk/components';
import { HOSTILE_EVENTS } from 'audit-log-sdk/testing';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import {
  expectHeightAtMost,
  expectHostileInert,
  expectWithinCanvas,
  partOf,
} from './support/hostile-checks.js';
import { STORY_SUMMARY } from '../test/fixtures/events.js';

/** The filters controlled by a parent that keeps the query, as the viewer does. */
function Controlled(props: AuditLogFiltersProps) {
  const [query, setQuery] = useState<AuditLogQueryInput>(props.value ?? {});
  return (
    <AuditLogFilters
      {...props}
      value={query}
      onChange={(next) => {
        setQuery(next);
        props.onChange?.(next);
      }}
    />
  );
}

const meta = {
  title: 'Components/AuditLogFilters',
  component: AuditLogFilters,
  args: { value: {}, onChange: fn(), debounceMs: 50 },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof AuditLogFilters>;
export default meta;
type Story = StoryObj<typeof meta>;

const group = (canvasElement: HTMLElement, name: string) =>
  within(within(canvasElement).getByRole('group', { name }));
const chips = (canvasElement: HTMLElement) =>
  within(group(canvasElement, 'Active filters').getByRole('list')).queryAllByRole('button');

/** Ticking a severity changes the query and adds a chip; the chip takes it away again. */
export const FilterBySeverity: Story = {
  play: async ({ canvasElement, args }) => {
    const severities = group(canvasElement, 'Severities');
    await userEvent.click(severities.getByRole('checkbox', { name: 'Error' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ severities: ['error'] });
    await userEvent.click(severities.getByRole('checkbox', { name: 'Critical' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ severities: ['error', 'critical'] });

    const chip = within(canvasElement).getByRole('button', {
      name: 'Remove filter: Severity: Error',
    });
    await userEvent.click(chip);
    await expect(args.onChange).toHaveBeenLastCalledWith({ severities: ['critical'] });
    await expect(severities.getByRole('checkbox', { name: 'Error' })).not.toBeChecked();
    await expect(chips(canvasElement)).toHaveLength(1);
  },
};

/** Typed text becomes a filter after a pause, not on every key. */
export const TypeToFilter: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'User' }), 'user-7');
    await waitFor(() => expect(args.onChange).toHaveBeenLastCalledWith({ user_ids: ['user-7'] }));
    await expect(args.onChange).toHaveBeenCalledTimes(1);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search' }), 'invoice');
    await waitFor(() =>
      expect(args.onChange).toHaveBeenLastCalledWith({ user_ids: ['user-7'], search: 'invoice' }),
    );
    await expect(
      canvas.getByRole('button', { name: 'Remove filter: Search: invoice' }),
    ).toBeVisible();
  },
};

export const TimePreset: Story = {
  play: async ({ canvasElement, args }) => {
    const preset = within(canvasElement).getByRole('button', { name: 'Last hour' });
    const before = Date.now();
    await userEvent.click(preset);
    await expect(preset).toHaveAttribute('aria-pressed', 'true');
    const [query] = (args.onChange as ReturnType<typeof fn>).mock.calls.at(-1) as [
      AuditLogQueryInput,
    ];
    const start = Date.parse(String(query.start_date));
    await expect(before - start).toBeGreaterThanOrEqual(3_600_000 - 1000);
    await expect(before - start).toBeLessThanOrEqual(3_600_000 + 1000);
    await userEvent.click(preset);
    await expect(preset).toHaveAttribute('aria-pressed', 'false');
    await expect(args.onChange).toHaveBeenLastCalledWith({});
  },
};

/** Uncontrolled, from a starting query; "Clear all" removes every chip. */
export const ClearAll: Story = {
  render: (args) => (
    <AuditLogFilters
      defaultValue={{
        severities: ['warning'],
        event_types: ['authentication'],
        user_ids: ['user-3'],
        sort_by: 'severity',
      }}
      onChange={(query) => args.onChange?.(query)}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(chips(canvasElement)).toHaveLength(3);
    await expect(canvas.getByRole('textbox', { name: 'User' })).toHaveValue('user-3');
    await userEvent.click(canvas.getByRole('button', { name: 'Clear all' }));
    await expect(chips(canvasElement)).toHaveLength(0);
    // The sort order is not a filter; it stays.
    await expect(args.onChange).toHaveBeenLastCalledWith({ sort_by: 'severity' });
    await expect(canvas.getByRole('textbox', { name: 'User' })).toHaveValue('');
    await expect(canvas.getByRole('button', { name: 'Clear all' })).toBeDisabled();
  },
};

export const WithCounts: Story = {
  args: { summary: STORY_SUMMARY },
  play: async ({ canvasElement }) => {
    await expect(
      group(canvasElement, 'Severities').getByRole('checkbox', { name: 'Info 1,045' }),
    ).toBeVisible();
    await expect(
      group(canvasElement, 'Event types').getByRole('checkbox', { name: 'Authentication 1,200' }),
    ).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { summary: STORY_SUMMARY, value: { severities: ['error'] } },
  play: async ({ canvasElement }) => {
    await expect(chips(canvasElement)).toHaveLength(1);
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  args: { summary: STORY_SUMMARY, value: { severities: ['error'], user_ids: ['user-3'] } },
  play: async ({ canvasElement }) => {
    await expectWithinCanvas(partOf(canvasElement, 'filters'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: {
      severities: 'Schweregrade',
      clearAll: 'Alle entfernen',
      removeFilter: 'Filter entfernen',
    },
    uiLabels: { severity: 'Schwere', severities: { error: 'Fehler' } },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      group(canvasElement, 'Schweregrade').getByRole('checkbox', { name: 'Fehler' }),
    );
    await expect(args.onChange).toHaveBeenLastCalledWith({ severities: ['error'] });
    await expect(
      canvas.getByRole('button', { name: 'Filter entfernen: Schwere: Fehler' }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Alle entfernen' })).toBeEnabled();
  },
};

const [markup, formulas, bidi, huge] = HOSTILE_EVENTS;

/** Filters built from hostile events' values (as "Show correlated events" does) stay text. */
export const Hostile: Story = {
  args: {
    value: {
      user_ids: [markup!.user_id!],
      session_ids: [markup!.session_id!],
      resource_types: [huge!.resource_type, formulas!.resource_type],
      actions: [bidi!.action],
      search: markup!.description,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('textbox', { name: 'User' })).toHaveValue(markup!.user_id!);
    await expect(chips(canvasElement)).toHaveLength(6);
    for (const chip of chips(canvasElement)) await expectHeightAtMost(chip, 400);
    await userEvent.click(
      canvas.getByRole('button', { name: `Remove filter: Search: ${markup!.description}` }),
    );
    await expect(chips(canvasElement)).toHaveLength(5);
    await expectWithinCanvas(partOf(canvasElement, 'filters'), canvasElement);
    await expectHostileInert(canvasElement);
  },
};

export const Connected: Story = {
  render: (args) => (
    <ConnectedAuditLogFilters onChange={(query) => args.onChange?.(query)} debounceMs={50} />
  ),
  parameters: { audit: {} },
  play: async ({ canvasElement, args }) => {
    const severities = group(canvasElement, 'Severities');
    const error = await severities.findByRole('checkbox', { name: /^Error \d/ });
    await userEvent.click(error);
    await expect(args.onChange).toHaveBeenLastCalledWith({ severities: ['error'] });
    await expect(error).toBeChecked();
  },
};

/** Until the counts arrive the options are there, without numbers. */
export const ConnectedLoading: Story = {
  render: () => <ConnectedAuditLogFilters />,
  parameters: { audit: { answers: 'loading' } },
  play: async ({ canvasElement }) => {
    await expect(
      group(canvasElement, 'Severities').getByRole('checkbox', { name: 'Error' }),
    ).toBeEnabled();
  },
};

export const ConnectedHostile: Story = {
  render: () => <ConnectedAuditLogFilters defaultValue={{ correlation_ids: ['hostile-chain'] }} />,
  parameters: { audit: { hostile: true, events: 0 } },
  play: async ({ canvasElement }) => {
    await group(canvasElement, 'Severities').findByRole('checkbox', { name: 'Critical 1' });
    await expectWithinCanvas(partOf(canvasElement, 'filters'), canvasElement);
    await expectHostileInert(canvasElement);
  },
};
