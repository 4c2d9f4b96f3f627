import { describe, expect, it } from 'vitest';
import type { TokenResponse, UserResponse } from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  PASSWORD,
  expectError,
  expectContractErrorShapes,
  expectNoSecretsInErrors,
  useContractServer,
  type ContractApi,
} from './helpers.js';

const refresh = (api: ContractApi, refreshToken: string) =>
  api.request<TokenResponse>('/api/v1/auth/refresh', { json: { refresh_token: refreshToken } });

const me = (api: ContractApi, accessToken: string) =>
  api.request<UserResponse>('/api/v1/auth/me', { token: accessToken });

describe.each(STORE_KINDS)('signing in and sessions (%s store)', (kind) => {
  const api = useContractServer(kind);

  it('answers a bearer token pair with its lifetime after a good login', async () => {
    const tenant = api.unique('tenant');
    const user = await api.addUser(tenant, ['audit_viewer']);
    const answer = await api.request<TokenResponse>('/api/v1/auth/login', {
      json: { username: user.username, password: PASSWORD, tenant_id: tenant },
    });
    expect(answer.status).toBe(200);
    api.remember(answer.body);
    expect(answer.body).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'bearer',
    });
    expect(Number.isInteger(answer.body.expires_in)).toBe(true);
    expect(answer.body.expires_in).toBeGreaterThan(0);
    expect(answer.body.access_token).not.toBe(answer.body.refresh_token);
    expect((await me(api, answer.body.access_token)).status).toBe(200);
  });

  it('refuses a wrong password, an unknown user, another tenant or a deactivated user alike', async () => {
    const tenant = api.unique('tenant');
    const otherTenant = api.unique('tenant');
    const user = await api.addUser(tenant, ['audit_viewer']);
    const inactive = await api.addUser(tenant, ['audit_viewer'], { isActive: false });
    const wrongPassword = 'Wrong-Pass-5521-plugh';
    api.secrets.add(wrongPassword);
    const attempts = [
      { username: user.username, password: wrongPassword, tenant_id: tenant },
      { username: api.unique('nobody'), password: PASSWORD, tenant_id: tenant },
      { username: user.username, password: PASSWORD, tenant_id: otherTenant },
      { username: inactive.username, password: PASSWORD, tenant_id: tenant },
    ];
    const messages = new Set<string>();
    for (const attempt of attempts) {
      const answer = await api.request('/api/v1/auth/login', { json: attempt });
      messages.add(expectError(answer, 401, 'authentication_error').message);
    }
    // One message for every failure, so a caller cannot tell which names or tenants exist.
    expect(messages.size).toBe(1);
  });

  it('refuses an API request without credentials', async () => {
    const answer = await api.request('/api/v1/audit/events');
    expectError(answer, 401, 'authentication_error');
  });

  it('refuses a forged or malformed bearer token', async () => {
    const session = await api.session(['audit_viewer']);
    const [header = '', payload = ''] = session.tokens.access_token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    api.secrets.add(forged);
    for (const token of [forged, 'not-a-jwt', session.tokens.refresh_token]) {
      expectError(await me(api, token), 401, 'authentication_error');
    }
  });

  it('shows the signed-in user at /me, without a password hash', async () => {
    const session = await api.session(['audit_manager']);
    const answer = await me(api, session.tokens.access_token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: session.user.id,
      tenant_id: session.tenant,
      username: session.user.username,
      email: session.user.email,
      full_name: session.user.full_name,
      roles: ['audit_manager'],
      is_active: true,
      created_at: expect.stringMatching(/Z$/),
      updated_at: null,
      last_login_at: expect.stringMatching(/Z$/),
    });
    expect(answer.text).not.toContain('pbkdf2');
  });

  it('rotates refresh tokens: the new pair works and the used refresh token is refused', async () => {
    const session = await api.session(['audit_viewer']);
    const first = await refresh(api, session.tokens.refresh_token);
    expect(first.status).toBe(200);
    api.remember(first.body);
    expect(first.body.token_type).toBe('bearer');
    expect(first.body.refresh_token).not.toBe(session.tokens.refresh_token);
    expect((await me(api, first.body.access_token)).status).toBe(200);

    const second = await refresh(api, first.body.refresh_token);
    expect(second.status).toBe(200);
    api.remember(second.body);
    expect((await me(api, second.body.access_token)).status).toBe(200);
  });

  it('ends the whole session when a used refresh token comes back', async () => {
    const session = await api.session(['audit_viewer']);
    const rotated = await refresh(api, session.tokens.refresh_token);
    expect(rotated.status).toBe(200);
    api.remember(rotated.body);

    const replay = await refresh(api, session.tokens.refresh_token);
    expectError(replay, 401, 'authentication_error');
    // Whoever holds the newer token is cut off too: the leak could have gone either way.
    expectError(await refresh(api, rotated.body.refresh_token), 401, 'authentication_error');
    expectError(await me(api, rotated.body.access_token), 401, 'authentication_error');
  });

  it('refuses a refresh token it never issued', async () => {
    const invented = 'invented-refresh-token-0000000000000000';
    api.secrets.add(invented);
    expectError(await refresh(api, invented), 401, 'authentication_error');
  });

  it('revokes the refresh token on logout without a body', async () => {
    const session = await api.session(['audit_viewer']);
    const answer = await api.request('/api/v1/auth/logout', {
      method: 'POST',
      token: session.tokens.access_token,
    });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expectError(await refresh(api, session.tokens.refresh_token), 401, 'authentication_error');
  });

  it('revokes the refresh token on logout with it in the body', async () => {
    const session = await api.session(['audit_viewer']);
    const answer = await api.request('/api/v1/auth/logout', {
      token: session.tokens.access_token,
      json: { refresh_token: session.tokens.refresh_token },
    });
    expect(answer.status).toBe(204);
    expectError(await refresh(api, session.tokens.refresh_token), 401, 'authentication_error');
  });

  it('keeps the same user signed in elsewhere after one login logs out', async () => {
    const session = await api.session(['audit_viewer']);
    const elsewhere = await api.login(session.tenant, session.user.username);
    const out = await api.request('/api/v1/auth/logout', {
      method: 'POST',
      token: session.tokens.access_token,
    });
    expect(out.status).toBe(204);
    const stillIn = await refresh(api, elsewhere.refresh_token);
    expect(stillIn.status).toBe(200);
    api.remember(stillIn.body);
  });

  it('refuses a logout without credentials', async () => {
    const answer = await api.request('/api/v1/auth/logout', { method: 'POST' });
    expectError(answer, 401, 'authentication_error');
  });

  it('locks out a user deactivated after signing in, access and refresh token alike', async () => {
    const admin = await api.session(['tenant_admin']);
    const victim = await api.session(['audit_viewer'], admin.tenant);
    expect((await me(api, victim.tokens.access_token)).status).toBe(200);

    const removed = await api.request<UserResponse>(`/api/v1/auth/users/${victim.user.id}`, {
      ...admin.auth,
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
    expect(removed.body.is_active).toBe(false);

    expectError(await me(api, victim.tokens.access_token), 401, 'authentication_error');
    expectError(await refresh(api, victim.tokens.refresh_token), 401, 'authentication_error');
    const login = await api.request('/api/v1/auth/login', {
      json: { username: victim.user.username, password: PASSWORD, tenant_id: victim.tenant },
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
    let clock = Date.parse('2026-05-01T12:00:00Z');
    const timed = useContractServer(kind, { now: () => clock });

    it('refuses an access token once expires_in seconds have passed, and refresh renews it', async () => {
      const session = await timed.session(['audit_viewer']);
      const lifetime = session.tokens.expires_in ?? 0;
      expect(lifetime).toBeGreaterThan(0);

      clock += (lifetime - 5) * 1000;
      expect((await me(timed, session.tokens.access_token)).status).toBe(200);

      clock += 10 * 1000;
      expectError(await me(timed, session.tokens.access_token), 401, 'authentication_error');

      const renewed = await refresh(timed, session.tokens.refresh_token);
      expect(renewed.status).toBe(200);
      timed.remember(renewed.body);
      expect((await me(timed, renewed.body.access_token)).status).toBe(200);
    });
  });
});
