'use client';
import { useQuery } from '@tanstack/react-query';
import { useAuditLogContext } from './audit-log-context.js';
import { auditLogKeys, isInScope } from './query-keys.js';
import { DEFAULT_PAGE_SIZE, LIVE_INTERVAL_MS } from '../contract/constants.js';
import { auditEventsQueryOptions, type AuditLogQueryRequest } from './query-options.js';

export interface UseAuditEventsOptions {
  page?: number;
  size?: number;
  /** Poll for new events: `true` every 10 s, or a number of milliseconds. Pauses in hidden tabs. */
  live?: boolean | number;
  enabled?: boolean;
}

/**
 * One page of events for a query.
 *
 * @example
 * const [page, setPage] = useState(1);
 * const { data, isPlaceholderData } = useAuditEvents({ severities: ['error'] }, { page, size: 25, live: true });
 * // data?.items, data?.pages; isPlaceholderData while the next page loads While the next page or a changed filter loads, the
 * previous page stays on screen (`isPlaceholderData` is true) — but never across tenants or
 * logins: a new scope starts empty.
 */
export function useAuditEvents(
  query: AuditLogQueryRequest = {},
  options: UseAuditEventsOptions = {},
) {
  const { client } = useAuditLogContext();
  const { page = 1, size = DEFAULT_PAGE_SIZE, live = false, enabled = true } = options;
  const base = auditEventsQueryOptions(client, query, { page, size });
  const scope = auditLogKeys.scope(client);
  return useQuery({
    ...base,
    enabled: client.isAuthenticated && enabled,
    placeholderData: (previous, previousQuery) =>
      previousQuery && isInScope(previousQuery.queryKey, scope) ? previous : undefined,
    refetchInterval: live === false ? false : live === true ? LIVE_INTERVAL_MS : live,
    refetchIntervalInBackground: false,
  });
}
