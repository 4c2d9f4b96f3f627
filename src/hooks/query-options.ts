import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  AuditLogClient,
  AuditLogQueryInput,
  FacetField,
  SummaryInterval,
} from '../client/index.js';
import { resolveRelativeRange, type WithRelativeRange } from '../client/search/relative-time.js';
import { DEFAULT_FACET_LIMIT, DEFAULT_PAGE_SIZE } from '../contract/constants.js';
import { auditLogKeys } from './query-keys.js';

// The client owns retries (backoff, Retry-After, idempotency); retrying here too would
// multiply every failure, so each factory sets `retry: false`.

/**
 * Filters as the query factories take them: a range may count back from now (`last: '24h'`).
 * The key keeps `last` as written and each fetch resolves it against the clock as it is sent,
 * so a refetch, a poll or a visit tomorrow asks for the window ending then, while the cache
 * holds one entry per relative query. Resolving when the key is made would freeze the window
 * at the first render, and re-resolving on every render would make a new entry (and a new
 * request) every millisecond.
 */
export type AuditLogQueryRequest = WithRelativeRange<AuditLogQueryInput>;

/** One page of events; for `useQuery`, `prefetchQuery` in a router loader, or SSR. */
export function auditEventsQueryOptions(
  client: AuditLogClient,
  query: AuditLogQueryRequest = {},
  { page = 1, size = DEFAULT_PAGE_SIZE }: { page?: number; size?: number } = {},
) {
  return queryOptions({
    queryKey: auditLogKeys.eventList(client, query, { page, size }),
    queryFn: ({ signal }) =>
      client.queryEvents(resolveRelativeRange(query), { page, size, signal }),
    enabled: client.isAuthenticated,
    retry: false,
  });
}

/** Pages of events for infinite scrolling; `fetchNextPage` loads the next one. */
export function infiniteAuditEventsQueryOptions(
  client: AuditLogClient,
  query: AuditLogQueryRequest = {},
  { size = DEFAULT_PAGE_SIZE }: { size?: number } = {},
) {
  return infiniteQueryOptions({
    queryKey: auditLogKeys.eventPages(client, query, size),
    queryFn: ({ signal, pageParam }) =>
      client.queryEvents(resolveRelativeRange(query), { page: pageParam, size, signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page < last.pages ? last.page + 1 : undefined),
    enabled: client.isAuthenticated,
    retry: false,
  });
}

export function auditEventQueryOptions(client: AuditLogClient, id: string) {
  return queryOptions({
    queryKey: auditLogKeys.event(client, id),
    queryFn: ({ signal }) => client.getEvent(id, { signal }),
    enabled: client.isAuthenticated && id !== '',
    retry: false,
  });
}

export function summaryQueryOptions(
  client: AuditLogClient,
  query: AuditLogQueryRequest = {},
  { interval }: { interval?: SummaryInterval | undefined } = {},
) {
  return queryOptions({
    queryKey: auditLogKeys.summary(client, query, interval ?? null),
    queryFn: ({ signal }) => client.getSummary(resolveRelativeRange(query), { interval, signal }),
    enabled: client.isAuthenticated,
    retry: false,
  });
}

/** The top values of `fields` among the query's events, with counts. */
export function facetsQueryOptions(
  client: AuditLogClient,
  fields: readonly FacetField[],
  query: AuditLogQueryRequest = {},
  { limit = DEFAULT_FACET_LIMIT }: { limit?: number } = {},
) {
  return queryOptions({
    queryKey: auditLogKeys.facets(client, fields, query, limit),
    queryFn: ({ signal }) =>
      client.getFacets(fields, resolveRelativeRange(query), { limit, signal }),
    enabled: client.isAuthenticated && fields.length > 0,
    retry: false,
  });
}

export function currentUserQueryOptions(client: AuditLogClient) {
  return queryOptions({
    queryKey: auditLogKeys.currentUser(client),
    queryFn: ({ signal }) => client.getCurrentUser({ signal }),
    // API keys belong to no user; asking would only earn a 403.
    enabled: client.isAuthenticated && !client.usesApiKey,
    retry: false,
    staleTime: 5 * 60_000,
  });
}
