// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLogViewer } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { newClient, signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 120 } });
});
const rows = () =>
  screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');

describe('AuditLogViewer', () => {
  // axe over the whole viewer (sidebar, query bar, table, detail) in jsdom takes seconds.
  it('shows the tenant’s events with summary, and opens an event and its correlated events', async () => {
    const client = await signedInClient(server, 'manager', 'acme');
    const { container } = render(<AuditLogViewer hide={{ charts: true }} pageSize={20} />, {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0), { timeout: 5000 });
    expect(screen.getByText('Page 1 of 6')).toBeTruthy();
    const user = userEvent.setup();
    const withCorrelation = (await client.queryEvents({}, { size: 20 })).items.findIndex(
      (e) => e.correlation_id,
    );
    rows()[withCorrelation]!.focus();
    await user.keyboard('{Enter}');
    const detail = await screen.findByRole('complementary', { name: 'Event detail' });
    const correlation = within(detail).getByRole('button', { name: 'Show correlated events' });
    await user.click(correlation);
    await waitFor(() => expect(screen.getByText('Page 1 of 1')).toBeTruthy());
    expect(await axeViolations(container)).toEqual([]);
  }, 40_000);

  it('asks for a page of events once, though the table and the pagination both read it', async () => {
    let listRequests = 0;
    const counting: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/api/v1/audit/events') listRequests += 1;
      return server.fetch(input, init);
    };
    const client = newClient(server, counting);
    await client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'initech' });
    render(<AuditLogViewer hide={{ charts: true }} pageSize={20} />, {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(screen.getByText('Page 1 of 6')).toBeTruthy(), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(listRequests).toBe(1);
  });

  it('pages through the events', async () => {
    const client = await signedInClient(server, 'viewer', 'globex');
    render(<AuditLogViewer hide={{ charts: true }} pageSize={50} />, {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(screen.getByText('Page 1 of 3')).toBeTruthy(), { timeout: 5000 });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.getByText('Page 2 of 3')).toBeTruthy());
  });

  it('loads its volume strip after the rows, as a named figure the Volume button hides', async () => {
    const client = await signedInClient(server, 'viewer', 'acme');
    render(<AuditLogViewer />, { wrapper: wrapperFor(client) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0), { timeout: 5000 });
    const figure = await screen.findByRole('figure', { name: 'Event volume' }, { timeout: 10_000 });
    expect(figure.getAttribute('aria-labelledby')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Volume' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(toggle);
    expect(screen.queryByRole('figure', { name: 'Event volume' })).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('leaves out hidden parts and uses overridden labels', async () => {
    const client = await signedInClient(server, 'viewer', 'acme');
    render(
      <AuditLogViewer
        hide={{ charts: true, export: true, summary: true, liveTail: true }}
        labels={{ nextPage: 'Weiter', previousPage: 'Zurück' }}
      />,
      { wrapper: wrapperFor(client) },
    );
    expect(await screen.findByRole('button', { name: 'Weiter' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Live' })).toBeNull();
  });
});
