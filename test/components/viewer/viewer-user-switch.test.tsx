// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLogViewer } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { newClient, testServer, wrapperFor } from '../../hooks/setup.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 120 } });
});

describe('AuditLogViewer across a change of user', () => {
  it('never shows the previous tenant’s rows once its user logs out, though its requests were still on their way', async () => {
    // Event lists answer slowly, so the old user's next page is still on its way while that
    // user logs out and the next one logs in.
    const slow: typeof fetch = async (input, init) => {
      const response = await server.fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/api/v1/audit/events') {
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return response;
    };
    const client = newClient(server, slow);
    await client.login({ username: 'manager', password: 'audit-demo', tenant_id: 'acme' });
    const { container } = render(<AuditLogViewer hide={{ charts: true }} pageSize={20} />, {
      wrapper: wrapperFor(client),
    });
    const grid = () => container.querySelector('[role="grid"]')?.textContent ?? '';
    await waitFor(() => expect(grid()).toContain('@acme.example'), { timeout: 5000 });

    const seen: string[] = [];
    let switching = false;
    const observer = new MutationObserver(() => {
      if (switching) seen.push(grid());
    });
    observer.observe(container, { childList: true, subtree: true, characterData: true });

    await userEvent.setup().click(screen.getByRole('button', { name: 'Next page' }));
    await act(() => client.logout());
    // From here on the old user is gone: not a row of theirs may show, now or later.
    switching = true;
    expect(grid()).not.toContain('@acme.example');
    await act(() =>
      client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'globex' }),
    );
    await waitFor(() => expect(grid()).toContain('@globex.example'), { timeout: 5000 });
    // Long enough for acme's page 2 to have come back, had it not been cancelled.
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    observer.disconnect();

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((text) => text.includes('@acme.example'))).toEqual([]);
  });
});
