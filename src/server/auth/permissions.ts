import type { ApiKeyPermission, UserRole } from '../../contract/schemas/index.js';

import type { Permission } from '../../contract/endpoints.js';

export type { Permission };

/** The contract's permission table. */
const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  system_admin: ['events:read', 'events:write', 'events:export', 'users:manage', 'viewers:mint'],
  tenant_admin: ['events:read', 'events:write', 'events:export', 'users:manage', 'viewers:mint'],
  audit_manager: ['events:read', 'events:write', 'events:export'],
  audit_viewer: ['events:read'],
  api_user: ['events:write'],
};

const KEY_PERMISSIONS: Record<ApiKeyPermission, Permission> = {
  read: 'events:read',
  write: 'events:write',
  export: 'events:export',
  embed: 'viewers:mint',
};

export function permissionsOfRoles(roles: readonly UserRole[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function permissionsOfApiKey(permissions: readonly ApiKeyPermission[]): Set<Permission> {
  return new Set(permissions.map((permission) => KEY_PERMISSIONS[permission]));
}

/** Key permissions the creator may grant: never more than the creator's roles allow. */
export function grantableKeyPermissions(roles: readonly UserRole[]): Set<ApiKeyPermission> {
  const own = permissionsOfRoles(roles);
  return new Set(
    (Object.keys(KEY_PERMISSIONS) as ApiKeyPermission[]).filter((key) =>
      own.has(KEY_PERMISSIONS[key]),
    ),
  );
}

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  'events:read': 'read audit events',
  'events:write': 'write audit events',
  'events:export': 'export audit events',
  'users:manage': 'manage users and API keys',
  'viewers:mint': 'start or end viewer sessions',
};
