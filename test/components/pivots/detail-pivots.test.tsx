// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogEvent } from '../../../src/client/index.js';
import { AuditEventDetail, AuditUiProvider } from '../../../src/components/index.js';
import { AUDIT_LABELS_DE } from '../../../src/components/ui/locales/de.js';
import { axeViolations } from '../axe.js';

const event: AuditLogEvent = {
  id: 'evt-1',
  tenant_id: 'acme',
  event_type: 'data_modification',
  resource_type: 'invoice',
  resource_id: 'inv-42',
  action: 'update',
  severity: 'warning',
  description: 'Invoice inv-42 updated',
  metadata: null,
  ip_address: null,
  user_agent: 'Mozilla/5.0',
  session_id: 'sess-9',
  correlation_id: null,
  user_id: 'alice',
  timestamp: '2026-01-02T03:04:05.000Z',
  created_at: '2026-01-02T03:04:05.000Z',
};

describe('pivots from the event detail', () => {
  it('offers a menu only on fields a filter matches and the event fills', async () => {
    const { container } = render(
      <AuditEventDetail event={event} onFilterValue={vi.fn()} onShowResourceHistory={vi.fn()} />,
    );
    // The menus arrive through import(); the first one in a run waits for the module.
    await screen.findByRole('button', { name: 'Actions for Action: update' }, { timeout: 5000 });
    const menus = screen
      .getAllByRole('button', { name: /^Actions for / })
      .map((button) => button.getAttribute('aria-label'));
    expect(menus).toEqual([
      'Actions for Event type: Data modification',
      'Actions for Action: update',
      'Actions for Resource type: invoice, Resource: inv-42',
      'Actions for User: alice',
      'Actions for Session: sess-9',
    ]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('has no menus when nothing says what a pivot does', async () => {
    render(<AuditEventDetail event={event} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /^Actions for / })).toBeNull();
  });

  it('works from the keyboard: opens, filters, excludes, and Escape gives focus back', async () => {
    const onFilterValue = vi.fn();
    render(<AuditEventDetail event={event} onFilterValue={onFilterValue} />);
    const user = userEvent.setup();
    const trigger = await screen.findByRole('button', { name: 'Actions for User: alice' });
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'Actions for User: alice' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Filter to this value', 'Exclude this value']);
    expect(document.activeElement?.textContent).toBe('Filter to this value');
    await user.keyboard('{Escape}');
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(trigger);
    expect(onFilterValue).not.toHaveBeenCalled();

    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onFilterValue).toHaveBeenCalledWith('user_id', 'alice', 'exclude');
    expect(document.activeElement).toBe(trigger);
    await user.click(trigger);
    await user.click(screen.getByRole('menuitem', { name: 'Filter to this value' }));
    expect(onFilterValue).toHaveBeenLastCalledWith('user_id', 'alice', 'include');
  });

  it('pivots on a resource’s type or id, and opens its history', async () => {
    const onFilterValue = vi.fn();
    const onShowResourceHistory = vi.fn();
    render(
      <AuditEventDetail
        event={event}
        onFilterValue={onFilterValue}
        onShowResourceHistory={onShowResourceHistory}
      />,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Actions for Resource type/ }));
    const items = screen.getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Filter to this value (Resource type)',
      'Exclude this value (Resource type)',
      'Filter to this value (Resource)',
      'Exclude this value (Resource)',
      'History of this resource',
    ]);
    await user.click(items[3]!);
    expect(onFilterValue).toHaveBeenCalledWith('resource_id', 'inv-42', 'exclude');
    await user.click(screen.getByRole('button', { name: /^Actions for Resource type/ }));
    await user.click(screen.getByRole('menuitem', { name: 'History of this resource' }));
    expect(onShowResourceHistory).toHaveBeenCalledWith({
      resource_type: 'invoice',
      resource_id: 'inv-42',
    });
  });

  it('speaks the catalog’s language', async () => {
    render(
      <AuditUiProvider labels={AUDIT_LABELS_DE} locale="de">
        <AuditEventDetail event={event} onFilterValue={vi.fn()} />
      </AuditUiProvider>,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Aktionen für Aktion: update' }),
    );
    expect(screen.getByRole('menuitem', { name: 'Diesen Wert ausschließen' })).toBeTruthy();
  });
});
