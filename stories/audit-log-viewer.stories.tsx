import type { Meta, StoryObj } from '@storybook/react-vite';
import { AuditLogViewer } from 'audit-log-sdk/components';
import { ROW_HEIGHT } from '../src/components/table/audit-log-table.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  expectHeightAtMost,
  expectHostileInert,
  expectWithinCanvas,
  partOf,
} from './support/hostile-checks.js';

const meta = {
  title: 'Components/AuditLogViewer',
  component: AuditLogViewer,
  args: { locale: 'en-US' },
  parameters: { audit: {} },
  // The viewer fills its container, as in an app screen.
  decorators: [
    (Story) => (
      <div style={{ height: 720 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof AuditLogViewer>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getAllByRole('row')
    .filter((row) => row.dataset['part'] === 'row');
const pageStatus = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole('navigation', { name: 'Pages' })).getByText(/^Page /);
const chipsText = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getAllByRole('button', { name: /^Remove filter: / })
    .map((chip) => chip.getAttribute('aria-label'));

/** 200 events at 50 a page: four pages, walked forwards and back. */
export const Paging: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    await waitFor(() => expect(pageStatus(canvasElement)).toHaveTextContent('Page 1 of 4'));
    const previous = canvas.getByRole('button', { name: 'Previous page' });
    const next = canvas.getByRole('button', { name: 'Next page' });
    await expect(previous).toBeDisabled();
    const firstOnPage1 = rowsOf(canvasElement)[0]!.textContent;

    await userEvent.click(next);
    await expect(pageStatus(canvasElement)).toHaveTextContent('Page 2 of 4');
    await waitFor(() => expect(rowsOf(canvasElement)[0]!.textContent).not.toBe(firstOnPage1));
    await userEvent.click(next);
    await userEvent.click(next);
    await expect(pageStatus(canvasElement)).toHaveTextContent('Page 4 of 4');
    await expect(next).toBeDisabled();
    await userEvent.click(previous);
    await expect(pageStatus(canvasElement)).toHaveTextContent('Page 3 of 4');
  },
};

/** Arrow keys and Enter open an event's detail beside the list; Close puts it away. */
export const OpenDetailByKeyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    rowsOf(canvasElement)[0]!.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    const detail = await canvas.findByRole('complementary', { name: 'Event detail' });
    const third = rowsOf(canvasElement)[2]!;
    const description = third.querySelector('[data-column="description"]')!.textContent!;
    await expect(await within(detail).findByRole('article')).toHaveAccessibleName(
      `Description: ${description.slice(0, 120)}`,
    );
    await userEvent.click(await within(detail).findByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(canvas.queryByRole('complementary', { name: 'Event detail' })).toBeNull(),
    );
  },
};

/** A severity ticked in the filters narrows the list, the counts and the page count. */
export const FilterBySeverity: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    const severities = within(canvas.getByRole('group', { name: 'Severities' }));
    await userEvent.click(await severities.findByRole('checkbox', { name: /^Critical \d/ }));
    await expect(chipsText(canvasElement)).toEqual(['Remove filter: Severity: Critical']);
    await waitFor(() =>
      expect(
        rowsOf(canvasElement).every((row) => row.getAttribute('data-severity') === 'critical'),
      ).toBe(true),
    );
    await expect(pageStatus(canvasElement)).toHaveTextContent('Page 1 of 1');
  },
};

/**
 * The filters sidebar and the volume strip fold behind their buttons and come back; which
 * start open depends on the room the viewer has.
 */
export const FoldSidebarAndVolume: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    const toggles = [
      ['Filters', () => canvas.queryByRole('search', { name: 'Filters' })],
      ['Volume', () => canvas.queryByRole('figure', { name: 'Event volume' })],
    ] as const;
    for (const [name, part] of toggles) {
      const button = canvas.getByRole('button', { name });
      const open = button.getAttribute('aria-expanded') === 'true';
      await waitFor(() => expect(part() !== null).toBe(open), { timeout: 5000 });
      await userEvent.click(button);
      await expect(button).toHaveAttribute('aria-expanded', String(!open));
      await waitFor(() => expect(part() !== null).toBe(!open), { timeout: 5000 });
    }
  },
};

/** A header click sorts the list on the server; the page goes back to the first. */
export const Sort: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Severity' }));
    const grid = within(canvas.getByRole('grid'));
    await expect(grid.getByRole('columnheader', { name: 'Severity' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(pageStatus(canvasElement)).toHaveTextContent(/^Page 1 of/);
  },
};

export const Loading: Story = {
  parameters: { audit: { answers: 'loading' } },
  play: async ({ canvasElement }) => {
    const table = partOf(canvasElement, 'table');
    await expect(within(table).getByRole('status')).toHaveTextContent('Loading…');
    await expect(partOf(canvasElement, 'summary-cards')).toHaveAttribute('aria-busy', 'true');
  },
};

export const Empty: Story = {
  parameters: { audit: { events: 0 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No events match these filters.')).toBeVisible();
    await expect(pageStatus(canvasElement)).toHaveTextContent('Page 1 of 1');
    await expect(canvas.getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

export const Error: Story = {
  parameters: { audit: { answers: 'error' } },
  play: async ({ canvasElement }) => {
    const table = within(partOf(canvasElement, 'table'));
    const alert = await table.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load events');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await table.findByRole('alert')).toBeVisible();
  },
};

/** An audit viewer reads everything but may not export. */
export const ViewerMayNotExport: Story = {
  parameters: { audit: { user: 'viewer' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    const exportButton = canvas.getByRole('button', { name: 'Export' });
    await expect(exportButton).toBeDisabled();
    // Disabled while the rights load too; the reason comes with the answer.
    await waitFor(() =>
      expect(exportButton).toHaveAccessibleDescription(
        'Exporting needs the audit manager or an admin role.',
      ),
    );
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('grid');
    await within(canvasElement).findByRole('figure', { name: 'Event volume' });
  },
};

/** On a phone the filters wait behind their button, so the rows come first. */
export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    await expect(canvas.getByRole('button', { name: 'Filters' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expectWithinCanvas(partOf(canvasElement, 'viewer'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    labels: {
      previousPage: 'Vorherige Seite',
      nextPage: 'Nächste Seite',
      pagination: 'Seiten',
      pageOf: (page, pages) => `Seite ${page} von ${pages}`,
      exportEvents: 'Exportieren',
      totalEvents: 'Ereignisse',
      severities: { critical: 'Kritisch' },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid', { name: 'Ereignisse' });
    const pages = within(canvas.getByRole('navigation', { name: 'Seiten' }));
    await waitFor(() => expect(pages.getByText(/^Seite /)).toHaveTextContent('Seite 1 von 4'));
    await userEvent.click(pages.getByRole('button', { name: 'Nächste Seite' }));
    await expect(pages.getByText(/^Seite /)).toHaveTextContent('Seite 2 von 4');
    await expect(canvas.getByRole('button', { name: 'Exportieren' })).toBeVisible();
    await expect(
      within(canvas.getByRole('group', { name: 'Severities' })).getByRole('checkbox', {
        name: /^Kritisch/,
      }),
    ).toBeVisible();
  },
};

/**
 * The hostile corpus on top of the seed: rows keep their height, the hostile chain opens and
 * follows like any other, the 1 MiB event's detail stays bounded, and nothing runs.
 */
export const Hostile: Story = {
  parameters: { audit: { hostile: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    for (const row of rowsOf(canvasElement))
      await expectHeightAtMost(row, ROW_HEIGHT.comfortable + 1);

    const markupRow = canvas.getAllByText(/^<img src=x onerror=/)[0]!.closest('[role="row"]')!;
    await userEvent.click(markupRow as HTMLElement);
    const detail = await canvas.findByRole('complementary', { name: 'Event detail' });
    await userEvent.click(within(detail).getByRole('button', { name: 'Show correlated events' }));
    await expect(chipsText(canvasElement)).toEqual([
      'Remove filter: Correlation id: hostile-chain',
    ]);
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(3));

    await userEvent.click(canvas.getByRole('button', { name: 'Clear all' }));
    const hugeRow = await waitFor(() => {
      const cell = [...canvasElement.querySelectorAll('[data-column="action"]')].find(
        (candidate) => candidate.textContent === 'huge.description',
      );
      if (!cell) throw new globalThis.Error('The 1 MiB event is not listed yet');
      return cell.closest<HTMLElement>('[role="row"]')!;
    });
    await userEvent.click(hugeRow);
    await waitFor(() =>
      expect(
        within(canvas.getByRole('complementary', { name: 'Event detail' })).getByText(
          'huge.description',
        ),
      ).toBeVisible(),
    );
    await expectHeightAtMost(canvas.getByRole('complementary', { name: 'Event detail' }), 2000);
    await expectWithinCanvas(partOf(canvasElement, 'viewer'), canvasElement);
    await expectHostileInert(canvasElement);
  },
};
