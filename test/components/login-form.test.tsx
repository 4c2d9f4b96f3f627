// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditUiProvider, LoginForm } from '../../src/components/index.js';
import type { AuditLogTestServer } from '../../src/server/index.js';
import { newClient, testServer, wrapperFor } from '../hooks/setup.js';
import { axeViolations } from './axe.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 5 } });
});

describe('LoginForm', () => {
  it('signs in with username, password and tenant, and reports success', async () => {
    const client = newClient(server);
    const onSuccess = vi.fn();
    const Wrapper = wrapperFor(client);
    const { container } = render(<LoginForm defaultTenant="acme" onSuccess={onSuccess} />, {
      wrapper: Wrapper,
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'viewer');
    await user.type(screen.getByLabelText('Password'), 'audit-demo');
    expect(screen.getByLabelText('Tenant')).toHaveProperty('value', 'acme');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(client.tenantId).toBe('acme');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says in words what went wrong, tied to the fields', async () => {
    const Wrapper = wrapperFor(newClient(server));
    render(<LoginForm tenants={['acme', 'globex']} />, { wrapper: Wrapper });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'viewer');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.selectOptions(screen.getByLabelText('Tenant'), 'globex');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Username, password or tenant is wrong');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('uses overridden labels', () => {
    const Wrapper = wrapperFor(newClient(server));
    render(
      <AuditUiProvider labels={{ username: 'Benutzername', signIn: 'Anmelden' }}>
        <LoginForm labels={{ password: 'Passwort' }} />
      </AuditUiProvider>,
      { wrapper: Wrapper },
    );
    expect(screen.getByLabelText('Benutzername')).toBeTruthy();
    expect(screen.getByLabelText('Passwort')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Anmelden' })).toBeTruthy();
  });
});
