'use client';
import { useAuditLogContext } from './audit-log-context.js';

/**
 * Whether the client is signed in (or holds an API key), and for which tenant.
 *
 * @example
 * const { isAuthenticated } = useAuditSession();
 * return isAuthenticated ? <Dashboard /> : <LoginForm />;
 */
export function useAuditSession(): { isAuthenticated: boolean; tenantId: string | undefined } {
  const { client } = useAuditLogContext();
  return { isAuthenticated: client.isAuthenticated, tenantId: client.tenantId };
}
