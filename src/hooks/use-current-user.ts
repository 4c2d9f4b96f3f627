'use client';
import { useQuery } from '@tanstack/react-query';
import { useAuditLogContext } from './audit-log-context.js';
import { currentUserQueryOptions } from './query-options.js';

/**
 * The signed-in user (not loaded for API-key clients, which have none).
 *
 * @example
 * const { data: me } = useCurrentUser(); // me?.username, me?.roles
 */
export function useCurrentUser() {
  const { client } = useAuditLogContext();
  return useQuery(currentUserQueryOptions(client));
}
