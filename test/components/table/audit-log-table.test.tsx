// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogEvent } from '../../../src/client/index.js';
import type { AuditLogTableActions } from '../../../src/components/table/audit-log-table.js';
import {
  AuditLogTable,
  type AuditLogColumn,
  type AuditLogSort,
} from '../../../src/components/table/index.js';
import { AuditUiProvider } from '../../../src/components/ui/audit-ui-context.js';
import { makeEvent, makeEvents } from '../../fixtures/events.js';

// jsdom has no layout and no Element#scrollTo; scrolling is a no-op here.
Element.prototype.scrollTo ??= function scrollTo() {};

const bodyRows = () =>
  screen.getAllByRole('row').filter((row) => row.closest('[data-part="body"]'));
const activeRow = () => bodyRows().find((row) => row.tabIndex === 0);

describe('AuditLogTable', () => {
  it('renders the default columns and one row per event, as text', () => {
    const events = [makeEvent(0, { severity: 'critical', description: 'Password reset' })];
    render(
      <AuditUiProvider locale="en-US" timeZone="UTC">
        <AuditLogTable events={events} className="mine" />
      </AuditUiProvider>,
    );
    const grid = screen.getByRole('grid', { name: 'Events' });
    expect(grid?.getAttribute('aria-rowcount')).toBe('2');
    expect(grid?.getAttribute('aria-colcount')).toBe('8');
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual([
      'Time',
      'Severity',
      'Event type',
      'Action',
      'Resource',
      'User',
      'IP address',
      'Description',
    ]);
    const [row] = bodyRows();
    const cells = within(row!).getAllByRole('gridcell');
    // Within the current year the cell drops the year, never the time of day; the tooltip
    // has all of it, with the zone, and the stored value.
    const sameYear = new Date().getUTCFullYear() === 2026;
    expect(cells[0]?.textContent).toBe(
      sameYear ? 'Jan 15, 12:00:00 PM' : 'Jan 15, 2026, 12:00:00 PM',
    );
    const time = cells[0]!.querySelector('time')!;
    expect(time?.getAttribute('datetime')).toBe(events[0]!.timestamp);
    expect(time?.getAttribute('title')).toBe(
      `Jan 15, 2026, 12:00:00 PM UTC · ${events[0]!.timestamp}`,
    );
    expect(cells[1]?.textContent).toContain('Critical');
    expect(cells[4]?.textContent).toContain('document doc-0');
    expect(cells[5]?.textContent).toContain('user-0');
    expect(cells[6]?.textContent).toContain('203.0.113.7');
    expect(cells[7]?.textContent).toContain('Password reset');
    const root = grid.closest('[data-part="table"]')!;
    expect(root?.getAttribute('data-scope')).toBe('audit-log');
    expect(root?.getAttribute('data-state')).toBe('ready');
    expect(root.classList.contains('mine')).toBe(true);
  });

  it('adds custom columns and lets one replace a default column by id', () => {
    const columns: AuditLogColumn[] = [
      { id: 'user', header: 'Actor', cell: (event) => `@${event.user_id ?? ''}` },
      { id: 'session', header: 'Session', cell: (event) => event.session_id ?? 'none' },
    ];
    render(<AuditLogTable events={[makeEvent(1)]} columns={columns} />);
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toContain('Actor');
    expect(headers).not.toContain('User');
    expect(headers.at(-1)).toBe('Session');
    expect(within(bodyRows()[0]!).getByText('@user-1')).toBeTruthy();
  });

  it('does not re-render rows when the parent re-renders with the same events', () => {
    const cell = vi.fn((event: AuditLogEvent) => event.id);
    const columns: AuditLogColumn[] = [{ id: 'id', header: 'Id', cell }];
    const events = makeEvents(3);
    const { rerender } = render(<AuditLogTable events={events} columns={columns} />);
    expect(cell).toHaveBeenCalledTimes(3);
    rerender(<AuditLogTable events={events} columns={columns} />);
    expect(cell).toHaveBeenCalledTimes(3);
    rerender(<AuditLogTable events={events.slice(0, 2)} columns={columns} />);
    expect(bodyRows()).toHaveLength(2);
  });

  it('asks for a new sort when a header is clicked, and shows the sort through aria-sort', async () => {
    const user = userEvent.setup();
    const onSortChange = vi.fn<(sort: AuditLogSort) => void>();
    function Sorted() {
      const [sort, setSort] = useState<AuditLogSort>({ sort_by: 'timestamp', sort_order: 'desc' });
      return (
        <AuditLogTable
          events={makeEvents(3)}
          sort={sort}
          onSortChange={(next) => {
            onSortChange(next);
            setSort(next);
          }}
        />
      );
    }
    render(<Sorted />);
    const time = screen.getByRole('columnheader', { name: 'Time' });
    const action = screen.getByRole('columnheader', { name: 'Action' });
    expect(time?.getAttribute('aria-sort')).toBe('descending');
    expect(action?.getAttribute('aria-sort')).toBe('none');
    // Not sortable on the server: no button and no aria-sort.
    expect(
      screen.getByRole('columnheader', { name: 'Description' }).hasAttribute('aria-sort'),
    ).toBe(false);

    await user.click(within(action).getByRole('button', { name: 'Action' }));
    expect(onSortChange).toHaveBeenLastCalledWith({ sort_by: 'action', sort_order: 'desc' });
    expect(action?.getAttribute('aria-sort')).toBe('descending');
    expect(time?.getAttribute('aria-sort')).toBe('none');

    await user.click(within(action).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith({ sort_by: 'action', sort_order: 'asc' });
    expect(action?.getAttribute('aria-sort')).toBe('ascending');

    await user.click(within(action).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith({ sort_by: 'action', sort_order: 'desc' });
  });

  it('moves the active row with the arrow keys, Home, End and the page keys, and opens it with Enter', async () => {
    const user = userEvent.setup();
    const events = makeEvents(60);
    const onOpenEvent = vi.fn<(event: AuditLogEvent) => void>();
    render(<AuditLogTable events={events} onOpenEvent={onOpenEvent} density="compact" />);
    // One tab stop: the first row.
    expect(bodyRows().filter((row) => row.tabIndex === 0)).toHaveLength(1);
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');

    await user.click(activeRow()!);
    onOpenEvent.mockClear();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('4');
    expect(document.activeElement).toBe(activeRow());
    await user.keyboard('{ArrowUp}');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('3');

    // A 600 px viewport with a 32 px header shows 17 compact rows: PageDown moves by that.
    await user.keyboard('{PageDown}');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe(String(3 + 17));
    await user.keyboard('{PageUp}');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('3');

    await user.keyboard('{End}');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('61');
    expect(document.activeElement).toBe(activeRow());
    await user.keyboard('{ArrowDown}');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('61');
    await user.keyboard('{Enter}');
    expect(onOpenEvent).toHaveBeenCalledWith(events[59]);

    await user.keyboard('{Home}');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
    expect(document.activeElement).toBe(activeRow());
    await user.keyboard('{Enter}');
    expect(onOpenEvent).toHaveBeenLastCalledWith(events[0]);
  });

  it("leaves keys pressed on a custom cell's button to that button", async () => {
    const user = userEvent.setup();
    const onOpenEvent = vi.fn();
    const onPin = vi.fn();
    const columns: AuditLogColumn[] = [
      {
        id: 'pin',
        header: 'Pin',
        cell: (event) => (
          <button type="button" onClick={() => onPin(event.id)}>
            Pin {event.id}
          </button>
        ),
      },
    ];
    render(<AuditLogTable events={makeEvents(3)} columns={columns} onOpenEvent={onOpenEvent} />);
    screen.getByRole('button', { name: 'Pin evt-1' }).focus();
    await user.keyboard('{Enter}{ArrowDown}');
    expect(onPin).toHaveBeenCalledWith('evt-1');
    expect(onOpenEvent).not.toHaveBeenCalled();
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
  });

  it('acts on the row that has focus, however focus got there', async () => {
    const user = userEvent.setup();
    const events = makeEvents(10);
    const onOpenEvent = vi.fn<(event: AuditLogEvent) => void>();
    render(<AuditLogTable events={events} onOpenEvent={onOpenEvent} />);
    const fourth = bodyRows().find((row) => row.getAttribute('aria-rowindex') === '5')!;
    act(() => fourth.focus());
    expect(activeRow()).toBe(fourth);
    await user.keyboard('{Enter}');
    expect(onOpenEvent).toHaveBeenLastCalledWith(events[3]);
    await user.keyboard('{ArrowDown}');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('6');
  });

  it('starts on the row of activeEventId', () => {
    render(<AuditLogTable events={makeEvents(10)} activeEventId="evt-4" />);
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('6');
  });

  it('keeps the row of a closed event active, so the user goes on from there', () => {
    const events = makeEvents(10);
    const { rerender } = render(<AuditLogTable events={events} activeEventId="evt-4" />);
    rerender(<AuditLogTable events={events} />);
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('6');
  });

  it('focuses a row through actionsRef, the active one when the event is not shown', () => {
    const actions = createRef<AuditLogTableActions>();
    render(<AuditLogTable events={makeEvents(300)} actionsRef={actions} />);
    act(() => void actions.current!.focusRow('evt-250'));
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('252');
    expect(activeRow()).toBe(document.activeElement);
    (document.activeElement as HTMLElement).blur();
    let focused = false;
    act(() => void (focused = actions.current!.focusRow('gone')));
    expect(focused).toBe(true);
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('252');
  });

  it('keeps the DOM under 100 rows for 10,000 events', () => {
    const events = makeEvents(10_000);
    render(<AuditLogTable events={events} />);
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByRole('grid')?.getAttribute('aria-rowcount')).toBe('10001');
  });

  it('shows a loading skeleton, then an empty message, with the labels in force', () => {
    const { rerender, container } = render(<AuditLogTable events={[]} loading />);
    expect(screen.getByRole('status')?.textContent).toContain('Loading…');
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('loading');
    expect(screen.queryByRole('grid')).toBeNull();

    rerender(<AuditLogTable events={[]} />);
    expect(screen.getByRole('status')?.textContent).toContain('No events match these filters.');
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('empty');
  });

  it('shows an error with a retry button, keeping rows already loaded', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const error = new Error('The server did not answer; check your connection.');
    const { rerender, container } = render(
      <AuditLogTable events={[]} error={error} onRetry={onRetry} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert?.textContent).toContain('Could not load events');
    expect(alert?.textContent).toContain(error.message);
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('error');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();

    rerender(<AuditLogTable events={makeEvents(2)} error={error} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(bodyRows()).toHaveLength(2);
  });

  it('uses overridden labels for headers and states', () => {
    const { rerender } = render(
      <AuditLogTable
        events={makeEvents(1)}
        labels={{ time: 'Zeit', severities: { info: 'Hinweis' } }}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Zeit' })).toBeTruthy();
    expect(within(bodyRows()[0]!).getByText('Hinweis')).toBeTruthy();
    rerender(
      <AuditLogTable
        events={[]}
        error={new Error('x')}
        onRetry={() => {}}
        labels={{ retry: 'Nochmal' }}
      />,
    );
    expect(screen.getByRole('button', { name: 'Nochmal' })).toBeTruthy();
  });

  it('shows hostile strings as literal text and creates no element from them', () => {
    const html = '<img src=x onerror=alert(1)>';
    const url = 'javascript:alert(1)';
    const rtl = '\u202Etxt.exe';
    const events = [
      makeEvent(0, {
        description: html,
        action: url,
        user_id: rtl,
        resource_type: '<script>alert(1)</script>',
        resource_id: '"><svg onload=alert(1)>',
      }),
    ];
    const { container } = render(<AuditLogTable events={events} />);
    const row = bodyRows()[0]!;
    expect(within(row).getByText(html)).toBeTruthy();
    expect(within(row).getByText(url)).toBeTruthy();
    // Isolated, so the override cannot reorder the text around it.
    expect(within(row).getByText(rtl).getAttribute('dir')).toBe('auto');
    expect(container.querySelector('img, script, svg, a, iframe')).toBeNull();
    expect(container.querySelectorAll('[onerror], [onload], [href]')).toHaveLength(0);
  });

  it('has no axe violations', async () => {
    const { container } = render(
      <AuditLogTable
        events={makeEvents(5)}
        sort={{ sort_by: 'timestamp', sort_order: 'desc' }}
        onSortChange={() => {}}
      />,
    );
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });
});
