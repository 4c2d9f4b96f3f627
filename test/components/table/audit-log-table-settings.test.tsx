// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AuditLogTable,
  type AuditLogColumnVisibility,
} from '../../../src/components/table/index.js';
import { axeViolations } from '../axe.js';
import { makeEvents } from '../../fixtures/events.js';

// jsdom has no layout and no Element#scrollTo; scrolling is a no-op here.
Element.prototype.scrollTo ??= function scrollTo() {};

const headerTexts = () => screen.getAllByRole('columnheader').map((header) => header.textContent);
const bodyRows = () =>
  screen.getAllByRole('row').filter((row) => row.closest('[data-part="body"]'));
const table = () => document.querySelector<HTMLElement>('[data-part="table"]')!;

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('AuditLogTable column settings', () => {
  it('hides a column, removing its header and its cells, when its box is unchecked', async () => {
    const user = userEvent.setup();
    render(<AuditLogTable events={makeEvents(2)} showSettings />);
    // The menu's code arrives through import(), after the first render; the first test of a
    // file also waits for the table's own modules to load, longer than findBy's 1 s on a busy machine.
    await user.click(await screen.findByRole('button', { name: 'Columns' }, { timeout: 5000 }));
    await user.click(screen.getByRole('checkbox', { name: 'Action' }));
    expect(headerTexts()).not.toContain('Action');
    expect(document.querySelector('[data-part="cell"][data-column="action"]')).toBeNull();
    expect(screen.getByRole('grid').getAttribute('aria-colcount')).toBe('7');
    await user.click(screen.getByRole('checkbox', { name: 'Action' }));
    expect(headerTexts()).toContain('Action');
  });

  it('reorders the headers with the move buttons, from the keyboard', async () => {
    const user = userEvent.setup();
    render(<AuditLogTable events={makeEvents(1)} showSettings />);
    screen.getByRole('button', { name: 'Columns' }).focus();
    await user.keyboard('{Enter}');
    screen.getByRole('button', { name: 'Move Severity up' }).focus();
    await user.keyboard('{Enter}');
    expect(headerTexts().slice(0, 3)).toEqual(['Severity', 'Time', 'Event type']);
    await user.click(screen.getByRole('button', { name: 'Move Description down' }));
    expect(headerTexts().at(-1)).toBe('Description');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Columns' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
  });

  it('remembers visibility and order under storageKey in a new render, ignoring unknown ids', async () => {
    const user = userEvent.setup();
    const first = render(<AuditLogTable events={makeEvents(1)} showSettings storageKey="cols" />);
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'IP address' }));
    await user.click(screen.getByRole('button', { name: 'Move User up' }));
    first.unmount();

    const saved = JSON.parse(localStorage.getItem('cols')!) as { order: string[] };
    localStorage.setItem('cols', JSON.stringify({ ...saved, order: ['gone', ...saved.order] }));
    render(<AuditLogTable events={makeEvents(1)} storageKey="cols" />);
    const headers = headerTexts();
    expect(headers).not.toContain('IP address');
    expect(headers.indexOf('User')).toBeLessThan(headers.indexOf('Resource'));
  });

  it('still renders when storage throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('blocked');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('blocked');
    });
    render(<AuditLogTable events={makeEvents(1)} storageKey="cols" />);
    expect(headerTexts()).toHaveLength(8);
  });

  it('follows a controlled columnVisibility and reports changes as updaters', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = render(
      <AuditLogTable
        events={makeEvents(1)}
        showSettings
        columnVisibility={{ user: false }}
        onColumnVisibilityChange={onChange}
      />,
    );
    expect(headerTexts()).not.toContain('User');
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Action' }));
    // Controlled: nothing changes until the parent passes a new value.
    expect(headerTexts()).toContain('Action');
    const updater = onChange.mock.calls[0]![0] as (
      previous: AuditLogColumnVisibility,
    ) => AuditLogColumnVisibility;
    const next = updater({ user: false });
    expect(next).toEqual({ user: false, action: false });
    rerender(
      <AuditLogTable
        events={makeEvents(1)}
        showSettings
        columnVisibility={next}
        onColumnVisibilityChange={onChange}
      />,
    );
    expect(headerTexts()).not.toContain('Action');
  });

  it('has no axe violations with the settings open', async () => {
    const user = userEvent.setup();
    const { container } = render(<AuditLogTable events={makeEvents(3)} showSettings selectable />);
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('AuditLogTable density', () => {
  it('makes rows compact when the density toggle is pressed', async () => {
    const user = userEvent.setup();
    const onDensityChange = vi.fn();
    render(<AuditLogTable events={makeEvents(2)} showSettings onDensityChange={onDensityChange} />);
    const toggle = screen.getByRole('button', { name: 'Compact rows' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(table().dataset.density).toBe('comfortable');
    expect(bodyRows()[0]!.style.height).toBe('44px');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(table().dataset.density).toBe('compact');
    expect(bodyRows()[0]!.style.height).toBe('32px');
    expect(onDensityChange).toHaveBeenCalledWith('compact');
  });

  it('keeps the density prop as the controlled value', async () => {
    const user = userEvent.setup();
    render(<AuditLogTable events={makeEvents(1)} showSettings density="compact" />);
    await user.click(screen.getByRole('button', { name: 'Compact rows' }));
    expect(table().dataset.density).toBe('compact');
  });
});

describe('AuditLogTable selection', () => {
  it('selects rows with their checkboxes and marks them aria-selected', async () => {
    const user = userEvent.setup();
    const onSelectionChange = vi.fn();
    render(
      <AuditLogTable events={makeEvents(3)} selectable onSelectionChange={onSelectionChange} />,
    );
    const [first] = bodyRows();
    expect(first!.getAttribute('aria-selected')).toBe('false');
    await user.click(within(first!).getByRole('checkbox'));
    expect(first!.getAttribute('aria-selected')).toBe('true');
    expect(onSelectionChange).toHaveBeenLastCalledWith(['evt-0']);
  });

  it('selects and clears the whole page from the header checkbox, indeterminate in between', async () => {
    const user = userEvent.setup();
    render(<AuditLogTable events={makeEvents(3)} selectable defaultSelectedIds={['evt-1']} />);
    const all = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all rows' });
    expect(all.indeterminate).toBe(true);
    expect(all.checked).toBe(false);
    await user.click(all);
    expect(all.checked).toBe(true);
    expect(all.indeterminate).toBe(false);
    expect(bodyRows().every((row) => row.getAttribute('aria-selected') === 'true')).toBe(true);
    await user.click(all);
    expect(bodyRows().every((row) => row.getAttribute('aria-selected') === 'false')).toBe(true);
  });

  it('toggles the active row with Space', async () => {
    const user = userEvent.setup();
    render(<AuditLogTable events={makeEvents(3)} selectable />);
    bodyRows()[0]!.focus();
    await user.keyboard('{ArrowDown}{ }');
    expect(bodyRows()[1]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ }');
    expect(bodyRows()[1]!.getAttribute('aria-selected')).toBe('false');
  });

  it('shows a controlled selection and follows the parent', async () => {
    const user = userEvent.setup();
    function Parent() {
      const [ids, setIds] = useState<string[]>(['evt-2']);
      return (
        <>
          <output data-testid="count">{ids.length}</output>
          <AuditLogTable
            events={makeEvents(3)}
            selectable
            selectedIds={ids}
            onSelectionChange={setIds}
          />
        </>
      );
    }
    render(<Parent />);
    expect(bodyRows()[2]!.getAttribute('aria-selected')).toBe('true');
    await user.click(within(bodyRows()[0]!).getByRole('checkbox'));
    expect(screen.getByTestId('count').textContent).toBe('2');
    expect(bodyRows()[0]!.getAttribute('aria-selected')).toBe('true');
  });
});
