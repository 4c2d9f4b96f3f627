import type { Context, MiddlewareHandler } from 'hono';
import { hashApiKey } from '../auth/api-keys.js';
import {
  grantableKeyPermissions,
  PERMISSION_DESCRIPTIONS,
  permissionsOfApiKey,
  permissionsOfRoles,
  type Permission,
} from '../auth/permissions.js';
import {
  authenticationError,
  authorizationError,
  rateLimitError,
  validationError,
} from './api-error.js';
import type { AppEnv, AppState, Principal } from './context.js';

const TENANT_ID = /^[A-Za-z0-9_.-]{1,128}$/;

function tenantHeader(c: Context<AppEnv>): string | null {
  const value = c.req.header('X-Tenant-ID')?.trim();
  if (!value) return null;
  if (!TENANT_ID.test(value)) {
    throw validationError('X-Tenant-ID is not a valid tenant id', {
      'X-Tenant-ID': 'Use 1 to 128 letters, digits, _ . or -',
    });
  }
  return value;
}

async function fromBearer(
  state: AppState,
  token: string,
  tenant: string | null,
): Promise<Principal> {
  const claims = await state.accessTokens.verify(token);
  if (!claims) {
    throw authenticationError('Access token is invalid or expired; refresh it or sign in again');
  }
  const session = await state.store.getSession(claims.sessionId);
  const user = await state.store.getUser(claims.tenantId, claims.userId);
  if (!session || session.revoked_at !== null || !user || !user.is_active) {
    throw authenticationError('This session has ended; sign in again');
  }
  let tenantId = user.tenant_id;
  if (tenant && tenant !== user.tenant_id) {
    if (!user.roles.includes('system_admin')) {
      throw authorizationError(
        `This account belongs to tenant ${user.tenant_id}; only a system admin may act for another tenant`,
      );
    }
    tenantId = tenant;
  }
  return {
    kind: 'user',
    user,
    sessionId: session.id,
    tenantId,
    permissions: permissionsOfRoles(user.roles),
  };
}

async function fromApiKey(state: AppState, key: string, tenant: string | null): Promise<Principal> {
  if (!tenant) throw authenticationError('An API key must be sent with X-Tenant-ID');
  const record = await state.store.findApiKeyByHash(await hashApiKey(key));
  const expired = record?.expires_at != null && record.expires_at <= state.nowIso();
  // One message for every way a key can fail, so probing learns nothing about other tenants.
  if (!record || !record.is_active || expired || record.tenant_id !== tenant) {
    throw authenticationError('API key is not valid for this tenant');
  }
  // A key never does more than its creator may do now: demoting or deactivating the
  // creator narrows or ends the key too.
  const creator = await state.store.getUser(record.tenant_id, record.created_by);
  if (!creator?.is_active) throw authenticationError('API key is not valid for this tenant');
  const allowed = grantableKeyPermissions(creator.roles);
  await state.store.touchApiKey(record.id, state.nowIso());
  return {
    kind: 'api_key',
    apiKey: record,
    tenantId: record.tenant_id,
    permissions: permissionsOfApiKey(record.permissions.filter((p) => allowed.has(p))),
  };
}

/** Resolves the caller from a bearer token or an API key, then applies the per-credential rate limit. */
export function authenticate(state: AppState): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const tenant = tenantHeader(c);
    const authorization = c.req.header('Authorization');
    const apiKey = c.req.header('X-API-Key');
    let principal: Principal;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw authenticationError('Authorization header must be "Bearer <token>"');
      principal = await fromBearer(state, match[1]!, tenant);
    } else if (apiKey) {
      principal = await fromApiKey(state, apiKey.trim(), tenant);
    } else {
      throw authenticationError(
        'Authentication required: send "Authorization: Bearer <token>" or X-API-Key with X-Tenant-ID',
      );
    }
    if (state.rateLimiter) {
      const credential =
        principal.kind === 'user' ? `user:${principal.user.id}` : `key:${principal.apiKey.id}`;
      const wait = state.rateLimiter.take(credential);
      if (wait > 0) {
        throw rateLimitError(`Too many requests; try again in ${wait} s`, wait);
      }
    }
    c.set('principal', principal);
    await next();
  };
}

export function requirePermission(principal: Principal, permission: Permission): void {
  if (!principal.permissions.has(permission)) {
    const who = principal.kind === 'user' ? 'Your role' : 'This API key';
    throw authorizationError(`${who} may not ${PERMISSION_DESCRIPTIONS[permission]}`);
  }
}
