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
import type { ViewerClaims } from '../auth/access-tokens.js';
import type { ApiKeyRecord, ViewerSessionRecord } from '../store/types.js';
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
  if (claims.kind === 'viewer') return fromViewer(state, claims, tenant);
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

/**
 * What a key may do now: its permissions that its creator may still grant, or null when
 * the key or its creator is no longer active. Demoting or deactivating the creator narrows
 * or ends the key too.
 */
async function apiKeyPermissions(
  state: AppState,
  record: ApiKeyRecord,
): Promise<Set<Permission> | null> {
  const expired = record.expires_at != null && record.expires_at <= state.nowIso();
  if (!record.is_active || expired) return null;
  const creator = await state.store.getUser(record.tenant_id, record.created_by);
  if (!creator?.is_active) return null;
  const allowed = grantableKeyPermissions(creator.roles);
  return permissionsOfApiKey(record.permissions.filter((p) => allowed.has(p)));
}

async function fromApiKey(state: AppState, key: string, tenant: string | null): Promise<Principal> {
  if (!tenant) throw authenticationError('An API key must be sent with X-Tenant-ID');
  const record = await state.store.findApiKeyByHash(await hashApiKey(key));
  // One message for every way a key can fail, so probing learns nothing about other tenants.
  const permissions =
    record && record.tenant_id === tenant ? await apiKeyPermissions(state, record) : null;
  if (!record || !permissions) throw authenticationError('API key is not valid for this tenant');
  await state.store.touchApiKey(record.id, state.nowIso());
  return { kind: 'api_key', apiKey: record, tenantId: record.tenant_id, permissions };
}

/**
 * Names the credential that mints a viewer session: `api_key:<id>` or
 * `user:<tenant>:<id>` (a system admin may mint for another tenant than their own).
 */
export function minterName(principal: Principal): string {
  if (principal.kind === 'api_key') return `api_key:${principal.apiKey.id}`;
  if (principal.kind === 'user') return `user:${principal.user.tenant_id}:${principal.user.id}`;
  throw authorizationError('A viewer session cannot start another');
}

/** What the credential that minted a viewer session may do now; null when it is gone. */
async function minterPermissions(
  state: AppState,
  session: ViewerSessionRecord,
): Promise<ReadonlySet<Permission> | null> {
  const [kind, first, second] = session.minted_by.split(':');
  if (kind === 'api_key' && first) {
    const keys = await state.store.listApiKeys(session.tenant_id);
    const key = keys.find((candidate) => candidate.id === first);
    return key ? apiKeyPermissions(state, key) : null;
  }
  if (kind === 'user' && first && second) {
    const user = await state.store.getUser(first, second);
    if (user?.is_active) return permissionsOfRoles(user.roles);
  }
  return null;
}

async function fromViewer(
  state: AppState,
  claims: ViewerClaims,
  tenant: string | null,
): Promise<Principal> {
  const ended = () =>
    authenticationError('This viewer session has ended; ask the host for a new one');
  if (tenant && tenant !== claims.tenantId) {
    throw authorizationError('A viewer session reads only the tenant it was made for');
  }
  const session = await state.store.getViewerSession(claims.tenantId, claims.sessionId);
  if (!session || session.revoked_at !== null || session.expires_at <= state.nowIso()) {
    throw ended();
  }
  // Never more than the minting credential may do now: revoking the key that minted a
  // session, or demoting the admin who did, narrows or ends the session too.
  const minter = await minterPermissions(state, session);
  if (!minter?.has('viewers:mint')) throw ended();
  const permissions = new Set(
    [...permissionsOfApiKey(session.permissions)].filter((p) => minter.has(p)),
  );
  return { kind: 'viewer', session, tenantId: session.tenant_id, permissions };
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
      const credential = principalKey(principal);
      const wait = state.rateLimiter.take(credential);
      if (wait > 0) {
        throw rateLimitError(`Too many requests; try again in ${wait} s`, wait);
      }
    }
    c.set('principal', principal);
    await next();
  };
}

/** One name per credential, for limits and idempotency records. */
export function principalKey(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return `user:${principal.user.id}`;
    case 'api_key':
      return `key:${principal.apiKey.id}`;
    case 'viewer':
      return `viewer:${principal.session.id}`;
  }
}

const WHO: Record<Principal['kind'], string> = {
  user: 'Your role',
  api_key: 'This API key',
  viewer: 'This viewer session',
};

export function requirePermission(principal: Principal, permission: Permission): void {
  if (!principal.permissions.has(permission)) {
    const who = WHO[principal.kind];
    throw authorizationError(`${who} may not ${PERMISSION_DESCRIPTIONS[permission]}`);
  }
}
