import type { Meta, StoryObj } from '@storybook/react-vite';
import type { AuditLogQueryInput } from 'audit-log-sdk';
import {
  ConnectedFacetSidebar,
  FacetSidebar,
  type FacetSidebarProps,
} from 'audit-log-sdk/components';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { expectHostileInert, expectWithinCanvas, partOf } from './support/hostile-checks.js';

/** The sidebar controlled by a parent that keeps the query, as a page does. */
function Controlled(props: FacetSidebarProps) {
  const [query, setQuery] = useState<AuditLogQueryInput>(props.value);
  return (
    <FacetSidebar
      {...props}
      value={query}
      onChange={(next) => {
        setQuery(next);
        props.onChange(next);
      }}
    />
  );
}

function ConnectedControlled({ onChange }: { onChange: (query: AuditLogQueryInput) => void }) {
  const [query, setQuery] = useState<AuditLogQueryInput>({});
  return (
    <ConnectedFacetSidebar
      value={query}
      onChange={(next) => {
        setQuery(next);
        onChange(next);
      }}
    />
  );
}

const meta = {
  title: 'Components/FacetSidebar',
  component: FacetSidebar,
  args: {
    value: {},
    onChange: fn(),
    fields: ['severity', 'action', 'user_id'],
    facets: {
      severity: [
        { value: 'info', count: 1480 },
        { value: 'warning', count: 312 },
        { value: 'error', count: 41 },
        { value: 'critical', count: 3 },
      ],
      action: [
        { value: 'document.read', count: 905 },
        { value: 'project.delete', count: 12 },
      ],
      user_id: [
        { value: 'alice', count: 640 },
        { value: 'bob', count: 221 },
      ],
    },
  },
  parameters: { width: 280 },
  render: (args) => <Controlled {...args} />,
} satisfies Meta<typeof FacetSidebar>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Click a value to show only its events; its "−" button hides them instead. */
export const IncludeAndExclude: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'project.delete 12' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ actions: ['project.delete'] });
    await userEvent.click(canvas.getByRole('button', { name: 'Exclude User: bob' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({
      actions: ['project.delete'],
      exclude_user_ids: ['bob'],
    });
    await expect(canvas.getByRole('button', { name: 'Exclude User: bob' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  },
};

/** A section folds away under its heading. */
export const Collapsed: Story = {
  args: { defaultCollapsed: ['severity'] },
  play: async ({ canvasElement }) => {
    const title = within(canvasElement).getByRole('button', { name: 'Severity' });
    await expect(title).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(title);
    await expect(title).toHaveAttribute('aria-expanded', 'true');
  },
};

export const Loading: Story = {
  args: { facets: {}, loading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByText('Counting…')).toHaveLength(3);
  },
};

/** A server without facets: the sidebar says why there are no counts. */
export const Unavailable: Story = {
  args: { facets: {}, problem: 'unavailable' },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText(
        'This server does not count values by field, so no counts are shown.',
      ),
    ).toBeVisible();
  },
};

/** Counts from the reference server, every field. */
export const Connected: Story = {
  parameters: { audit: {} },
  render: (args) => <ConnectedControlled onChange={args.onChange} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const severity = within(canvas.getByRole('button', { name: 'Severity' }).closest('section')!);
    const [first] = await severity.findAllByRole('button', { pressed: false });
    await userEvent.click(first!);
    await waitFor(() => expect(args.onChange).toHaveBeenCalled());
    // The other fields count again for the new query, then the sidebar settles.
    await waitFor(() =>
      expect(partOf(canvasElement, 'facets')).toHaveAttribute('data-state', 'ready'),
    );
  },
};

/** Hostile values (markup, bidi overrides, huge strings) stay inert text inside the sidebar. */
export const ConnectedHostile: Story = {
  parameters: { audit: { hostile: true } },
  render: (args) => <ConnectedControlled onChange={args.onChange} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByRole('button', { name: /^Exclude Action: / });
    await expectHostileInert(canvasElement);
    await expectWithinCanvas(partOf(canvasElement, 'facets'), canvasElement);
  },
};
