// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogViewer, type AuditLogViewerProps } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 30 } });
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
});

const rows = () =>
  screen.getAllByRole('row').filter((row) => row.closest('[data-part="body"]') !== null);
const detail = () => screen.findByRole('complementary', { name: 'Event detail' });

/** Renders the viewer, moves to the third row with the keys and opens it with Enter. */
async function openThirdRow(props: AuditLogViewerProps = {}) {
  const client = await signedInClient(server, 'viewer', 'acme');
  render(<AuditLogViewer hide={{ charts: true, liveTail: true }} {...props} />, {
    wrapper: wrapperFor(client),
  });
  await waitFor(() => expect(rows().length).toBeGreaterThan(2), { timeout: 5000 });
  const user = userEvent.setup();
  rows()[0]!.focus();
  await user.keyboard('{ArrowDown}{ArrowDown}');
  const row = rows()[2]!;
  expect(document.activeElement).toBe(row);
  await user.keyboard('{Enter}');
  const panel = await detail();
  return { user, row, panel };
}

describe('AuditLogViewer detail focus', () => {
  it('moves focus into the detail it opens, so Tab goes on to its Close button', async () => {
    const { user, panel } = await openThirdRow();
    await waitFor(() => expect(document.activeElement).toBe(panel));
    await user.tab();
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Close' }));
  });

  it('puts focus back on the row the event was opened from when Close is pressed', async () => {
    const { user, row, panel } = await openThirdRow();
    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('complementary', { name: 'Event detail' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(row));
    expect(row.dataset.state).toBe('active');
  });

  it('closes with Escape from inside the detail and puts focus back on that row', async () => {
    const { user, row, panel } = await openThirdRow({ syncUrl: true });
    within(panel).getByRole('button', { name: 'Close' }).focus();
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('complementary', { name: 'Event detail' })).toBeNull(),
    );
    await waitFor(() => expect(document.activeElement).toBe(row));
    expect(new URLSearchParams(window.location.search).has('event')).toBe(false);
  });

  it('gives focus back to the row when a custom detail closes itself', async () => {
    const { user, row } = await openThirdRow({
      renderDetail: (event, close) => (
        <button type="button" onClick={close}>
          {`Done with ${event.id}`}
        </button>
      ),
    });
    await user.click(screen.getByRole('button', { name: /^Done with / }));
    await waitFor(() => expect(document.activeElement).toBe(row));
  });

  it('leaves focus where the user has put it when the detail closes', async () => {
    const { user, panel } = await openThirdRow({ syncUrl: true });
    const search = screen.getByRole('searchbox');
    await user.click(search);
    // Another part of the page closes the detail while the user types elsewhere.
    window.history.pushState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(panel.isConnected).toBe(false));
    expect(document.activeElement).toBe(search);
  });
});
