import { expect, waitFor, within } from 'storybook/test';

/** The numbers a screen reader gets: the chart's data table as [row header, ...cells]. */
export function chartTableRows(canvasElement: HTMLElement, name: string): string[][] {
  const table = within(canvasElement).getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [
      within(row).getByRole('rowheader').textContent ?? '',
      ...within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    ]);
}

/** The chart's own status line (loading, error or nothing to chart) and no plot. */
export async function expectChartStatus(
  canvasElement: HTMLElement,
  role: 'status' | 'alert',
  text: string,
): Promise<void> {
  const figure = within(canvasElement).getByRole('figure');
  await waitFor(() => expect(within(figure).getByRole(role)).toHaveTextContent(text));
  await expect(within(figure).queryByRole('table')).toBeNull();
}
