import { describe, expect, it } from 'vitest';
import type {
  APIKeyResponse,
  AuditLogEvent,
  TokenResponse,
  UserResponse,
} from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  PASSWORD,
  expectContractErrorShapes,
  expectError,
  expectNoSecretsInErrors,
  expectValidationError,
  makeEvent,
  useContractServer,
  type Session,
} from './helpers.js';

const NEW_PASSWORD = 'Brand-New-Pass-5150-plugh';

describe.each(STORE_KINDS)('sessions, passwords and API keys (%s store)', (kind) => {
  const api = useContractServer(kind);
  api.secrets.add(NEW_PASSWORD);

  /** Whether a token still reads: 200, or 401 once its session has ended. */
  const reads = async (token: string) => (await api.request('/api/v1/auth/me', { token })).status;
  const refreshes = async (tokens: TokenResponse) =>
    (
      await api.request<TokenResponse>('/api/v1/auth/refresh', {
        json: { refresh_token: tokens.refresh_token },
      })
    ).status;

  /** One user signed in twice (two devices). */
  const twoSessions = async (roles: Session['user']['roles'] = ['audit_viewer']) => {
    const first = await api.session(roles);
    const second = await api.login(first.tenant, first.user.username);
    return { first, second };
  };

  describe('changing one’s own password', () => {
    it('requires the current password and refuses a wrong one', async () => {
      const { first } = await twoSessions();
      const change = (json: Record<string, string>) =>
        api.request(`/api/v1/auth/users/${first.user.id}`, {
          ...first.auth,
          method: 'PUT',
          json,
        });
      expectValidationError(await change({ password: NEW_PASSWORD }), 'current_password');
      const wrong = 'Not-The-Password-0000';
      api.secrets.add(wrong);
      expectError(
        await change({ password: NEW_PASSWORD, current_password: wrong }),
        401,
        'authentication_error',
      );
      // Nothing changed: the old password still signs in.
      await api.login(first.tenant, first.user.username, PASSWORD);
    });

    it('ends every other session and keeps the one that changed it', async () => {
      const { first, second } = await twoSessions();
      const answer = await api.request<UserResponse>(`/api/v1/auth/users/${first.user.id}`, {
        ...first.auth,
        method: 'PUT',
        json: { password: NEW_PASSWORD, current_password: PASSWORD },
      });
      expect(answer.status, answer.text).toBe(200);
      expect(await reads(first.tokens.access_token)).toBe(200);
      expect(await reads(second.access_token)).toBe(401);
      expect(await refreshes(second)).toBe(401);
      await api.login(first.tenant, first.user.username, NEW_PASSWORD);
    });
  });

  it('ends every session of a user whose password an admin resets', async () => {
    const admin = await api.session(['tenant_admin']);
    const user = await api.addUser(admin.tenant, ['audit_viewer']);
    const tokens = await api.login(admin.tenant, user.username);
    const reset = await api.request(`/api/v1/auth/users/${user.id}`, {
      ...admin.auth,
      method: 'PUT',
      json: { password: NEW_PASSWORD },
    });
    expect(reset.status, reset.text).toBe(200);
    expect(await reads(tokens.access_token)).toBe(401);
    expect(await refreshes(tokens)).toBe(401);
    expect(await reads(admin.tokens.access_token)).toBe(200);
  });

  it.each(['DELETE', 'PUT is_active=false'])(
    'ends every session on deactivation (%s) and does not revive them on reactivation',
    async (how) => {
      const admin = await api.session(['tenant_admin']);
      const user = await api.addUser(admin.tenant, ['audit_viewer']);
      const tokens = await api.login(admin.tenant, user.username);
      const path = `/api/v1/auth/users/${user.id}`;
      const off =
        how === 'DELETE'
          ? await api.request(path, { ...admin.auth, method: 'DELETE' })
          : await api.request(path, { ...admin.auth, method: 'PUT', json: { is_active: false } });
      expect(off.status, off.text).toBe(200);
      const on = await api.request(path, {
        ...admin.auth,
        method: 'PUT',
        json: { is_active: true },
      });
      expect(on.status, on.text).toBe(200);
      expect(await reads(tokens.access_token)).toBe(401);
      expect(await refreshes(tokens)).toBe(401);
      // A new sign-in works: reactivation restores the account, not the old sessions.
      await api.login(admin.tenant, user.username);
    },
  );

  it.each(['password', '12345678', 'short-pass1'])(
    'refuses %j as a new password: at least 12 characters',
    async (password) => {
      const admin = await api.session(['tenant_admin']);
      const username = api.unique('weak');
      const created = await api.request('/api/v1/auth/users', {
        ...admin.auth,
        json: { username, email: `${username}@example.com`, password, roles: ['audit_viewer'] },
      });
      expectValidationError(created, 'password');
      const changed = await api.request(`/api/v1/auth/users/${admin.user.id}`, {
        ...admin.auth,
        method: 'PUT',
        json: { password, current_password: PASSWORD },
      });
      expectValidationError(changed, 'password');
    },
  );

  describe('API keys', () => {
    it('lists the tenant’s keys by prefix, never the key, with the seed’s fields', async () => {
      const admin = await api.session(['tenant_admin']);
      const made = await api.request<APIKeyResponse>('/api/v1/auth/api-keys', {
        ...admin.auth,
        json: { name: 'ingest', permissions: ['write'] },
      });
      expect(made.status, made.text).toBe(201);
      api.secrets.add(made.body.key!);
      // The fields the seed's Python APIKeyResponse requires, besides the rest.
      expect(made.body).toMatchObject({ user_id: admin.user.id, updated_at: null });
      const other = await api.session(['tenant_admin']);
      await api.apiKey(other, ['read']);

      const listed = await api.request<APIKeyResponse[]>('/api/v1/auth/api-keys', admin.auth);
      expect(listed.status, listed.text).toBe(200);
      const { key: shown, ...listable } = made.body;
      expect(listed.body).toEqual([listable]);
      expect(listed.text).not.toContain(shown!);
      expect(made.body.key!.startsWith(made.body.key_prefix)).toBe(true);
    });

    it('revokes a key at once, and answers 404 for another tenant’s key', async () => {
      const admin = await api.session(['tenant_admin']);
      const key = await api.apiKey(admin, ['read']);
      expect((await api.request('/api/v1/audit/events', key)).status).toBe(200);
      const [listed] = (await api.request<APIKeyResponse[]>('/api/v1/auth/api-keys', admin.auth))
        .body;
      const stranger = await api.session(['tenant_admin']);
      const path = `/api/v1/auth/api-keys/${listed!.id}`;
      expectError(
        await api.request(path, { ...stranger.auth, method: 'DELETE' }),
        404,
        'not_found',
      );
      expect((await api.request('/api/v1/audit/events', key)).status).toBe(200);

      const revoked = await api.request<APIKeyResponse>(path, { ...admin.auth, method: 'DELETE' });
      expect(revoked.status, revoked.text).toBe(200);
      expect(revoked.body).toMatchObject({ id: listed!.id, is_active: false });
      expect(revoked.body.updated_at).not.toBeNull();
      expect(revoked.body.key).toBeUndefined();
      expectError(await api.request('/api/v1/audit/events', key), 401, 'authentication_error');
    });

    it('lets only user managers list and revoke keys', async () => {
      const viewer = await api.session(['audit_viewer']);
      expectError(
        await api.request('/api/v1/auth/api-keys', viewer.auth),
        403,
        'authorization_error',
      );
      expectError(
        await api.request(`/api/v1/auth/api-keys/${crypto.randomUUID()}`, {
          ...viewer.auth,
          method: 'DELETE',
        }),
        403,
        'authorization_error',
      );
    });

    it('refuses clearly when a system admin mints a key for another tenant', async () => {
      const root = await api.session(['system_admin']);
      const other = api.unique('tenant');
      const answer = await api.request('/api/v1/auth/api-keys', {
        ...root.auth,
        tenant: other,
        json: { name: 'elsewhere', permissions: ['read'] },
      });
      const body = expectError(answer, 403, 'authorization_error');
      expect(body.message).toContain(other);
      // Minting in the admin's own tenant works, and the key works.
      const own = await api.apiKey(root, ['read']);
      expect((await api.request('/api/v1/audit/events', own)).status).toBe(200);
    });
  });

  describe('idempotency keys', () => {
    it('are scoped to the principal: another credential’s replay is a new request', async () => {
      const manager = await api.session(['tenant_admin']);
      const writeKey = await api.apiKey(manager, ['write']);
      const key = api.unique('idem');
      const secret = makeEvent({ description: 'manager-only detail' });
      const first = await api.request<AuditLogEvent>('/api/v1/audit/events', {
        ...manager.auth,
        json: secret,
        headers: { 'Idempotency-Key': key },
      });
      expect(first.status).toBe(201);
      const replay = await api.request<AuditLogEvent>('/api/v1/audit/events', {
        ...writeKey,
        json: secret,
        headers: { 'Idempotency-Key': key },
      });
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBeNull();
      expect(replay.body.id).not.toBe(first.body.id);
      // The same principal still replays its own request.
      const again = await api.request<AuditLogEvent>('/api/v1/audit/events', {
        ...manager.auth,
        json: secret,
        headers: { 'Idempotency-Key': key },
      });
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    });
  });

  it('never puts a password, token or API key in an error answer', () => {
    expectNoSecretsInErrors(api);
    expectContractErrorShapes(api);
  });
});
