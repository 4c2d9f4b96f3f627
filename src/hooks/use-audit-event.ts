'use client';
import { useQuery } from '@tanstack/react-query';
import { useAuditLogContext } from './audit-log-context.js';
import { auditEventQueryOptions } from './query-options.js';

/**
 * One event by id; pass `null` to load nothing (e.g. while no row is open).
 *
 * @example
 * const { data: event } = useAuditEvent(openId); // openId: string | null
 */
export function useAuditEvent(id: string | null) {
  const { client } = useAuditLogContext();
  const base = auditEventQueryOptions(client, id ?? '');
  return useQuery({ ...base, enabled: client.isAuthenticated && id !== null && id !== '' });
}
