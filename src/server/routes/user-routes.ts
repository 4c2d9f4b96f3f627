import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import {
  APIKeyCreateSchema,
  IdSchema,
  UserCreateSchema,
  UserUpdateSchema,
  type UserRole,
} from '../../contract/schemas/index.js';
import { generateApiKey } from '../auth/api-keys.js';
import { newId } from '../auth/crypto-utils.js';
import { grantableKeyPermissions } from '../auth/permissions.js';
import {
  authenticationError,
  authorizationError,
  conflictError,
  notFoundError,
  validationError,
} from '../http/api-error.js';
import { authenticate, requirePermission } from '../http/authenticate.js';
import { limitBody, readJson } from '../http/body.js';
import type { AppEnv, AppState, Principal } from '../http/context.js';
import { DuplicateError, type UserRecord } from '../store/types.js';
import { toApiKeyResponse, toUserResponse } from './user-response.js';

/** Only a system admin may hand out system_admin: a tenant admin cannot escalate. */
function checkGrantable(principal: Principal, roles: readonly UserRole[] | undefined): void {
  if (!roles?.includes('system_admin')) return;
  if (principal.kind !== 'user' || !principal.user.roles.includes('system_admin')) {
    throw authorizationError('Only a system admin may grant the system_admin role');
  }
}

function userIdParam(id: string): string {
  if (!IdSchema.safeParse(id).success) throw notFoundError('No such user');
  return id;
}

export function registerUserRoutes(app: Hono<AppEnv>, state: AppState): void {
  const small = limitBody(64 * 1024);
  const auth = authenticate(state);

  async function loadUser(principal: Principal, id: string): Promise<UserRecord> {
    const user = await state.store.getUser(principal.tenantId, userIdParam(id));
    if (!user) throw notFoundError('No such user in this tenant');
    return user;
  }

  /** A user to change: a system admin's account is changed only by a system admin (or its owner). */
  async function loadUserToChange(principal: Principal, id: string): Promise<UserRecord> {
    const user = await loadUser(principal, id);
    const self = principal.kind === 'user' && principal.user.id === user.id;
    const bySystemAdmin =
      principal.kind === 'user' && principal.user.roles.includes('system_admin');
    if (!self && !bySystemAdmin && user.roles.includes('system_admin')) {
      throw authorizationError("Only a system admin may change a system admin's account");
    }
    return user;
  }

  app.post(routePattern(ENDPOINTS.createUser), small, auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.createUser.permission);
    const { value } = await readJson(c, UserCreateSchema);
    checkGrantable(principal, value.roles);
    const now = state.nowIso();
    const user: UserRecord = {
      id: newId(),
      tenant_id: principal.tenantId,
      username: value.username,
      email: value.email,
      full_name: value.full_name,
      roles: value.roles,
      is_active: value.is_active,
      password_hash: await state.passwords.hash(value.password),
      created_at: now,
      updated_at: null,
      last_login_at: null,
    };
    try {
      await state.store.insertUser(user);
    } catch (error) {
      if (error instanceof DuplicateError) {
        throw conflictError(`Username ${value.username} is taken in this tenant`);
      }
      throw error;
    }
    return c.json(toUserResponse(user), 201);
  });

  app.get(routePattern(ENDPOINTS.getUser), auth, async (c) => {
    const principal = c.get('principal');
    const self = principal.kind === 'user' && principal.user.id === c.req.param('id');
    if (!self) requirePermission(principal, ENDPOINTS.getUser.permission);
    return c.json(toUserResponse(await loadUser(principal, c.req.param('id'))));
  });

  app.put(routePattern(ENDPOINTS.updateUser), small, auth, async (c) => {
    const principal = c.get('principal');
    const self = principal.kind === 'user' && principal.user.id === c.req.param('id');
    const { value } = await readJson(c, UserUpdateSchema);
    if (!principal.permissions.has('users:manage')) {
      if (!self) requirePermission(principal, ENDPOINTS.updateUser.permission);
      if (value.roles !== undefined || value.is_active !== undefined) {
        throw authorizationError('You may change your own email, name and password only');
      }
    }
    checkGrantable(principal, value.roles);
    const user = await loadUserToChange(principal, c.req.param('id'));
    if (self && value.password !== undefined) {
      // A stolen access token alone must not become the account: prove the old password.
      if (value.current_password === undefined) {
        throw validationError('Changing your password needs your current password', {
          current_password: 'Give your current password',
        });
      }
      if (!(await state.passwords.verify(value.current_password, user.password_hash))) {
        throw authenticationError('The current password is wrong');
      }
    }
    const updated: UserRecord = {
      ...user,
      ...(value.email !== undefined && { email: value.email }),
      ...(value.full_name !== undefined && { full_name: value.full_name }),
      ...(value.roles !== undefined && { roles: value.roles }),
      ...(value.is_active !== undefined && { is_active: value.is_active }),
      ...(value.password !== undefined && {
        password_hash: await state.passwords.hash(value.password),
      }),
      updated_at: state.nowIso(),
    };
    await state.store.updateUser(updated);
    // A new password ends every other session (the changer's own stays); deactivation ends
    // all, so reactivating later never revives them.
    if (value.password !== undefined || updated.is_active === false) {
      const keep =
        self && updated.is_active && principal.kind === 'user' ? principal.sessionId : undefined;
      await state.store.revokeUserSessions(updated.tenant_id, updated.id, state.nowIso(), keep);
    }
    return c.json(toUserResponse(updated));
  });

  app.delete(routePattern(ENDPOINTS.deactivateUser), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.deactivateUser.permission);
    const user = await loadUserToChange(principal, c.req.param('id'));
    const updated = { ...user, is_active: false, updated_at: state.nowIso() };
    await state.store.updateUser(updated);
    await state.store.revokeUserSessions(updated.tenant_id, updated.id, state.nowIso());
    return c.json(toUserResponse(updated));
  });

  app.post(routePattern(ENDPOINTS.createApiKey), small, auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.createApiKey.permission);
    if (principal.kind !== 'user') throw authorizationError('API keys cannot create API keys');
    if (principal.tenantId !== principal.user.tenant_id) {
      // A key acts with its creator's rights, and the creator must belong to the key's tenant.
      throw authorizationError(
        `API keys for tenant ${principal.tenantId} must be created by one of its own admins; sign in as a user of that tenant`,
      );
    }
    const { value } = await readJson(c, APIKeyCreateSchema);
    const grantable = grantableKeyPermissions(principal.user.roles);
    const excess = value.permissions.filter((permission) => !grantable.has(permission));
    if (excess.length > 0) {
      throw authorizationError(`Your role may not grant: ${excess.join(', ')}`);
    }
    if (value.expires_at !== null && value.expires_at <= state.nowIso()) {
      throw validationError('Invalid API key', { expires_at: 'Must be in the future' });
    }
    const generated = await generateApiKey();
    const record = {
      id: newId(),
      tenant_id: principal.tenantId,
      name: value.name,
      permissions: value.permissions,
      key_prefix: generated.keyPrefix,
      key_hash: generated.keyHash,
      created_by: principal.user.id,
      is_active: true,
      created_at: state.nowIso(),
      expires_at: value.expires_at,
      last_used_at: null,
      updated_at: null,
    };
    await state.store.insertApiKey(record);
    return c.json(toApiKeyResponse(record, generated.key), 201);
  });

  app.get(routePattern(ENDPOINTS.listApiKeys), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, 'users:manage');
    const keys = await state.store.listApiKeys(principal.tenantId);
    return c.json(keys.map((key) => toApiKeyResponse(key)));
  });

  app.delete(routePattern(ENDPOINTS.revokeApiKey), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, 'users:manage');
    const id = c.req.param('id');
    const key = IdSchema.safeParse(id).success
      ? await state.store.revokeApiKey(principal.tenantId, id, state.nowIso())
      : null;
    if (!key) throw notFoundError('No such API key in this tenant');
    return c.json(toApiKeyResponse(key));
  });
}
