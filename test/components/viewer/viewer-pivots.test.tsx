// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogViewer } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 40 } });
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
});

const rows = () =>
  screen.getAllByRole('row').filter((row) => row.closest('[data-part="body"]') !== null);

async function renderViewer() {
  const client = await signedInClient(server, 'viewer', 'acme');
  render(<AuditLogViewer hide={{ charts: true, liveTail: true }} syncUrl />, {
    wrapper: wrapperFor(client),
  });
  await waitFor(() => expect(rows().length).toBeGreaterThan(2), { timeout: 5000 });
  return { client, user: userEvent.setup() };
}

describe('AuditLogViewer pivots', () => {
  it('reaches the active row’s cell menus by Tab and excludes a value from one', async () => {
    const { user } = await renderViewer();
    const first = rows()[0]!;
    const severity = first.dataset.severity!;
    // The menus arrive through import() once rows are on screen.
    const trigger = await within(first).findByRole(
      'button',
      { name: /^Actions for Severity: / },
      { timeout: 5000 },
    );
    first.focus();
    await user.tab();
    expect(document.activeElement).toBe(trigger);
    // Only the active row's menus are Tab stops; the grid stays one stop in the page.
    expect(
      within(rows()[1]!)
        .queryAllByRole('button')
        .every((b) => b.tabIndex === -1),
    ).toBe(true);
    await user.keyboard('{Enter}');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() =>
      expect(new URL(window.location.href).searchParams.getAll('exclude_severities')).toEqual([
        severity,
      ]),
    );
    await waitFor(() =>
      expect(rows().every((row) => row.dataset.severity !== severity)).toBe(true),
    );
    // The row went with the value; focus stays in the grid, on its active row.
    await waitFor(() => expect(document.activeElement).toBe(rows()[0]));
  }, 30_000);

  it('opens a resource’s history from the detail in place of the list, and Back returns', async () => {
    const { user, client } = await renderViewer();
    const events = (await client.queryEvents({}, { size: 50 })).items;
    const index = events.findIndex((event) => event.resource_id !== null);
    const event = events[index]!;
    await user.click(rows()[index]!);
    const panel = await screen.findByRole('complementary', { name: 'Event detail' });
    const menu = await within(panel).findByRole(
      'button',
      { name: /^Actions for Resource type: / },
      { timeout: 5000 },
    );
    await user.click(menu);
    await user.click(within(panel).getByRole('menuitem', { name: 'History of this resource' }));
    const history = await screen.findByRole(
      'region',
      { name: `History of ${event.resource_type} / ${event.resource_id}` },
      { timeout: 5000 },
    );
    await waitFor(() => expect(document.activeElement).toBe(within(history).getByRole('heading')));
    const url = new URL(window.location.href);
    expect(url.searchParams.get('history_type')).toBe(event.resource_type);
    expect(url.searchParams.get('history_id')).toBe(event.resource_id);
    expect(screen.queryByRole('grid')).toBeNull();
    await within(history).findByRole('list');
    expect(
      within(history)
        .getAllByRole('listitem')
        .some((item) => item.dataset.id === event.id),
    ).toBe(true);

    await user.click(within(history).getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('region', { name: /^History of / })).toBeNull();
    expect(screen.getByRole('grid')).toBeTruthy();
    expect(new URL(window.location.href).searchParams.has('history_id')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(menu));
  }, 30_000);
});
