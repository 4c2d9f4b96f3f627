'use client';
import { Button } from '../ui/button.js';
import { Select, TextInput } from '../ui/text-input.js';
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { TokenResponse } from '../../client/index.js';
import { useLogin } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';

export interface LoginFormProps {
  /** Tenant filled in at first; users may change it unless `tenants` restricts the choice. */
  defaultTenant?: string;
  /** Offer these tenants in a list instead of a free text field. */
  tenants?: readonly string[];
  onSuccess?: (tokens: TokenResponse) => void;
  labels?: AuditLabelOverrides;
  className?: string;
}

const noSubscription = () => () => {};

/**
 * Username, password and tenant; signs in through `useLogin` and says in words what went wrong.
 * Server-rendered, it cannot be sent until React has hydrated it: a browser submitting the
 * bare form would otherwise put the password in the page's URL (a GET) or post it to the
 * page's server. `method="post"` keeps it out of URLs even if a host enables the button.
 */
export function LoginForm({
  defaultTenant = '',
  tenants,
  onSuccess,
  labels: overrides,
  className,
}: LoginFormProps) {
  const { labels } = useAuditUi(overrides);
  const login = useLogin();
  const [tenant, setTenant] = useState(defaultTenant || tenants?.[0] || '');
  const id = useId();
  const errorId = `${id}-error`;
  // False in server-rendered HTML and during hydration, true once React handles submits.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    login.mutate(
      {
        username: String(data.get('username') ?? ''),
        password: String(data.get('password') ?? ''),
        tenant_id: tenant,
      },
      { onSuccess: (tokens) => onSuccess?.(tokens) },
    );
  };

  const described = login.error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  return (
    <form
      {...rootProps(
        'login-form',
        className,
        login.isPending ? 'pending' : login.error ? 'error' : 'idle',
      )}
      method="post"
      onSubmit={submit}
      aria-busy={login.isPending}
    >
      <label htmlFor={`${id}-username`}>{labels.username}</label>
      <TextInput
        id={`${id}-username`}
        name="username"
        autoComplete="username"
        required
        {...described}
      />
      <label htmlFor={`${id}-password`}>{labels.password}</label>
      <TextInput
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        {...described}
      />
      <label htmlFor={`${id}-tenant`}>{labels.tenantId}</label>
      {tenants ? (
        <Select id={`${id}-tenant`} value={tenant} onChange={(e) => setTenant(e.target.value)}>
          {tenants.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      ) : (
        <TextInput
          id={`${id}-tenant`}
          name="tenant"
          autoComplete="organization"
          required
          value={tenant}
          onChange={(e) => setTenant(e.target.value)}
        />
      )}
      {login.error ? (
        <p id={errorId} role="alert" data-part="error">
          {login.error.message}
        </p>
      ) : null}
      <Button variant="primary" type="submit" disabled={!hydrated || login.isPending}>
        {login.isPending ? labels.signingIn : labels.signIn}
      </Button>
    </form>
  );
}
