// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogClient } from '../../../src/client/index.js';
import { SavedViews } from '../../../src/components/index.js';
import { AuditLogProvider } from '../../../src/hooks/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { freshQueryClient, newClient, signedInClient, testServer } from '../../hooks/setup.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer();
});
beforeEach(() => localStorage.clear());

function Views({ client }: { client: AuditLogClient }) {
  return (
    <AuditLogProvider client={client} queryClient={freshQueryClient()}>
      <SavedViews query={{ severities: ['error'] }} onRecall={() => {}} />
    </AuditLogProvider>
  );
}

const viewButtons = () => screen.queryAllByRole('button', { name: /^Errors only$/ });

async function saveErrorsOnly() {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox'), 'Errors only');
  await user.click(screen.getByRole('button', { name: 'Save view' }));
  await waitFor(() => expect(viewButtons()).toHaveLength(1));
}

describe('saved views in browser storage', () => {
  it('are kept per server, tenant and user: another tenant or user of this browser sees none', async () => {
    const acme = await signedInClient(server, 'viewer', 'acme');
    const first = render(<Views client={acme} />);
    await waitFor(() => expect(screen.getByRole('textbox')).toBeTruthy());
    // Wait until the principal is known, so the view is saved under its key.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await saveErrorsOnly();
    first.unmount();

    const globex = await signedInClient(server, 'viewer', 'globex');
    const second = render(<Views client={globex} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(viewButtons()).toHaveLength(0);
    second.unmount();

    const otherUser = await signedInClient(server, 'manager', 'acme');
    const third = render(<Views client={otherUser} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(viewButtons()).toHaveLength(0);
    third.unmount();

    // The same user of the same tenant, on a later visit, finds the view again.
    render(<Views client={await signedInClient(server, 'viewer', 'acme')} />);
    await waitFor(() => expect(viewButtons()).toHaveLength(1));
    const keys = Object.keys(localStorage);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain('acme');
  });

  it('keeps nothing for nobody while signed out, and says so instead of dropping the view', async () => {
    render(<Views client={newClient(server)} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox'), 'Errors only');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not save the view; its name is kept to try again',
    );
    expect(screen.getByRole('textbox')).toHaveProperty('value', 'Errors only');
    expect(viewButtons()).toHaveLength(0);
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
