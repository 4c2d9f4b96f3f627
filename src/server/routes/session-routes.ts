import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import {
  LoginRequestSchema,
  LogoutRequestSchema,
  RefreshRequestSchema,
  type TokenResponse,
} from '../../contract/schemas/index.js';
import { randomToken, newId, sha256Hex } from '../auth/crypto-utils.js';
import { authenticationError, authorizationError, rateLimitError } from '../http/api-error.js';
import { authenticate } from '../http/authenticate.js';
import { limitBody, readJson } from '../http/body.js';
import { clientAddress } from '../http/client-address.js';
import type { AppEnv, AppState } from '../http/context.js';
import { parseJsonBody } from '../http/request-input.js';
import type { UserRecord } from '../store/types.js';
import { toUserResponse } from './user-response.js';

const LOGIN_FAILED = 'Username, password or tenant is wrong';

/** Mints an access token and a fresh refresh token for one session. */
async function issueTokens(
  state: AppState,
  user: UserRecord,
  sessionId: string,
): Promise<TokenResponse> {
  const refreshToken = randomToken(32);
  await state.store.insertRefreshToken({
    token_hash: await sha256Hex(refreshToken),
    session_id: sessionId,
    expires_at: new Date(state.now() + state.refreshTokenTtlMs).toISOString(),
    used_at: null,
  });
  const accessToken = await state.accessTokens.sign({
    userId: user.id,
    tenantId: user.tenant_id,
    sessionId,
    roles: user.roles,
  });
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: 'bearer',
    expires_in: state.accessTokens.ttlSeconds,
  };
}

export function registerSessionRoutes(app: Hono<AppEnv>, state: AppState): void {
  const small = limitBody(64 * 1024);

  app.post(routePattern(ENDPOINTS.login), small, async (c) => {
    const address = clientAddress(c, state.trustProxy);
    state.signInLimits?.check(address);
    const { value } = await readJson(c, LoginRequestSchema);
    // Per address as well as name: a stranger's failures elsewhere never lock the owner out.
    const throttleKey = [value.tenant_id, value.username.toLowerCase(), address].join('\u0000');
    const wait = state.loginThrottle.retryAfter(throttleKey);
    if (wait > 0) {
      throw rateLimitError(`Too many failed sign-ins for this user; try again in ${wait} s`, wait);
    }
    const user = await state.store.findUserByUsername(value.tenant_id, value.username);
    const valid = await state.passwords.verify(
      value.password,
      user?.password_hash ?? (await state.dummyPasswordHash()),
    );
    if (!user || !valid || !user.is_active) {
      state.loginThrottle.fail(throttleKey);
      throw authenticationError(LOGIN_FAILED);
    }
    state.loginThrottle.succeed(throttleKey);
    const sessionId = newId();
    await state.store.insertSession({
      id: sessionId,
      tenant_id: user.tenant_id,
      user_id: user.id,
      created_at: state.nowIso(),
      revoked_at: null,
    });
    await state.store.updateUser({ ...user, last_login_at: state.nowIso() });
    return c.json(await issueTokens(state, user, sessionId));
  });

  app.post(routePattern(ENDPOINTS.refresh), small, async (c) => {
    state.signInLimits?.check(clientAddress(c, state.trustProxy));
    const { value } = await readJson(c, RefreshRequestSchema);
    const refused = () =>
      authenticationError('Refresh token is invalid, expired or already used; sign in again');
    const record = await state.store.useRefreshToken(
      await sha256Hex(value.refresh_token),
      state.nowIso(),
    );
    if (!record) throw refused();
    const session = await state.store.getSession(record.session_id);
    if (record.used_at !== null) {
      // A used token coming back means it leaked: end the whole session, for both holders.
      await state.store.revokeSession(record.session_id, state.nowIso());
      throw refused();
    }
    if (!session || session.revoked_at !== null || record.expires_at <= state.nowIso()) {
      throw refused();
    }
    const user = await state.store.getUser(session.tenant_id, session.user_id);
    if (!user || !user.is_active) throw refused();
    return c.json(await issueTokens(state, user, session.id));
  });

  app.post(routePattern(ENDPOINTS.logout), small, authenticate(state), async (c) => {
    const principal = c.get('principal');
    if (principal.kind === 'api_key') {
      throw authorizationError('API keys have no session to log out of');
    }
    if (principal.kind === 'viewer') {
      throw authorizationError(
        'A viewer session ends when it expires or when the host that started it ends it',
      );
    }
    const text = await c.req.text();
    if (text.trim() !== '') {
      const value = parseJsonBody(text, LogoutRequestSchema);
      if (value.refresh_token) {
        const record = await state.store.useRefreshToken(
          await sha256Hex(value.refresh_token),
          state.nowIso(),
        );
        const session = record && (await state.store.getSession(record.session_id));
        if (session && session.user_id === principal.user.id) {
          await state.store.revokeSession(session.id, state.nowIso());
        }
      }
    }
    await state.store.revokeSession(principal.sessionId, state.nowIso());
    return c.body(null, 204);
  });

  app.get(routePattern(ENDPOINTS.me), authenticate(state), (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'user') {
      throw authorizationError(
        'This credential is not a user; GET /api/v1/auth/session says what it may do',
      );
    }
    return c.json(toUserResponse(principal.user));
  });
}
