'use client';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { FacetField, FacetsResponse, FacetValue } from '../client/index.js';
import { facetFilter } from '../contract/facet-filter.js';
import { excludeKey } from '../contract/filter-lists.js';
import { useAuditLogContext } from './audit-log-context.js';
import { facetsQueryOptions, type AuditLogQueryRequest } from './query-options.js';

export interface UseFacetsOptions {
  /** Values per field, 1..100; default 10. */
  limit?: number;
  enabled?: boolean;
  /**
   * `ignore`: each field is counted over the query without its own filter and exclusion, so
   * a sidebar still offers the other values of a field once one is picked (one request for
   * the fields the query does not filter, one per field it does). Default `apply`.
   */
  ownFilters?: 'apply' | 'ignore';
}

export interface FacetsResult {
  /** Values per field, as far as loaded. */
  facets: Partial<Record<FacetField, FacetValue[]>>;
  /** Matching events; known when some field was counted over the whole query. */
  total: number | undefined;
  isPending: boolean;
  isFetching: boolean;
  /** The first failure, if any request failed. */
  error: Error | null;
  refetch: () => void;
}

interface FacetRequest {
  fields: FacetField[];
  query: AuditLogQueryRequest;
  whole: boolean;
}

/** Whether the query filters or excludes values of `field`. */
function filtersOwn(query: AuditLogQueryRequest, field: FacetField): boolean {
  const key = facetFilter(field);
  const lists = query as Readonly<Record<string, readonly string[] | undefined>>;
  return (lists[key]?.length ?? 0) > 0 || (lists[excludeKey(key)]?.length ?? 0) > 0;
}

function withoutOwn(query: AuditLogQueryRequest, field: FacetField): AuditLogQueryRequest {
  const key = facetFilter(field);
  const own = new Set<string>([key, excludeKey(key)]);
  return Object.fromEntries(
    Object.entries(query).filter(([name]) => !own.has(name)),
  ) as AuditLogQueryRequest;
}

function facetRequests(
  fields: readonly FacetField[],
  query: AuditLogQueryRequest,
  ownFilters: 'apply' | 'ignore',
): FacetRequest[] {
  if (fields.length === 0) return [];
  if (ownFilters === 'apply') return [{ fields: [...fields], query, whole: true }];
  const free = fields.filter((field) => !filtersOwn(query, field));
  const requests: FacetRequest[] = free.length > 0 ? [{ fields: free, query, whole: true }] : [];
  for (const field of fields)
    if (filtersOwn(query, field))
      requests.push({ fields: [field], query: withoutOwn(query, field), whole: false });
  return requests;
}

/**
 * The most frequent values of `fields` among the query's events, with counts, for facet
 * lists and autocompletion. A server without facets answers 404: `error` is then a
 * `NotFoundError`, and a part should hide its counts and say why.
 *
 * @example
 * const { facets } = useFacets(['action', 'user_id'], query, { ownFilters: 'ignore' });
 * // facets.action → [{ value: 'delete', count: 12 }, …]
 */
export function useFacets(
  fields: readonly FacetField[],
  query: AuditLogQueryRequest = {},
  { limit, enabled = true, ownFilters = 'apply' }: UseFacetsOptions = {},
): FacetsResult {
  const { client } = useAuditLogContext();
  const requests = useMemo(
    () => facetRequests(fields, query, ownFilters),
    [fields, query, ownFilters],
  );
  // Merged in `combine`, which reruns only when an answer changes, so parts reading `facets`
  // keep stable references.
  const combine = useCallback(
    (results: UseQueryResult<FacetsResponse>[]): FacetsResult => {
      const facets: Partial<Record<FacetField, FacetValue[]>> = {};
      let total: number | undefined;
      results.forEach(({ data }, index) => {
        if (!data) return;
        const request = requests[index]!;
        if (request.whole) total = data.total;
        for (const field of request.fields) {
          const values = data.facets[field];
          if (values) facets[field] = values;
        }
      });
      return {
        facets,
        total,
        isPending: results.some((result) => result.isPending),
        isFetching: results.some((result) => result.isFetching),
        error: results.find((result) => result.error)?.error ?? null,
        refetch: () => {
          for (const result of results) void result.refetch();
        },
      };
    },
    [requests],
  );
  return useQueries({
    queries: requests.map((request) => {
      const base = facetsQueryOptions(client, request.fields, request.query, {
        ...(limit === undefined ? {} : { limit }),
      });
      return { ...base, enabled: client.isAuthenticated && enabled };
    }),
    combine,
  });
}
