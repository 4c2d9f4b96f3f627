// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditLogQueryInput, AuditLogSummary } from '../../../src/client/index.js';
import {
  AuditLogFilters,
  ConnectedAuditLogFilters,
} from '../../../src/components/filters/index.js';
import { AuditUiProvider } from '../../../src/components/ui/audit-ui-context.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';

const summary: AuditLogSummary = {
  total_count: 60,
  event_types: { authentication: 12, data_access: 48 },
  severities: { critical: 3, error: 40, warning: 17 },
  resource_types: {},
  date_range: { start: null, end: null },
};

const lastQuery = (spy: ReturnType<typeof vi.fn>) =>
  spy.mock.calls.at(-1)![0] as AuditLogQueryInput;

afterEach(() => {
  vi.useRealTimers();
});

describe('AuditLogFilters', () => {
  it('asks for the severities the user ticks', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<AuditLogFilters onChange={onChange} />);
    const severities = screen.getByRole('group', { name: 'Severities' });
    await user.click(within(severities).getByRole('checkbox', { name: 'Error' }));
    await user.click(within(severities).getByRole('checkbox', { name: 'Critical' }));
    expect(lastQuery(onChange)).toEqual({ severities: ['error', 'critical'] });
    await user.click(within(severities).getByRole('checkbox', { name: 'Error' }));
    expect(lastQuery(onChange)).toEqual({ severities: ['critical'] });
  });

  it('asks for event types too, keeping the other filters', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<AuditLogFilters defaultValue={{ severities: ['warning'] }} onChange={onChange} />);
    await user.click(screen.getByRole('checkbox', { name: 'Data access' }));
    expect(lastQuery(onChange)).toEqual({ severities: ['warning'], event_types: ['data_access'] });
  });

  it.each([
    ['Last 15 minutes', 15 * 60_000],
    ['Last hour', 3_600_000],
    ['Last 24 hours', 86_400_000],
    ['Last 7 days', 7 * 86_400_000],
    ['Last 30 days', 30 * 86_400_000],
  ])('starts the range about the right time ago for "%s"', async (name, ms) => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <AuditLogFilters defaultValue={{ end_date: '2020-01-01T00:00:00Z' }} onChange={onChange} />,
    );
    const button = screen.getByRole('button', { name });
    await user.click(button);
    const query = lastQuery(onChange);
    expect(query.end_date).toBeUndefined();
    const start = Date.parse(String(query.start_date));
    expect(Math.abs(Date.now() - ms - start)).toBeLessThan(5000);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.getAttribute('data-state')).toBe('on');
  });

  it('reads a custom range in the UI time zone', () => {
    const onChange = vi.fn();
    render(
      <AuditUiProvider timeZone="America/New_York">
        <AuditLogFilters onChange={onChange} />
      </AuditUiProvider>,
    );
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-07-01T09:30' } });
    expect(lastQuery(onChange)).toEqual({ start_date: '2024-07-01T13:30:00.000Z' });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2024-12-01T09:30' } });
    expect(lastQuery(onChange)).toEqual({
      start_date: '2024-07-01T13:30:00.000Z',
      end_date: '2024-12-01T14:30:00.000Z',
    });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2024-07-01T09:30');
  });

  it('searches once, 300 ms after the typing stops', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    render(<AuditLogFilters onChange={onChange} />);
    const search = screen.getByRole('searchbox', { name: 'Search' });
    for (const text of ['l', 'lo', 'log', 'login']) {
      fireEvent.change(search, { target: { value: text } });
      act(() => vi.advanceTimersByTime(100));
    }
    expect(onChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(199));
    expect(onChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(lastQuery(onChange)).toEqual({ search: 'login' });
  });

  it('turns a typed user, IP and session into one-value filters', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    render(<AuditLogFilters onChange={onChange} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'User' }), { target: { value: 'u-1' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'IP address' }), {
      target: { value: '10.0.0.1' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Session' }), {
      target: { value: 's-9' },
    });
    act(() => vi.advanceTimersByTime(300));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(lastQuery(onChange)).toEqual({
      user_ids: ['u-1'],
      ip_addresses: ['10.0.0.1'],
      session_ids: ['s-9'],
    });
  });

  it('drops text still being typed when the user presses Clear all', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    render(<AuditLogFilters defaultValue={{ severities: ['error'] }} onChange={onChange} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), {
      target: { value: 'half-typed' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    act(() => vi.advanceTimersByTime(1000));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(lastQuery(onChange)).toEqual({});
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
  });

  it('removes one filter when its chip is pressed', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <AuditLogFilters
        defaultValue={{ severities: ['error', 'critical'], user_ids: ['alice'] }}
        onChange={onChange}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Remove filter: Severity: Error' }));
    expect(lastQuery(onChange)).toEqual({ severities: ['critical'], user_ids: ['alice'] });
    expect(screen.queryByRole('button', { name: 'Remove filter: Severity: Error' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove filter: User: alice' }));
    expect(lastQuery(onChange)).toEqual({ severities: ['critical'] });
    expect((screen.getByRole('textbox', { name: 'User' }) as HTMLInputElement).value).toBe('');
  });

  it('cuts a huge filter value in its chip, so a long link cannot stall the page', () => {
    const huge = 'x'.repeat(100_000);
    render(<AuditLogFilters defaultValue={{ user_ids: [huge] }} onChange={vi.fn()} />);
    const chip = screen.getByRole('button', { name: /^Remove filter: User: x+…$/ });
    expect(chip.textContent!.length).toBeLessThan(400);
    expect(chip.getAttribute('aria-label')!.length).toBeLessThan(400);
  });

  it('clears every filter but keeps the sort order', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <AuditLogFilters
        defaultValue={{
          severities: ['error'],
          search: 'invoice',
          start_date: '2024-01-01T00:00:00Z',
          sort_by: 'severity',
        }}
        onChange={onChange}
      />,
    );
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe(
      'invoice',
    );
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(lastQuery(onChange)).toEqual({ sort_by: 'severity' });
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
    const severities = screen.getByRole('group', { name: 'Severities' });
    expect(
      (within(severities).getByRole('checkbox', { name: 'Error' }) as HTMLInputElement).checked,
    ).toBe(false);
    expect((screen.getByRole('button', { name: 'Clear all' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('shows how many events each event type and severity has', () => {
    render(<AuditLogFilters summary={summary} />);
    const severities = screen.getByRole('group', { name: 'Severities' });
    expect(within(severities).getByRole('checkbox', { name: 'Error 40' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Data access 48' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Debug 0' })).toBeTruthy();
  });

  it('follows the parent when controlled and keeps its own state when not', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = render(<AuditLogFilters value={{}} onChange={onChange} />);
    await user.click(screen.getByRole('checkbox', { name: 'Warning' }));
    expect(lastQuery(onChange)).toEqual({ severities: ['warning'] });
    // The parent did not accept the change, so nothing is ticked.
    expect((screen.getByRole('checkbox', { name: 'Warning' }) as HTMLInputElement).checked).toBe(
      false,
    );
    rerender(<AuditLogFilters value={{ severities: ['info'] }} onChange={onChange} />);
    expect((screen.getByRole('checkbox', { name: 'Info' }) as HTMLInputElement).checked).toBe(true);

    rerender(<AuditLogFilters key="uncontrolled" onChange={onChange} />);
    await user.click(screen.getByRole('checkbox', { name: 'Warning' }));
    expect((screen.getByRole('checkbox', { name: 'Warning' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('works with a parent that holds the query in state', async () => {
    const user = userEvent.setup();
    function Parent() {
      const [query, setQuery] = useState<AuditLogQueryInput>({});
      return (
        <>
          <AuditLogFilters value={query} onChange={setQuery} />
          <output>{JSON.stringify(query)}</output>
        </>
      );
    }
    render(<Parent />);
    await user.click(screen.getByRole('checkbox', { name: 'Critical' }));
    expect(screen.getByRole('status').textContent).toBe('{"severities":["critical"]}');
  });

  it('uses overridden labels', () => {
    render(<AuditLogFilters labels={{ clearAll: 'Reset', presets: { '1h': '60 min' } }} />);
    expect(screen.getByRole('button', { name: 'Reset' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '60 min' })).toBeTruthy();
  });

  it('has no accessibility violations with filters and counts', async () => {
    const { container } = render(
      <AuditLogFilters
        className="mine"
        summary={summary}
        defaultValue={{ severities: ['error'], search: 'x', start_date: '2024-01-01T00:00:00Z' }}
      />,
    );
    const root = container.firstElementChild!;
    expect(root.getAttribute('data-scope')).toBe('audit-log');
    expect(root.getAttribute('data-part')).toBe('filters');
    expect(root.classList.contains('mine')).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows counts for the current query when connected', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    const summaryNow = await client.getSummary({});
    const errors = summaryNow.severities.error ?? 0;
    render(<ConnectedAuditLogFilters />, { wrapper: wrapperFor(client) });
    await waitFor(() =>
      expect(
        within(screen.getByRole('group', { name: 'Severities' })).getByRole('checkbox', {
          name: `Error ${errors}`,
        }),
      ).toBeTruthy(),
    );
  });
});
