import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { EventTypeChart, EventVolumeChart, SeverityBreakdownChart } from 'audit-log-sdk/charts';
import {
  AuditLogFilters,
  AuditLogPager,
  AuditLogTable,
  AuditLogView,
  ExportButton,
  SummaryCards,
} from 'audit-log-sdk/components';
import { expect, userEvent, waitFor, within } from 'storybook/test';

/**
 * A host's own page from the viewer's parts: charts on the left, filters, export and the
 * table on the right. `<AuditLogView>` runs the one events and one summary request they
 * all show; no part is given data or callbacks.
 */
function IncidentReview() {
  return (
    <AuditLogView pageSize={25} defaultDensity="compact">
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(16rem, 22rem) minmax(0, 1fr)',
          gap: '1rem',
          alignItems: 'start',
        }}
      >
        <aside style={{ display: 'grid', gap: '1rem' }}>
          <SummaryCards />
          <SeverityBreakdownChart height={180} />
          <EventTypeChart height={220} />
        </aside>
        <main style={{ display: 'grid', gap: '0.5rem', minWidth: 0 }}>
          <AuditLogFilters />
          <EventVolumeChart height={96} />
          <div style={{ display: 'flex', justifyContent: 'space-between' }}>
            <ExportButton />
            <AuditLogPager />
          </div>
          <AuditLogTable style={{ '--audit-table-height': '420px' } as CSSProperties} />
        </main>
      </div>
    </AuditLogView>
  );
}

const meta = {
  title: 'Components/AuditLogView',
  component: IncidentReview,
  parameters: { audit: {} },
} satisfies Meta<typeof IncidentReview>;
export default meta;
type Story = StoryObj<typeof meta>;

const severitiesShown = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll<HTMLElement>('[data-part="body"] [role="row"]')].map(
    (row) => row.dataset['severity'],
  );

/** A click on a bar filters the whole arrangement: table, figures, filters and pager agree. */
export const CustomArrangement: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    await userEvent.click(await canvas.findByRole('button', { name: 'Filter by Warning' }));
    await waitFor(() =>
      expect(severitiesShown(canvasElement).every((severity) => severity === 'warning')).toBe(true),
    );
    await expect(
      within(canvas.getByRole('group', { name: 'Severities' })).getByRole('checkbox', {
        name: /^Warning/,
      }),
    ).toBeChecked();
    const total = canvasElement.querySelector('[data-card="total"] dd')!;
    const warnings = canvasElement.querySelector('[data-card="warning"] dd')!;
    await waitFor(() => expect(total.textContent).toBe(warnings.textContent));
    const pages = Math.ceil(Number(warnings.textContent) / 25);
    await expect(canvas.getByRole('navigation', { name: 'Pages' })).toHaveTextContent(
      `Page 1 of ${pages}`,
    );
  },
};
