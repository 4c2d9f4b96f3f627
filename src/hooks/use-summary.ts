'use client';
import { useQuery } from '@tanstack/react-query';
import type { SummaryInterval } from '../client/index.js';
import { useAuditLogContext } from './audit-log-context.js';
import { summaryQueryOptions, type AuditLogQueryRequest } from './query-options.js';

/**
 * Counts by type, severity and resource over the query's events; with `interval`, a timeline.
 *
 * @example
 * const { data } = useSummary({ start_date: weekAgo }, { interval: 'day' });
 * // data?.total_count, data?.severities.critical, data?.timeline
 */
export function useSummary(
  query: AuditLogQueryRequest = {},
  options: { interval?: SummaryInterval; enabled?: boolean } = {},
) {
  const { client } = useAuditLogContext();
  const base = summaryQueryOptions(client, query, { interval: options.interval });
  return useQuery({ ...base, enabled: client.isAuthenticated && (options.enabled ?? true) });
}
