'use client';
import { useMemo } from 'react';
import type { UserRole } from '../client/index.js';
import { useCurrentUser } from './use-current-user.js';

export interface AuditPermissions {
  /** False while the user loads, and for API-key clients, whose rights the API does not disclose. */
  known: boolean;
  canRead: boolean;
  canWrite: boolean;
  canExport: boolean;
  canManageUsers: boolean;
  roles: readonly UserRole[];
}

const CAN: Record<Exclude<keyof AuditPermissions, 'known' | 'roles'>, readonly UserRole[]> = {
  canRead: ['system_admin', 'tenant_admin', 'audit_manager', 'audit_viewer'],
  canWrite: ['system_admin', 'tenant_admin', 'audit_manager', 'api_user'],
  canExport: ['system_admin', 'tenant_admin', 'audit_manager'],
  canManageUsers: ['system_admin', 'tenant_admin'],
};

/**
 * What the signed-in user's roles allow (the contract's table), so a UI can hide what would 403.
 *
 * @example
 * const { canExport } = usePermissions();
 * return canExport ? <ExportButton /> : null;
 */
export function usePermissions(): AuditPermissions {
  const { data } = useCurrentUser();
  return useMemo(() => {
    const roles = data?.roles ?? [];
    const has = (allowed: readonly UserRole[]) => roles.some((role) => allowed.includes(role));
    return {
      known: data !== undefined,
      canRead: has(CAN.canRead),
      canWrite: has(CAN.canWrite),
      canExport: has(CAN.canExport),
      canManageUsers: has(CAN.canManageUsers),
      roles,
    };
  }, [data]);
}
