import type {
  AuditLogClient,
  AuditLogQueryInput,
  FacetField,
  SummaryInterval,
} from '../client/index.js';
import type { WithRelativeRange } from '../client/search/relative-time.js';

/** A key holds `last` as written, never resolved: see `AuditLogQueryRequest`. */
type KeyQuery = WithRelativeRange<AuditLogQueryInput>;

export const AUDIT_LOG_ROOT_KEY = 'audit-log';

/**
 * Every key starts with the server, the tenant and the session, so two clients, two tenants
 * or two logins never share a cache entry and a late answer lands only under its own scope.
 */
export const auditLogKeys = {
  all: [AUDIT_LOG_ROOT_KEY] as const,
  scope: (client: AuditLogClient) =>
    [AUDIT_LOG_ROOT_KEY, client.baseUrl, client.tenantId ?? null, client.sessionVersion] as const,
  events: (client: AuditLogClient) => [...auditLogKeys.scope(client), 'events'] as const,
  eventList: (client: AuditLogClient, query: KeyQuery, page: { page: number; size: number }) =>
    [...auditLogKeys.events(client), 'list', { query, ...page }] as const,
  eventPages: (client: AuditLogClient, query: KeyQuery, size: number) =>
    [...auditLogKeys.events(client), 'infinite', { query, size }] as const,
  event: (client: AuditLogClient, id: string) =>
    [...auditLogKeys.events(client), 'detail', id] as const,
  summaries: (client: AuditLogClient) => [...auditLogKeys.scope(client), 'summary'] as const,
  summary: (client: AuditLogClient, query: KeyQuery, interval: SummaryInterval | null) =>
    [...auditLogKeys.summaries(client), { query, interval }] as const,
  facets: (client: AuditLogClient, fields: readonly FacetField[], query: KeyQuery, limit: number) =>
    [...auditLogKeys.scope(client), 'facets', { fields, query, limit }] as const,
  currentUser: (client: AuditLogClient) => [...auditLogKeys.scope(client), 'me'] as const,
  session: (client: AuditLogClient) => [...auditLogKeys.scope(client), 'session'] as const,
};

/** Whether a query key belongs to the given scope (server, tenant and session). */
export function isInScope(queryKey: readonly unknown[], scope: readonly unknown[]): boolean {
  return scope.every((part, index) => queryKey[index] === part);
}
