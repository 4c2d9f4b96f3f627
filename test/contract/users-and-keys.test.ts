import { describe, expect, it } from 'vitest';
import type {
  APIKeyResponse,
  ApiKeyPermission,
  UserResponse,
  UserRole,
} from '../../src/contract/schemas/index.js';
import { hashApiKey } from '../../src/server/auth/api-keys.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  PASSWORD,
  expectError,
  expectContractErrorShapes,
  expectNoSecretsInErrors,
  expectValidationError,
  makeEvent,
  useContractServer,
  type Answer,
  type ContractApi,
  type Credentials,
} from './helpers.js';

type Operation =
  | 'read events'
  | 'read the summary'
  | 'write events'
  | 'export events'
  | 'manage users'
  | 'create API keys'
  | 'start viewer sessions';

/** Each operation as one request, and the status it answers when allowed. */
const OPERATIONS: Record<
  Operation,
  { ok: number; call: (api: ContractApi, auth: Credentials) => Promise<Answer<unknown>> }
> = {
  'read events': { ok: 200, call: (api, auth) => api.request('/api/v1/audit/events', auth) },
  'read the summary': { ok: 200, call: (api, auth) => api.request('/api/v1/audit/summary', auth) },
  'write events': {
    ok: 201,
    call: (api, auth) => api.request('/api/v1/audit/events', { ...auth, json: makeEvent() }),
  },
  'export events': {
    ok: 200,
    call: (api, auth) =>
      api.request('/api/v1/audit/events/export', { ...auth, query: { format: 'json' } }),
  },
  'manage users': {
    ok: 201,
    call: (api, auth) => {
      const username = api.unique('made');
      return api.request('/api/v1/auth/users', {
        ...auth,
        json: {
          username,
          email: `${username}@example.com`,
          password: PASSWORD,
          roles: ['audit_viewer'],
        },
      });
    },
  },
  'start viewer sessions': {
    ok: 201,
    call: async (api, auth) => {
      const answer = await api.request<{ access_token?: string }>('/api/v1/auth/viewer-sessions', {
        ...auth,
        json: { subject: { id: 'customer-admin' }, permissions: ['read'] },
      });
      if (answer.body?.access_token) api.secrets.add(answer.body.access_token);
      return answer;
    },
  },
  'create API keys': {
    ok: 201,
    call: async (api, auth) => {
      const answer = await api.request<APIKeyResponse>('/api/v1/auth/api-keys', {
        ...auth,
        json: { name: api.unique('key'), permissions: ['read'] },
      });
      if (answer.body?.key) api.secrets.add(answer.body.key);
      return answer;
    },
  },
};

/** The contract's permission table. */
const ALLOWED: Record<UserRole, Operation[]> = {
  system_admin: Object.keys(OPERATIONS) as Operation[],
  tenant_admin: Object.keys(OPERATIONS) as Operation[],
  audit_manager: ['read events', 'read the summary', 'write events', 'export events'],
  audit_viewer: ['read events', 'read the summary'],
  api_user: ['write events'],
};

const ROLE_CASES = (Object.keys(ALLOWED) as UserRole[]).flatMap((role) =>
  (Object.keys(OPERATIONS) as Operation[]).map((operation) => {
    const allowed = ALLOWED[role].includes(operation);
    return { role, operation, allowed, verb: allowed ? 'lets' : 'forbids' };
  }),
);

const KEY_ALLOWED: Record<ApiKeyPermission, Operation[]> = {
  read: ['read events', 'read the summary'],
  write: ['write events'],
  export: ['export events'],
  // Minting needs the rights it grants too; alone it grants nothing (see viewer-sessions).
  embed: [],
};

const KEY_CASES = (Object.keys(KEY_ALLOWED) as ApiKeyPermission[]).flatMap((permission) =>
  (
    [
      'read events',
      'read the summary',
      'write events',
      'export events',
      'start viewer sessions',
    ] as Operation[]
  ).map((operation) => {
    const allowed = KEY_ALLOWED[permission].includes(operation);
    return { permission, operation, allowed, verb: allowed ? 'lets' : 'forbids' };
  }),
);

describe.each(STORE_KINDS)('roles, users and API keys (%s store)', (kind) => {
  const api = useContractServer(kind);

  it.each(ROLE_CASES)('$verb a $role user $operation', async ({ role, operation, allowed }) => {
    const session = await api.session([role]);
    const answer = await OPERATIONS[operation].call(api, session.auth);
    if (allowed) expect(answer.status, answer.text).toBe(OPERATIONS[operation].ok);
    else expectError(answer, 403, 'authorization_error');
  });

  it.each(KEY_CASES)(
    '$verb an API key with "$permission" permission $operation',
    async ({ permission, operation, allowed }) => {
      const admin = await api.session(['tenant_admin']);
      const key = await api.apiKey(admin, [permission]);
      const answer = await OPERATIONS[operation].call(api, key);
      if (allowed) expect(answer.status, answer.text).toBe(OPERATIONS[operation].ok);
      else expectError(answer, 403, 'authorization_error');
    },
  );

  it('forbids an API key to manage users or mint further keys', async () => {
    const admin = await api.session(['tenant_admin']);
    const key = await api.apiKey(admin, ['read', 'write', 'export']);
    expectError(await OPERATIONS['manage users'].call(api, key), 403, 'authorization_error');
    expectError(await OPERATIONS['create API keys'].call(api, key), 403, 'authorization_error');
  });

  it('lets a tenant admin create a key with every permission, usable at once', async () => {
    const admin = await api.session(['tenant_admin']);
    const answer = await api.request<APIKeyResponse>('/api/v1/auth/api-keys', {
      ...admin.auth,
      json: { name: 'ingest', permissions: ['read', 'write', 'export'] },
    });
    expect(answer.status).toBe(201);
    const key = answer.body.key!;
    api.secrets.add(key);
    expect(answer.body).toMatchObject({
      id: expect.any(String),
      name: 'ingest',
      tenant_id: admin.tenant,
      permissions: ['read', 'write', 'export'],
      is_active: true,
    });
    const written = await api.postEvent({ apiKey: key, tenant: admin.tenant }, makeEvent());
    expect(written.tenant_id).toBe(admin.tenant);
  });

  it('refuses an audit manager any API key, even one within its own rights', async () => {
    const manager = await api.session(['audit_manager']);
    for (const permission of ['read', 'write', 'export'] as const) {
      const answer = await api.request('/api/v1/auth/api-keys', {
        ...manager.auth,
        json: { name: 'mine', permissions: [permission] },
      });
      expectError(answer, 403, 'authorization_error');
    }
  });

  it('shows the key only in the answer that created it, and never stores it', async () => {
    const admin = await api.session(['tenant_admin']);
    const created = await api.request<APIKeyResponse>('/api/v1/auth/api-keys', {
      ...admin.auth,
      json: { name: 'shown-once', permissions: ['read', 'write'] },
    });
    expect(created.status).toBe(201);
    const key = created.body.key!;
    api.secrets.add(key);
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(key.startsWith(created.body.key_prefix)).toBe(true);
    expect(created.body.key_prefix.length).toBeLessThan(key.length);

    const auth = { apiKey: key, tenant: admin.tenant };
    const written = await api.request('/api/v1/audit/events', { ...auth, json: makeEvent() });
    const read = await api.request('/api/v1/audit/events', auth);
    for (const answer of [written, read]) {
      expect(answer.status).toBeLessThan(300);
      expect(answer.text).not.toContain(key);
    }
    const stored = await api.store.findApiKeyByHash(await hashApiKey(key));
    expect(stored).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain(key);
  });

  it('refuses an API key sent with another tenant, no tenant, or one it never issued', async () => {
    const admin = await api.session(['tenant_admin']);
    const other = await api.session(['tenant_admin']);
    const key = await api.apiKey(admin, ['read']);
    const invented = `alk_${'x'.repeat(43)}`;
    api.secrets.add(invented);
    const attempts: Credentials[] = [
      { apiKey: key.apiKey!, tenant: other.tenant },
      { apiKey: key.apiKey! },
      { apiKey: invented, tenant: admin.tenant },
    ];
    for (const auth of attempts) {
      expectError(await api.request('/api/v1/audit/events', auth), 401, 'authentication_error');
    }
  });

  it('creates a user who can then sign in, and never shows the password', async () => {
    const admin = await api.session(['tenant_admin']);
    const username = api.unique('new');
    const answer = await api.request<UserResponse>('/api/v1/auth/users', {
      ...admin.auth,
      json: {
        username,
        email: `${username}@example.com`,
        password: PASSWORD,
        full_name: 'New Person',
        roles: ['audit_viewer', 'api_user'],
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      tenant_id: admin.tenant,
      username,
      email: `${username}@example.com`,
      full_name: 'New Person',
      roles: ['audit_viewer', 'api_user'],
      is_active: true,
      created_at: expect.stringMatching(/Z$/),
      updated_at: null,
      last_login_at: null,
    });
    expect(answer.text).not.toContain(PASSWORD);
    const tokens = await api.login(admin.tenant, username);
    expect(tokens.token_type).toBe('bearer');
  });

  it('refuses a second user with a username already taken in the tenant', async () => {
    const admin = await api.session(['tenant_admin']);
    const taken = await api.addUser(admin.tenant, ['audit_viewer']);
    const answer = await api.request('/api/v1/auth/users', {
      ...admin.auth,
      json: {
        username: taken.username,
        email: 'someone@example.com',
        password: PASSWORD,
        roles: ['audit_viewer'],
      },
    });
    expectError(answer, 409, 'conflict');
  });

  it('names the fields of an invalid new user', async () => {
    const admin = await api.session(['tenant_admin']);
    const shortPassword = 'Qz7!sh';
    api.secrets.add(shortPassword);
    const answer = await api.request('/api/v1/auth/users', {
      ...admin.auth,
      json: { username: 'ok-name', email: 'not-an-email', password: shortPassword, roles: [] },
    });
    expectValidationError(answer, 'email');
    expectValidationError(answer, 'password');
    expectValidationError(answer, 'roles');
  });

  it('reads, updates and deactivates a user of the tenant', async () => {
    const admin = await api.session(['tenant_admin']);
    const user = await api.addUser(admin.tenant, ['audit_viewer']);
    const path = `/api/v1/auth/users/${user.id}`;

    const read = await api.request<UserResponse>(path, admin.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: user.id, username: user.username, is_active: true });

    const updated = await api.request<UserResponse>(path, {
      ...admin.auth,
      method: 'PUT',
      json: { email: 'changed@example.com', full_name: 'Changed Name', roles: ['audit_manager'] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      email: 'changed@example.com',
      full_name: 'Changed Name',
      roles: ['audit_manager'],
      updated_at: expect.stringMatching(/Z$/),
    });
    expect((await api.request<UserResponse>(path, admin.auth)).body.roles).toEqual([
      'audit_manager',
    ]);

    const removed = await api.request<UserResponse>(path, { ...admin.auth, method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body.is_active).toBe(false);
    const login = await api.request('/api/v1/auth/login', {
      json: { username: user.username, password: PASSWORD, tenant_id: admin.tenant },
    });
    expectError(login, 401, 'authentication_error');
  });

  it('answers 404 for a user id that does not exist', async () => {
    const admin = await api.session(['tenant_admin']);
    const answer = await api.request(`/api/v1/auth/users/${crypto.randomUUID()}`, admin.auth);
    expectError(answer, 404, 'not_found');
  });

  it('forbids a tenant admin to grant system_admin, on creation or update', async () => {
    const admin = await api.session(['tenant_admin']);
    const created = await api.request('/api/v1/auth/users', {
      ...admin.auth,
      json: {
        username: api.unique('climber'),
        email: 'climber@example.com',
        password: PASSWORD,
        roles: ['system_admin'],
      },
    });
    expectError(created, 403, 'authorization_error');

    const user = await api.addUser(admin.tenant, ['audit_viewer']);
    const updated = await api.request(`/api/v1/auth/users/${user.id}`, {
      ...admin.auth,
      method: 'PUT',
      json: { roles: ['tenant_admin', 'system_admin'] },
    });
    expectError(updated, 403, 'authorization_error');
    const stored = await api.store.getUser(admin.tenant, user.id);
    expect(stored?.roles).toEqual(['audit_viewer']);

    const self = await api.request(`/api/v1/auth/users/${admin.user.id}`, {
      ...admin.auth,
      method: 'PUT',
      json: { roles: ['system_admin'] },
    });
    expectError(self, 403, 'authorization_error');
  });

  it('lets a system admin grant system_admin', async () => {
    const root = await api.session(['system_admin']);
    const answer = await api.request<UserResponse>('/api/v1/auth/users', {
      ...root.auth,
      json: {
        username: api.unique('root'),
        email: 'root2@example.com',
        password: PASSWORD,
        roles: ['system_admin'],
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.roles).toEqual(['system_admin']);
  });

  it("stops an API key from writing once its creator's roles no longer allow writing", async () => {
    const creator = await api.session(['tenant_admin']);
    const root = await api.session(['tenant_admin'], creator.tenant);
    const key = await api.apiKey(creator, ['read', 'write']);
    await api.postEvent(key, makeEvent({ description: 'while allowed' }));

    const demoted = await api.request(`/api/v1/auth/users/${creator.user.id}`, {
      ...root.auth,
      method: 'PUT',
      json: { roles: ['audit_viewer'] },
    });
    expect(demoted.status).toBe(200);
    // The contract: a key never exceeds what its creator's roles allow.
    const write = await api.request('/api/v1/audit/events', { ...key, json: makeEvent() });
    expectError(write, 403, 'authorization_error');
    expect((await api.request('/api/v1/audit/events', key)).status).toBe(200);
  });

  it('forbids a tenant admin to take over a system admin of its tenant by resetting the password', async () => {
    const admin = await api.session(['tenant_admin']);
    const root = await api.addUser(admin.tenant, ['system_admin']);
    const chosen = 'Taken-Over-4242-grue';
    api.secrets.add(chosen);
    const reset = await api.request(`/api/v1/auth/users/${root.id}`, {
      ...admin.auth,
      method: 'PUT',
      json: { password: chosen },
    });
    expectError(reset, 403, 'authorization_error');
    const login = await api.request('/api/v1/auth/login', {
      json: { username: root.username, password: chosen, tenant_id: admin.tenant },
    });
    expectError(login, 401, 'authentication_error');
  });

  it('never puts a password, token or API key in an error answer', () => {
    expectNoSecretsInErrors(api);
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });

  describe('with a clock the test moves', () => {
    let clock = Date.parse('2026-07-01T00:00:00Z');
    const timed = useContractServer(kind, { now: () => clock });

    it('refuses an API key after its expiry time', async () => {
      const admin = await timed.session(['tenant_admin']);
      const created = await timed.request<APIKeyResponse>('/api/v1/auth/api-keys', {
        ...admin.auth,
        json: {
          name: 'short-lived',
          permissions: ['read'],
          expires_at: new Date(clock + 60_000).toISOString(),
        },
      });
      expect(created.status).toBe(201);
      timed.secrets.add(created.body.key!);
      const auth = { apiKey: created.body.key!, tenant: admin.tenant };
      expect((await timed.request('/api/v1/audit/events', auth)).status).toBe(200);

      clock += 61_000;
      expectError(await timed.request('/api/v1/audit/events', auth), 401, 'authentication_error');
      expectNoSecretsInErrors(timed);
    });
  });
});
