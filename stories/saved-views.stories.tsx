import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  memorySavedViewStorage,
  SavedViews,
  type SavedView,
  type SavedViewStorage,
  type SavedViewsProps,
} from 'audit-log-sdk/components';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { expectHostileInert, expectWithinCanvas, partOf } from './support/hostile-checks.js';

const SAVED: SavedView[] = [
  {
    id: 'view-errors',
    name: 'Errors this week',
    query: { severities: ['error', 'critical'] },
    columns: ['time', 'severity', 'description'],
    savedAt: '2026-01-15T12:00:00.000Z',
  },
];

/** Each story keeps its views in its own memory store, seeded with `initial`. */
function WithStore({ initial = [], ...props }: SavedViewsProps & { initial?: SavedView[] }) {
  const [storage] = useState(() => memorySavedViewStorage(initial));
  return <SavedViews {...props} storage={storage} />;
}

const meta = {
  title: 'Components/SavedViews',
  component: SavedViews,
  args: {
    query: { severities: ['warning'], user_ids: ['user-3'] },
    columns: ['time', 'user', 'action'],
    onRecall: fn(),
  },
  render: (args) => <WithStore {...args} />,
} satisfies Meta<typeof SavedViews>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Saved views' })).toBeVisible();
    await expect(await canvas.findByText('No saved views yet.')).toBeVisible();
  },
};

/** Name the current filters, then bring them back with one button. */
export const SaveAndRecall: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'View name' }),
      '  Warnings of user 3 ',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Save view' }));
    await expect(canvas.getByRole('textbox', { name: 'View name' })).toHaveValue('');
    await userEvent.click(await canvas.findByRole('button', { name: 'Warnings of user 3' }));
    await expect(args.onRecall).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'Warnings of user 3',
        query: { severities: ['warning'], user_ids: ['user-3'] },
        columns: ['time', 'user', 'action'],
      }),
    );
  },
};

/** A blank name saves nothing. */
export const BlankName: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'View name' }), '   ');
    await userEvent.click(canvas.getByRole('button', { name: 'Save view' }));
    await expect(await canvas.findByText('No saved views yet.')).toBeVisible();
  },
};

export const RecallAndDelete: Story = {
  render: (args) => <WithStore {...args} initial={SAVED} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Errors this week' }));
    await expect(args.onRecall).toHaveBeenCalledWith(SAVED[0]);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete view: Errors this week' }));
    await expect(await canvas.findByText('No saved views yet.')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Errors this week' })).toBeNull();
  },
};

/** A view renamed in place; Escape or Cancel leaves the name as it was. */
export const Rename: Story = {
  render: (args) => <WithStore {...args} initial={SAVED} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Rename view: Errors this week' }),
    );
    const field = canvas.getByRole('textbox', { name: 'View name: Errors this week' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Errors, last 7 days{Enter}');
    await expect(await canvas.findByRole('button', { name: 'Errors, last 7 days' })).toBeVisible();
  },
};

/** A storage that refuses to save (a host's server that is down): said, and the name kept. */
export const SaveRefused: Story = {
  render: (args) => {
    const refusing: SavedViewStorage = {
      list: () => Promise.resolve(SAVED),
      save: () => Promise.reject(new Error('503')),
      remove: () => Promise.reject(new Error('503')),
    };
    return <SavedViews {...args} storage={refusing} />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'View name' }), 'Mine{Enter}');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Could not save the view; its name is kept to try again',
    );
    await expect(canvas.getByRole('textbox', { name: 'View name' })).toHaveValue('Mine');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  render: (args) => <WithStore {...args} initial={SAVED} />,
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Errors this week' }),
    ).toBeVisible();
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  render: (args) => <WithStore {...args} initial={SAVED} />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', { name: 'Errors this week' });
    await expectWithinCanvas(partOf(canvasElement, 'saved-views'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: { savedViews: 'Gespeicherte Ansichten', viewName: 'Name', saveView: 'Speichern' },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Gespeicherte Ansichten' })).toBeVisible();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Name' }), 'Meine Ansicht');
    await userEvent.click(canvas.getByRole('button', { name: 'Speichern' }));
    await expect(await canvas.findByRole('button', { name: 'Meine Ansicht' })).toBeVisible();
  },
};

/** A view named with markup is saved and listed as that text. */
export const Hostile: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const name = '<img src=x onerror="window.__auditHostileRan=1">\u202Eexe.txt';
    await userEvent.type(canvas.getByRole('textbox', { name: 'View name' }), name);
    await userEvent.click(canvas.getByRole('button', { name: 'Save view' }));
    const recall = await canvas.findByRole('button', { name });
    await userEvent.click(recall);
    await expect(args.onRecall).toHaveBeenCalledWith(expect.objectContaining({ name }));
    await expectWithinCanvas(partOf(canvasElement, 'saved-views'), canvasElement);
    await expectHostileInert(canvasElement);
  },
};
