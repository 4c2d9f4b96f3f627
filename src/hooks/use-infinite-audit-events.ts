'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useAuditLogContext } from './audit-log-context.js';
import { infiniteAuditEventsQueryOptions, type AuditLogQueryRequest } from './query-options.js';

/**
 * Events page after page, for infinite scrolling: `fetchNextPage()` appends the next one.
 *
 * @example
 * const { data, hasNextPage, fetchNextPage } = useInfiniteAuditEvents({ search: 'invoice' }, { size: 100 });
 * const rows = data?.pages.flatMap((page) => page.items) ?? [];
 */
export function useInfiniteAuditEvents(
  query: AuditLogQueryRequest = {},
  options: { size?: number; enabled?: boolean } = {},
) {
  const { client } = useAuditLogContext();
  const base = infiniteAuditEventsQueryOptions(client, query, { size: options.size ?? 50 });
  return useInfiniteQuery({
    ...base,
    enabled: client.isAuthenticated && (options.enabled ?? true),
  });
}
