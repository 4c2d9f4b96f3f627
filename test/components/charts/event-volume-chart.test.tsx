// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  SEVERITIES,
  type AuditLogSummary,
  type TimelineBucket,
} from '../../../src/client/index.js';
import {
  ConnectedEventVolumeChart,
  EventVolumeChart,
} from '../../../src/components/charts/index.js';
import { intervalForQuery, rangeFromDrag } from '../../../src/components/charts/chart-range.js';
import { AuditUiProvider } from '../../../src/components/ui/audit-ui-context.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';

const bucket = (hour: number, counts: Partial<TimelineBucket['severities']>): TimelineBucket => {
  const severities = Object.fromEntries(SEVERITIES.map((s) => [s, counts[s] ?? 0]));
  return {
    bucket: `2026-03-01T${String(hour).padStart(2, '0')}:00:00.000Z`,
    count: Object.values(severities).reduce((a, b) => a + b, 0),
    severities,
  };
};

const timeline = [
  bucket(10, { info: 5, error: 1 }),
  bucket(11, { critical: 2, warning: 3, debug: 1200 }),
  bucket(12, {}),
];

const summary: AuditLogSummary = {
  total_count: 1211,
  event_types: {},
  severities: {},
  resource_types: {},
  date_range: { start: null, end: null },
  timeline,
};

function tableRows() {
  const table = screen.getByRole('table', { name: 'Event volume' });
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent));
}

describe('rangeFromDrag', () => {
  it('orders the ends and covers both end buckets whole', () => {
    const later = '2026-03-01T12:00:00.000Z';
    const earlier = '2026-03-01T10:00:00.000Z';
    const expected = {
      start_date: '2026-03-01T10:00:00.000Z',
      end_date: '2026-03-01T12:59:59.999Z',
    };
    expect(rangeFromDrag(earlier, later, 'hour')).toEqual(expected);
    expect(rangeFromDrag(later, earlier, 'hour')).toEqual(expected);
    expect(rangeFromDrag(earlier, earlier, 'day')).toEqual({
      start_date: earlier,
      end_date: '2026-03-02T09:59:59.999Z',
    });
    expect(rangeFromDrag('2026-03-01T10:05:00.000Z', earlier, 'minute')?.end_date).toBe(
      '2026-03-01T10:05:59.999Z',
    );
  });

  it('refuses labels that are not timestamps', () => {
    expect(rangeFromDrag('yesterday', '2026-03-01T10:00:00.000Z', 'hour')).toBeNull();
  });
});

describe('intervalForQuery', () => {
  const now = Date.parse('2026-03-10T00:00:00.000Z');
  it('chooses minutes up to 6 hours, hours up to 7 days, days beyond', () => {
    const since = (ms: number) => ({ start_date: new Date(now - ms) });
    expect(intervalForQuery(since(6 * 3_600_000), now)).toBe('minute');
    expect(intervalForQuery(since(6 * 3_600_000 + 1), now)).toBe('hour');
    expect(intervalForQuery(since(7 * 86_400_000), now)).toBe('hour');
    expect(intervalForQuery(since(7 * 86_400_000 + 1), now)).toBe('day');
    expect(
      intervalForQuery({
        start_date: '2026-01-01T00:00:00Z',
        end_date: '2026-01-01T01:00:00Z',
      }),
    ).toBe('minute');
    expect(intervalForQuery({}, now)).toBe('day');
  });
});

describe('EventVolumeChart', () => {
  it('lists every bucket with its counts by severity, in the UI locale and time zone', async () => {
    const { container } = render(
      <AuditUiProvider locale="en-GB" timeZone="Asia/Tokyo">
        <EventVolumeChart
          summary={summary}
          interval="hour"
          width={600}
          height={200}
          className="mine"
        />
      </AuditUiProvider>,
    );
    const figure = screen.getByRole('figure', { name: 'Event volume' });
    expect(figure).toHaveProperty('className', 'mine');
    expect(tableRows()).toEqual([
      ['Period starting', 'Critical', 'Error', 'Warning', 'Info', 'Debug', 'Total'],
      ['1 Mar 2026, 19:00', '0', '1', '0', '5', '0', '6'],
      ['1 Mar 2026, 20:00', '2', '0', '3', '0', '1,200', '1,205'],
      ['1 Mar 2026, 21:00', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(container.querySelector('svg')?.closest('[aria-hidden="true"]')).toBeTruthy();
    expect(
      container.querySelectorAll('path.recharts-rectangle[fill^="var(--audit-chart-"]').length,
    ).toBeGreaterThan(0);
    expect(figure.style.getPropertyValue('--audit-chart-critical')).toBe(
      'var(--audit-severity-critical)',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('selects the dragged range of whole buckets', async () => {
    const onRangeSelect = vi.fn();
    const { container } = render(
      <EventVolumeChart
        summary={summary}
        interval="hour"
        onRangeSelect={onRangeSelect}
        width={600}
        height={200}
      />,
    );
    expect(screen.getByText('Drag across the chart to zoom into a time range.')).toBeTruthy();
    const surface = container.querySelector('.recharts-wrapper')!;
    // Recharts reports the bucket under the pointer from its last (frame-throttled) mouse move.
    const pointAt = async (clientX: number) => {
      fireEvent.mouseMove(surface, { clientX, clientY: 100 });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    await pointAt(560); // over the 12:00 bucket
    fireEvent.mouseDown(surface, { clientX: 560, clientY: 100 });
    await pointAt(80); // back over the 10:00 bucket
    await waitFor(() => expect(container.querySelector('.recharts-reference-area')).toBeTruthy());
    fireEvent.mouseUp(surface, { clientX: 80, clientY: 100 });
    expect(onRangeSelect).toHaveBeenCalledWith({
      start_date: '2026-03-01T10:00:00.000Z',
      end_date: '2026-03-01T12:59:59.999Z',
    });
  });

  it('says so when there is nothing to chart, and while loading', () => {
    const { rerender } = render(<EventVolumeChart summary={undefined} interval="hour" />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    rerender(
      <EventVolumeChart summary={{ ...summary, timeline: [bucket(10, {})] }} interval="hour" />,
    );
    expect(screen.getByRole('status').textContent).toBe('No events to chart.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the tenant's events over time when connected", async () => {
    const server = await testServer({ seed: { eventsPerTenant: 150 } });
    const client = await signedInClient(server, 'viewer', 'acme');
    const expected = await client.getSummary({}, { interval: 'day' });
    render(<ConnectedEventVolumeChart width={600} />, { wrapper: wrapperFor(client) });
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy());
    const totals = tableRows()
      .slice(1)
      .map((row) => Number(row.at(-1)!.replace(/\D/g, '')));
    expect(totals).toHaveLength(expected.timeline!.length);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(expected.total_count);
  });

  it('charts the buckets the server answered, and says an outlier dated 9999 lies outside', async () => {
    const server = await testServer({ seed: { eventsPerTenant: 20 } });
    const writer = await signedInClient(server, 'manager', 'acme');
    const event = {
      event_type: 'user_action',
      resource_type: 'document',
      action: 'view',
      severity: 'info',
      description: 'Viewed just now',
    } as const;
    await writer.createEvent(event);
    await writer.createEvent({ ...event, timestamp: '9999-12-31T00:00:00Z' });
    render(
      <AuditUiProvider locale="en-GB" timeZone="UTC">
        <ConnectedEventVolumeChart
          width={600}
          query={{ start_date: new Date(Date.now() - 3_600_000) }}
        />
      </AuditUiProvider>,
      { wrapper: wrapperFor(writer) },
    );
    // The last hour asks for minutes; the server counts by the day and draws up to today.
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy());
    expect(screen.getByText(/^Shown by day, .* – .*\. 1 event lies outside\.$/)).toBeTruthy();
    const starts = tableRows()
      .slice(1)
      .map((row) => row[0] ?? '');
    // Day buckets, labelled by date alone, and only the few that hold events up to today.
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.length).toBeLessThanOrEqual(400);
    expect(starts.filter((start) => /\d\d:\d\d/.test(start))).toEqual([]);
  });
});
