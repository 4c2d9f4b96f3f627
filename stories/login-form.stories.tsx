import type { Meta, StoryObj } from '@storybook/react-vite';
import { LoginForm } from 'audit-log-sdk/components';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';

const meta = {
  title: 'Components/LoginForm',
  component: LoginForm,
  args: { defaultTenant: 'acme', onSuccess: fn() },
  parameters: { audit: { signedOut: true } },
} satisfies Meta<typeof LoginForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A mistyped password says so in words; the right one signs in. */
export const WrongThenRightPassword: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const username = canvas.getByLabelText('Username');
    const password = canvas.getByLabelText('Password');
    await userEvent.type(username, 'manager');
    await userEvent.type(password, 'not-the-password');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));

    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/\S/);
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription(alert.textContent ?? '');
    await expect(args.onSuccess).not.toHaveBeenCalled();

    await userEvent.clear(password);
    await userEvent.type(password, 'audit-demo');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledTimes(1));
    await expect(args.onSuccess).toHaveBeenCalledWith(
      expect.objectContaining({ access_token: expect.stringMatching(/./) }),
    );
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** The tenants a host offers appear as a list instead of a free text field. */
export const TenantList: Story = {
  args: { tenants: ['acme', 'globex', 'initech'], defaultTenant: 'globex' },
  play: async ({ canvasElement }) => {
    const tenant = within(canvasElement).getByRole('combobox', { name: 'Tenant' });
    await expect(tenant).toHaveValue('globex');
    await userEvent.selectOptions(tenant, 'initech');
    await expect(tenant).toHaveValue('initech');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Sign in' })).toBeVisible();
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('[data-part="login-form"]')!;
    await expect(form.scrollWidth).toBeLessThanOrEqual(360);
  },
};

export const OverriddenLabels: Story = {
  args: {
    labels: {
      username: 'Benutzername',
      password: 'Passwort',
      tenantId: 'Mandant',
      signIn: 'Anmelden',
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Benutzername')).toBeVisible();
    await expect(canvas.getByLabelText('Passwort')).toBeVisible();
    await expect(canvas.getByLabelText('Mandant')).toHaveValue('acme');
    await expect(canvas.getByRole('button', { name: 'Anmelden' })).toBeEnabled();
  },
};
