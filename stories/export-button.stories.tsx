import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ExportResult } from 'audit-log-sdk/react';
import { ExportButton } from 'audit-log-sdk/components';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { expectHostileInert, expectWithinCanvas, partOf } from './support/hostile-checks.js';

const meta = {
  title: 'Components/ExportButton',
  component: ExportButton,
  args: { query: {}, onExported: fn() },
  parameters: { audit: {} },
} satisfies Meta<typeof ExportButton>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The file the last export handed over. */
async function exported(onExported: unknown): Promise<ExportResult & { blob: Blob }> {
  const { mock } = onExported as ReturnType<typeof fn>;
  await waitFor(() => expect(mock.calls.length).toBeGreaterThan(0));
  return mock.calls.at(-1)![0] as ExportResult & { blob: Blob };
}

/** The button once the session's rights have arrived and it offers itself. */
async function readyButton(canvasElement: HTMLElement, name = 'Export'): Promise<HTMLElement> {
  const button = await within(canvasElement).findByRole('button', { name });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
}

/** An audit manager exports the list as CSV and is told the file's name. */
export const ExportCsv: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await readyButton(canvasElement));
    const done = await canvas.findByRole('status');
    await expect(done).toHaveTextContent(/Export saved: .+\.csv/);
    const file = await exported(args.onExported);
    const csv = await file.blob.text();
    await expect(csv.split('\r\n')[0]).toContain('timestamp');
  },
};

export const ExportJson: Story = {
  args: { defaultFormat: 'json' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Format' })).toHaveValue('json');
    await userEvent.click(await readyButton(canvasElement));
    await expect(await canvas.findByRole('status')).toHaveTextContent(/\.json/);
    await expect((await exported(args.onExported)).fileName).toMatch(/\.json$/);
  },
};

/** The chosen table columns narrow the CSV to those columns, in that order. */
export const VisibleColumnsOnly: Story = {
  args: { columns: ['severity', 'time', 'description'] },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await readyButton(canvasElement));
    await within(canvasElement).findByRole('status');
    const csv = await (await exported(args.onExported)).blob.text();
    await expect(csv.split('\r\n')[0]).toBe('severity,timestamp,description');
  },
};

/**
 * Where the browser can save straight to a file (File System Access API), the export streams
 * into the file chosen, here one in the origin's private file system for the story.
 */
export const SavesStraightToAFile: Story = {
  args: { columns: ['time', 'severity', 'action'] },
  render: (args) => (
    <ExportButton
      {...args}
      onExported={undefined}
      chooseFile={async (suggestedName) =>
        (await navigator.storage.getDirectory()).getFileHandle(suggestedName, { create: true })
      }
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await readyButton(canvasElement));
    const done = await canvas.findByRole('status');
    const name = done.querySelector('[data-part="file-name"]')!.textContent!;
    await expect(name).toMatch(/^audit-logs-.+\.csv$/);
    const directory = await navigator.storage.getDirectory();
    const text = await (await (await directory.getFileHandle(name)).getFile()).text();
    await expect(text.split('\r\n')[0]).toBe('timestamp,severity,action');
  },
};

/** A slow export shows its progress and can be cancelled; nothing is saved then. */
export const ProgressAndCancel: Story = {
  parameters: { audit: { answers: 'loading' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await readyButton(canvasElement));
    await expect(canvas.getByRole('button', { name: 'Exporting…' })).toBeDisabled();
    await expect(canvas.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Format' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Export' })).toBeEnabled());
    await expect(canvas.queryByRole('progressbar')).toBeNull();
    // A cancel is the reader's own choice, not an error to report.
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onExported).not.toHaveBeenCalled();
  },
};

export const ExportFails: Story = {
  parameters: { audit: { answers: 'error' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await readyButton(canvasElement));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/\S/);
    await expect(canvas.getByRole('button', { name: 'Export' })).toBeEnabled();
    await expect(args.onExported).not.toHaveBeenCalled();
  },
};

/** An audit viewer may read but not export: the button stays, disabled, and says why. */
export const ViewerMayNotExport: Story = {
  parameters: { audit: { user: 'viewer' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Export' });
    await expect(button).toBeDisabled();
    // Disabled while the rights load too; the reason comes with the answer.
    await waitFor(() =>
      expect(button).toHaveAccessibleDescription(
        'Exporting needs the audit manager or an admin role.',
      ),
    );
    await expect(canvas.getByRole('combobox', { name: 'Format' })).toBeDisabled();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: { audit: { user: 'viewer' } },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(within(canvasElement).getByRole('button', { name: 'Export' })).toBeDisabled(),
    );
  },
};

export const Narrow: Story = {
  parameters: { width: 360, audit: { user: 'viewer' } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Exporting needs the audit manager or an admin role.');
    await expectWithinCanvas(partOf(canvasElement, 'export-button'), canvasElement);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: { exportEvents: 'Exportieren', exportFormat: 'Dateiformat', exportDone: 'Gespeichert' },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Dateiformat' })).toBeVisible();
    await userEvent.click(await readyButton(canvasElement, 'Exportieren'));
    await expect(await canvas.findByRole('status')).toHaveTextContent(/^Gespeichert: /);
  },
};

/** Hostile events leave the CSV with their formulas neutralised, and nothing runs on the page. */
export const Hostile: Story = {
  parameters: { audit: { hostile: true, events: 0 } },
  args: { columns: ['action', 'resource', 'user', 'description'] },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(await readyButton(canvasElement));
    await within(canvasElement).findByRole('status');
    const csv = await (await exported(args.onExported)).blob.text();
    await expect(csv).toContain("'=HYPERLINK(");
    await expect(csv).not.toMatch(/(^|,)"?=HYPERLINK\(/m);
    await expect(csv).not.toMatch(/(^|,)"?\+cmd\|/m);
    await expect(csv).not.toMatch(/(^|,)"?@mallory/m);
    await expectHostileInert(canvasElement);
  },
};
