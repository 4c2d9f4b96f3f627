'use client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SessionInfo, UserRole } from '../client/index.js';
import { useAuditLogContext } from './audit-log-context.js';
import { currentUserQueryOptions } from './query-options.js';
import { sessionInfoQueryOptions } from './session-info-query.js';

export interface AuditPermissions {
  /**
   * False while loading, and for API-key clients of a server too old to say what a key may
   * do (without `GET /auth/session`).
   */
  known: boolean;
  /**
   * True while the credential's rights are being asked for the first time: a control that
   * the answer may forbid (the export button) waits instead of offering itself for a moment.
   */
  loading: boolean;
  canRead: boolean;
  canWrite: boolean;
  canExport: boolean;
  canManageUsers: boolean;
  /**
   * A signed-in user's roles (from `/auth/me`, a moment after the permissions); empty for
   * API keys and viewer sessions.
   */
  roles: readonly UserRole[];
  /** The credential as the server describes it: kind, subject, a viewer's scope and expiry. */
  session: SessionInfo | null;
}

/**
 * What the client's credential may do — a signed-in user, an API key or a host-minted
 * viewer session alike — so a UI hides what would 403 (the export button follows it).
 *
 * @example
 * const { canExport } = usePermissions();
 * return canExport ? <ExportButton /> : null;
 */
export function usePermissions(): AuditPermissions {
  const { client } = useAuditLogContext();
  const { data: session, isLoading: loading } = useQuery(sessionInfoQueryOptions(client));
  const base = currentUserQueryOptions(client);
  const { data: user } = useQuery({
    ...base,
    enabled: base.enabled !== false && session?.kind === 'user',
  });
  return useMemo(() => {
    const has = (permission: 'read' | 'write' | 'export' | 'manage') =>
      session?.permissions.includes(permission) ?? false;
    return {
      known: session !== undefined && session !== null,
      loading,
      canRead: has('read'),
      canWrite: has('write'),
      canExport: has('export'),
      canManageUsers: has('manage'),
      roles: (session?.kind === 'user' && user?.roles) || [],
      session: session ?? null,
    };
  }, [session, user, loading]);
}
