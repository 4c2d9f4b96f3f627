import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AuditEventDetail,
  AuditLogFilters,
  AuditLogTable,
  AuditUiProvider,
  Button,
  IconButton,
  Menu,
  Popover,
  Select,
  TextInput,
  Toggle,
} from 'audit-log-sdk/components';
import { useState } from 'react';
import { AUDIT_LABELS_DE } from 'audit-log-sdk/locales/de';
import { expect, fn, userEvent, within } from 'storybook/test';
import { STORY_SUMMARY, makeStoryEvent, makeStoryEvents } from '../test/fixtures/events.js';

/** Every control of the kit in each of its states, as a host's toolbar would hold them. */
function Controls({ onPick }: { onPick: (format: string) => void }) {
  const [live, setLive] = useState(true);
  const [compact, setCompact] = useState(false);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Button variant="primary">Export</Button>
        <Button>Columns</Button>
        <Button variant="ghost">Clear all</Button>
        <Button variant="primary" disabled>
          Exporting…
        </Button>
        <Button disabled>Disabled</Button>
        <IconButton label="Close" icon="×" />
        <IconButton label="Move Time up" icon="↑" variant="secondary" />
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Button size="sm">Small</Button>
        <Button size="sm" variant="primary">
          Small primary
        </Button>
        <IconButton size="sm" label="Remove" icon="×" />
        <Toggle pressed={live} onPressedChange={setLive}>
          Live
        </Toggle>
        <Toggle pressed={compact} onPressedChange={setCompact} size="sm">
          Compact rows
        </Toggle>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <TextInput aria-label="Search" type="search" placeholder="Search events" />
        <TextInput aria-label="User" defaultValue="judy@acme.example" />
        <TextInput aria-label="Disabled field" disabled defaultValue="read only" />
        <Select aria-label="Format" defaultValue="csv">
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </Select>
        <Menu
          trigger="Export as"
          items={[
            { id: 'csv', label: 'CSV', onSelect: () => onPick('csv') },
            { id: 'json', label: 'JSON', onSelect: () => onPick('json') },
            { id: 'pdf', label: 'PDF', onSelect: () => onPick('pdf'), disabled: true },
          ]}
        />
        <Popover trigger="Time range" label="Time range">
          <div style={{ display: 'grid', gap: 8 }}>
            <TextInput aria-label="From" type="datetime-local" />
            <TextInput aria-label="To" type="datetime-local" />
            <Button variant="primary" size="sm">
              Apply
            </Button>
          </div>
        </Popover>
      </div>
    </div>
  );
}

const meta = {
  title: 'Components/Controls',
  component: Controls,
  args: { onPick: fn() },
} satisfies Meta<typeof Controls>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Primary, secondary and ghost buttons, icon buttons, toggles, inputs, a select, a menu, a popover. */
export const Gallery: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Live' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Every control has the kit's look: none is left with the browser's default face.
    for (const control of canvasElement.querySelectorAll('button, input, select')) {
      await expect(control.closest('[data-ui]')).not.toBeNull();
    }
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const primary = within(canvasElement).getByRole('button', { name: 'Export' });
    // The accent fill with near-black text in the dark theme, not white on light blue.
    await expect(getComputedStyle(primary).color).toBe('rgb(13, 17, 23)');
  },
};

/** Enter on the menu button opens it on its first item; arrows move, Enter chooses. */
export const MenuFromTheKeyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'Export as' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('menuitem', { name: 'CSV' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('menuitem', { name: 'JSON' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onPick).toHaveBeenCalledWith('json');
    await expect(trigger).toHaveFocus();
  },
};

/** The popover opens on its first field, stays inside the page, and Escape hands focus back. */
export const PopoverOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'Time range' });
    await userEvent.click(trigger);
    const panel = canvas.getByRole('dialog', { name: 'Time range' });
    await expect(canvas.getByLabelText('From')).toHaveFocus();
    const box = panel.getBoundingClientRect();
    await expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    await userEvent.keyboard('{Escape}');
    await expect(panel).not.toBeVisible();
    await expect(trigger).toHaveFocus();
  },
};

/** The parts a host composes, in German, laid out right to left. */
function RightToLeftPage() {
  const events = makeStoryEvents(8);
  return (
    <AuditUiProvider labels={AUDIT_LABELS_DE} locale="de" timeZone="UTC">
      <div dir="rtl" data-testid="rtl-page" style={{ display: 'grid', gap: 16 }}>
        <Controls onPick={() => undefined} />
        <AuditLogFilters summary={STORY_SUMMARY} onChange={() => undefined} />
        <AuditLogTable events={events} showSettings />
        <AuditEventDetail event={makeStoryEvent(0)} />
      </div>
    </AuditUiProvider>
  );
}

/**
 * Right to left, the page mirrors and nothing pokes out of it: the only horizontal scroll is
 * the table's own, inside its box.
 */
export const RightToLeft: Story = {
  render: () => <RightToLeftPage />,
  parameters: { width: 390 },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement).getByTestId('rtl-page');
    await expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    );
    // Mirrored: the filters' first field starts at the right edge.
    const filters = page.querySelector<HTMLElement>('[data-part="filters"]')!;
    const first = filters.querySelector<HTMLElement>('fieldset')!;
    await expect(
      Math.abs(first.getBoundingClientRect().right - filters.getBoundingClientRect().right),
    ).toBeLessThan(2);
    await expect(within(page).getByRole('group', { name: 'Zeitraum' })).toBeVisible();
    await userEvent.click(await within(page).findByRole('button', { name: 'Spalten' }));
    const panel = await within(page).findByRole('dialog', { name: 'Spalten' });
    const box = panel.getBoundingClientRect();
    await expect(box.left).toBeGreaterThanOrEqual(0);
    await expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
  },
};
