import { queryOptions } from '@tanstack/react-query';
import {
  NotFoundError,
  type AuditLogClient,
  type SessionInfo,
  type SessionPermission,
  type UserRole,
} from '../client/index.js';
import { auditLogKeys } from './query-keys.js';

/** The contract's permission table, for servers that lack `GET /auth/session`. */
const ROLE_PERMISSIONS: Record<UserRole, readonly SessionPermission[]> = {
  system_admin: ['read', 'write', 'export', 'manage'],
  tenant_admin: ['read', 'write', 'export', 'manage'],
  audit_manager: ['read', 'write', 'export'],
  audit_viewer: ['read'],
  api_user: ['write'],
};

/**
 * What the client's credential may do: `GET /auth/session` for every kind of credential.
 * A server without it (404 or 405) still tells a signed-in user's roles through
 * `/auth/me`; an API key's rights it does not disclose (null).
 */
async function loadSessionInfo(
  client: AuditLogClient,
  signal: AbortSignal,
): Promise<SessionInfo | null> {
  try {
    return await client.getSession({ signal });
  } catch (error) {
    const missing = error instanceof NotFoundError || (error as { status?: number }).status === 405;
    if (!missing) throw error;
  }
  if (client.usesApiKey) return null;
  const user = await client.getCurrentUser({ signal });
  const permissions = new Set(user.roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return {
    kind: 'user',
    tenant_id: user.tenant_id,
    permissions: [...permissions],
    subject: { id: user.id, display_name: user.full_name ?? user.username, email: user.email },
  };
}

export function sessionInfoQueryOptions(client: AuditLogClient) {
  return queryOptions({
    queryKey: auditLogKeys.session(client),
    queryFn: ({ signal }) => loadSessionInfo(client, signal),
    enabled: client.isAuthenticated,
    retry: false,
    staleTime: 5 * 60_000,
  });
}
