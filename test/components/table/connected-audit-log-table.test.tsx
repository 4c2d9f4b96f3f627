// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogClient } from '../../../src/client/index.js';
import {
  ConnectedAuditLogTable,
  type AuditLogColumn,
} from '../../../src/components/table/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { newClient, testServer, wrapperFor } from '../../hooks/setup.js';

// jsdom has no layout and no Element#scrollTo; scrolling is a no-op here.
Element.prototype.scrollTo ??= function scrollTo() {};

const tenantColumn: AuditLogColumn[] = [
  { id: 'tenant', header: 'Tenant', cell: (event) => event.tenant_id },
];
const bodyRows = () =>
  screen.getAllByRole('row').filter((row) => row.closest('[data-part="body"]'));
const column = (id: string) =>
  bodyRows().map((row) => row.querySelector(`[data-column="${id}"]`)?.textContent ?? '');

let server: AuditLogTestServer;
let viewer: AuditLogClient;
const requests: URL[] = [];

beforeAll(async () => {
  server = await testServer({ latencyMs: 20 });
  viewer = newClient(server, (input, init) => {
    requests.push(new URL(input instanceof Request ? input.url : String(input)));
    return server.fetch(input, init);
  });
  await viewer.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
});

describe('ConnectedAuditLogTable', () => {
  it("shows one page of the signed-in tenant's events, newest first", async () => {
    const expected = await viewer.queryEvents({}, { page: 1, size: 10 });
    render(<ConnectedAuditLogTable size={10} columns={tenantColumn} />, {
      wrapper: wrapperFor(viewer),
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(10));
    expect(new Set(column('tenant'))).toEqual(new Set(['acme']));
    expect(column('action')).toEqual(expected.items.map((event) => event.action));
    expect(screen.getByRole('columnheader', { name: 'Time' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
  });

  it('asks the server for the new order when a header is clicked, keeping the rows meanwhile', async () => {
    const user = userEvent.setup();
    const { container } = render(<ConnectedAuditLogTable size={10} />, {
      wrapper: wrapperFor(viewer),
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(10));
    const before = column('action');
    requests.length = 0;

    const action = screen.getByRole('columnheader', { name: 'Action' });
    await user.click(within(action).getByRole('button'));
    // The previous rows stay on screen while the sorted page loads.
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('loading');
    expect(column('action')).toEqual(before);

    await waitFor(() =>
      expect(container.firstElementChild?.getAttribute('data-state')).toBe('ready'),
    );
    const listing = requests.find((url) => url.pathname.endsWith('/events'))!;
    expect(listing.searchParams.get('sort_by')).toBe('action');
    expect(listing.searchParams.get('sort_order')).toBe('desc');
    const expected = await viewer.queryEvents(
      { sort_by: 'action', sort_order: 'desc' },
      { page: 1, size: 10 },
    );
    expect(column('action')).toEqual(expected.items.map((event) => event.action));
    expect(action.getAttribute('aria-sort')).toBe('descending');
  });
});
