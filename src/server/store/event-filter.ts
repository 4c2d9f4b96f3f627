import type { AuditLogEvent } from '../../contract/schemas/index.js';
import { matchesSearch, SEVERITY_RANK, searchFields } from './event-order.js';
import type { EventFilter } from './types.js';

/** Whether one event passes a query's filters; the in-memory store's `WHERE`. */
export function eventMatches(event: AuditLogEvent, filter: EventFilter): boolean {
  if (filter.start_date !== undefined && event.timestamp < filter.start_date) return false;
  if (filter.end_date !== undefined && event.timestamp > filter.end_date) return false;
  const lists: [readonly string[] | undefined, string | null][] = [
    [filter.event_types, event.event_type],
    [filter.resource_types, event.resource_type],
    [filter.resource_ids, event.resource_id],
    [filter.actions, event.action],
    [filter.severities, event.severity],
    [filter.user_ids, event.user_id],
    [filter.ip_addresses, event.ip_address],
    [filter.session_ids, event.session_id],
    [filter.correlation_ids, event.correlation_id],
  ];
  for (const [allowed, value] of lists) {
    if (allowed && allowed.length > 0 && (value === null || !allowed.includes(value))) return false;
  }
  if (filter.search && !matchesSearch(filter.search, ...searchFields(event))) return false;
  return true;
}

type SortKey = (event: AuditLogEvent) => string | number | null;

const SORT_KEYS: Record<EventFilter['sort_by'], SortKey> = {
  // Timestamps are fixed-width UTC strings, so text order is time order.
  timestamp: (e) => e.timestamp,
  severity: (e) => SEVERITY_RANK[e.severity],
  event_type: (e) => e.event_type,
  action: (e) => e.action,
  resource_type: (e) => e.resource_type,
  user_id: (e) => e.user_id,
  created_at: (e) => e.created_at,
};

function compareValues(a: string | number | null, b: string | number | null): number {
  // SQLite's order: NULL before everything when ascending.
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The contract's order: the chosen field, then timestamp, then id, all in one direction. */
export function eventComparator(
  filter: EventFilter,
): (a: AuditLogEvent, b: AuditLogEvent) => number {
  const key = SORT_KEYS[filter.sort_by];
  const direction = filter.sort_order === 'asc' ? 1 : -1;
  return (a, b) =>
    direction *
    (compareValues(key(a), key(b)) ||
      compareValues(a.timestamp, b.timestamp) ||
      compareValues(a.id, b.id));
}
