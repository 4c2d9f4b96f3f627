import type { APIKeyResponse, UserResponse } from '../../contract/schemas/index.js';
import type { ApiKeyRecord, UserRecord } from '../store/types.js';

/** A user as the API shows it: everything but the password hash. */
export function toUserResponse(user: UserRecord): UserResponse {
  return {
    id: user.id,
    tenant_id: user.tenant_id,
    username: user.username,
    email: user.email,
    full_name: user.full_name,
    roles: user.roles,
    is_active: user.is_active,
    created_at: user.created_at,
    updated_at: user.updated_at,
    last_login_at: user.last_login_at,
  };
}

/** A key as the API shows it: its prefix, never the hash; the key itself only when just made. */
export function toApiKeyResponse(key: ApiKeyRecord, plainKey?: string): APIKeyResponse {
  return {
    id: key.id,
    name: key.name,
    tenant_id: key.tenant_id,
    user_id: key.created_by,
    permissions: key.permissions,
    key_prefix: key.key_prefix,
    ...(plainKey === undefined ? {} : { key: plainKey }),
    is_active: key.is_active,
    created_at: key.created_at,
    expires_at: key.expires_at,
    last_used_at: key.last_used_at,
    updated_at: key.updated_at ?? null,
  };
}
