// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  ConnectedEventTypeChart,
  ConnectedSeverityBreakdownChart,
  EventTypeChart,
  SeverityBreakdownChart,
} from '../../../src/components/charts/index.js';
import { AuditUiProvider } from '../../../src/components/ui/audit-ui-context.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';
import { STORY_SUMMARY } from '../../fixtures/events.js';
import type { AuditLogSummary } from '../../../src/client/index.js';

// The counts the stories show: every event type and severity, one of them zero.
const summary = STORY_SUMMARY;

const empty: AuditLogSummary = {
  ...summary,
  total_count: 0,
  event_types: {},
  severities: { critical: 0, error: 0, warning: 0, info: 0, debug: 0 },
};

/** Rows of the hidden data table as [category, count]. */
function tableRows(name: string) {
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [
      within(row).getByRole('rowheader').textContent,
      within(row).getByRole('cell').textContent,
    ]);
}

const bars = (container: HTMLElement) =>
  Array.from(container.querySelectorAll<SVGPathElement>('[data-part="chart-bar"]'));

describe('SeverityBreakdownChart', () => {
  it('lists every severity with its count in a table for screen readers', async () => {
    const { container } = render(
      <AuditUiProvider locale="de-DE">
        <SeverityBreakdownChart summary={summary} width={400} height={200} className="mine" />
      </AuditUiProvider>,
    );
    const figure = screen.getByRole('figure', { name: 'Events by severity' });
    expect(figure).toHaveProperty('className', 'mine');
    expect(figure.getAttribute('data-scope')).toBe('audit-log');
    expect(tableRows('Events by severity')).toEqual([
      ['Critical', '3'],
      ['Error', '40'],
      ['Warning', '120'],
      ['Info', '1.045'],
      ['Debug', '182'],
    ]);
    expect(container.querySelector('[data-part="chart-plot"]')!.getAttribute('aria-hidden')).toBe(
      'true',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('paints each bar from its severity variable and filters by the bar clicked', async () => {
    const onSelect = vi.fn();
    const { container } = render(
      <SeverityBreakdownChart summary={summary} onSelect={onSelect} width={400} height={200} />,
    );
    const rendered = bars(container);
    expect(rendered.map((bar) => bar.getAttribute('data-value'))).toEqual([
      'critical',
      'error',
      'warning',
      'info',
      'debug',
    ]);
    expect(rendered[1]!.getAttribute('fill')).toBe('var(--audit-chart-error)');
    const root = screen.getByRole('figure');
    expect(root.style.getPropertyValue('--audit-chart-error')).toBe('var(--audit-severity-error)');
    await userEvent.click(rendered[1]!);
    expect(onSelect).toHaveBeenCalledWith('error');
  });

  it('filters from the data table by keyboard', async () => {
    const onSelect = vi.fn();
    render(<SeverityBreakdownChart summary={summary} onSelect={onSelect} width={400} />);
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Filter by Critical' }));
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('error');
  });

  it('says so when there is nothing to chart, and while loading', () => {
    const { rerender } = render(<SeverityBreakdownChart summary={undefined} width={400} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    rerender(<SeverityBreakdownChart summary={empty} width={400} />);
    expect(screen.getByRole('status').textContent).toBe('No events to chart.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the tenant's totals when connected", async () => {
    const server = await testServer({ seed: { eventsPerTenant: 150 } });
    const client = await signedInClient(server, 'viewer', 'acme');
    const expected = await client.getSummary();
    render(<ConnectedSeverityBreakdownChart width={400} />, { wrapper: wrapperFor(client) });
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy());
    expect(tableRows('Events by severity')).toEqual(
      (['critical', 'error', 'warning', 'info', 'debug'] as const).map((severity) => [
        expect.any(String),
        String(expected.severities[severity] ?? 0),
      ]),
    );
  });
});

describe('EventTypeChart', () => {
  it('lists every event type with its count, most frequent first', async () => {
    const { container } = render(<EventTypeChart summary={summary} width={400} height={260} />);
    expect(screen.getByRole('figure', { name: 'Events by type' })).toBeTruthy();
    expect(tableRows('Events by type')).toEqual([
      ['Authentication', '1,200'],
      ['Data access', '90'],
      ['Authorization', '40'],
      ['Data modification', '30'],
      ['User action', '15'],
      ['System event', '10'],
      ['API call', '5'],
      ['Error', '0'],
    ]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('filters by the type whose bar is clicked', async () => {
    const onSelect = vi.fn();
    const { container } = render(
      <EventTypeChart summary={summary} onSelect={onSelect} width={400} height={260} />,
    );
    const dataAccess = bars(container).find(
      (bar) => bar.getAttribute('data-value') === 'data_access',
    );
    await userEvent.click(dataAccess!);
    expect(onSelect).toHaveBeenCalledWith('data_access');
  });

  it('takes chart labels from the labels prop', () => {
    render(
      <EventTypeChart
        summary={summary}
        width={400}
        labels={{ eventTypeBreakdown: 'Ereignisse nach Typ', eventTypes: { api_call: 'API' } }}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Ereignisse nach Typ' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'API' })).toBeTruthy();
  });

  it('says so when there is nothing to chart', () => {
    render(<EventTypeChart summary={empty} width={400} />);
    expect(screen.getByRole('status').textContent).toBe('No events to chart.');
  });

  it("shows the tenant's totals when connected", async () => {
    const server = await testServer({ seed: { eventsPerTenant: 150 } });
    const client = await signedInClient(server, 'viewer', 'acme');
    const expected = await client.getSummary();
    render(<ConnectedEventTypeChart width={400} />, { wrapper: wrapperFor(client) });
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy());
    const total = tableRows('Events by type').reduce(
      (sum, [, count]) => sum + Number(count!.replace(/\D/g, '')),
      0,
    );
    expect(total).toBe(expected.total_count);
  });
});
