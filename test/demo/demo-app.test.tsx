// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DemoApp } from '../../demo/app/demo-app.js';
import { createAuditLogTestServer } from '../../src/server/index.js';

beforeEach(() => {
  sessionStorage.clear();
  window.location.hash = '';
});

async function signIn(username: string, tenant: string) {
  const server = await createAuditLogTestServer({ seed: { eventsPerTenant: 60 } });
  render(<DemoApp baseUrl={server.baseUrl} fetch={server.fetch} />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), 'audit-demo');
  await user.selectOptions(screen.getByLabelText('Tenant'), tenant);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('demo app', () => {
  it('signs in to the viewer, and signs out back to the login', async () => {
    const user = await signIn('manager', 'globex');
    await waitFor(() => expect(screen.getByText('Tenant: globex')).toBeTruthy(), { timeout: 5000 });
    await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(3), {
      timeout: 5000,
    });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('lets the system admin switch tenant, showing only that tenant’s rows', async () => {
    const user = await signIn('root', 'acme');
    // The login form's own tenant list goes away with it; wait for the signed-in page.
    await screen.findByRole('button', { name: 'Sign out' }, { timeout: 5000 });
    await waitFor(() => expect(screen.getAllByText(/@acme\.example/).length).toBeGreaterThan(0), {
      timeout: 5000,
    });
    // The tenant menu follows the session's roles, which arrive with their own request.
    const tenants = await screen.findByRole('combobox', { name: 'Tenant' }, { timeout: 5000 });
    await user.selectOptions(tenants, 'initech');
    await waitFor(
      () => expect(screen.getAllByText(/@initech\.example/).length).toBeGreaterThan(0),
      { timeout: 5000 },
    );
    expect(screen.queryAllByText(/@acme\.example/)).toHaveLength(0);
  });
});
