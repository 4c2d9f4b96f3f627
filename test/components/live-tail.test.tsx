// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LiveTail } from '../../src/components/index.js';
import { newClient, signedInClient, testServer, wrapperFor } from '../hooks/setup.js';

describe('LiveTail', () => {
  it('counts events newer than those on screen and offers them instead of shifting rows', async () => {
    const server = await testServer({ seed: { eventsPerTenant: 20 } });
    const reader = await signedInClient(server, 'viewer', 'acme');
    const newest = (await reader.queryEvents({}, { size: 1 })).items[0]!.timestamp;
    const onShowNew = vi.fn();
    function Harness() {
      const [enabled, setEnabled] = useState(false);
      return (
        <LiveTail
          query={{}}
          since={newest}
          enabled={enabled}
          onEnabledChange={setEnabled}
          onShowNew={onShowNew}
          interval={40}
        />
      );
    }
    render(<Harness />, { wrapper: wrapperFor(reader) });
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: 'Live' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');

    const writer = newClient(server);
    await writer.login({ username: 'writer', password: 'audit-demo', tenant_id: 'acme' });
    for (let i = 0; i < 2; i++) {
      await writer.createEvent({
        event_type: 'api_call',
        resource_type: 'r',
        action: 'a',
        severity: 'info',
        description: `new ${i}`,
      });
    }
    const offer = await screen.findByRole('button', { name: '2 new events' }, { timeout: 3000 });
    await user.click(offer);
    expect(onShowNew).toHaveBeenCalledTimes(1);

    await user.click(toggle);
    await waitFor(() => expect(screen.queryByRole('button', { name: /new events/ })).toBeNull());
  });
});
