// @vitest-environment jsdom
import { focusManager } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuditEvents } from '../../src/hooks/index.js';
import { newClient, testServer, wrapperFor } from './setup.js';

afterEach(() => focusManager.setFocused(undefined));

describe('live events', () => {
  it('polls for new events while the tab is visible and pauses while it is hidden', async () => {
    const server = await testServer({ seed: { eventsPerTenant: 10 } });
    let polls = 0;
    const counting: typeof fetch = (input, init) => {
      if (input instanceof Request && new URL(input.url).pathname === '/api/v1/audit/events')
        polls += 1;
      return server.fetch(input, init);
    };
    const client = newClient(server, counting);
    await client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    const { result } = renderHook(() => useAuditEvents({}, { live: 40 }), {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    const writer = newClient(server);
    await writer.login({ username: 'writer', password: 'audit-demo', tenant_id: 'acme' });
    await writer.createEvent({
      event_type: 'user_action',
      resource_type: 'page',
      action: 'view',
      severity: 'info',
      description: 'Arrives while the list is open',
    });
    await waitFor(() => expect(result.current.data!.total).toBe(11));
    expect(polls).toBeGreaterThan(1);

    act(() => focusManager.setFocused(false)); // what React Query does when the tab is hidden
    const whileHidden = polls;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(polls - whileHidden).toBeLessThanOrEqual(1); // at most the poll already under way
    act(() => focusManager.setFocused(true));
    await waitFor(() => expect(polls).toBeGreaterThan(whileHidden + 1));
  });
});
