import {
  excludeKey,
  filterFields,
  type AuditLogEvent,
  type ViewerScope,
} from '../../contract/schemas/index.js';
import { matchesSearch, SEVERITY_RANK, searchFields } from './event-order.js';
import type { EventFilter } from './types.js';

/** Whether one event passes a query's filters and its scope; the in-memory store's `WHERE`. */
export function eventMatches(event: AuditLogEvent, filter: EventFilter): boolean {
  if (filter.start_date !== undefined && event.timestamp < filter.start_date) return false;
  if (filter.end_date !== undefined && event.timestamp > filter.end_date) return false;
  if (filter.scope && !scopeMatches(event, filter.scope)) return false;
  return scopeMatches(event, filter);
}

/** Whether one event passes a set of list filters, exclusions and search (dates aside). */
export function scopeMatches(event: AuditLogEvent, filter: ViewerScope): boolean {
  const fields = event as unknown as Record<string, string | null>;
  for (const [key, { field }] of filterFields()) {
    const allowed = filter[key] as readonly string[] | undefined;
    const value = fields[field] ?? null;
    if (allowed && allowed.length > 0 && (value === null || !allowed.includes(value))) return false;
    // An exclusion never leaves out an event whose field is null (the contract says so).
    const excluded = filter[excludeKey(key)] as readonly string[] | undefined;
    if (excluded && value !== null && excluded.includes(value)) return false;
  }
  if (filter.search && !matchesSearch(filter.search, ...searchFields(event))) return false;
  return true;
}

/**
 * The value a sort compares: the field itself (timestamps are fixed-width UTC strings, so
 * text order is time order), or a severity's rank.
 */
function sortKey(field: EventFilter['sort_by']): (event: AuditLogEvent) => string | number | null {
  if (field === 'severity') return (event) => SEVERITY_RANK[event.severity];
  return (event) => event[field];
}

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
  const key = sortKey(filter.sort_by);
  const direction = filter.sort_order === 'asc' ? 1 : -1;
  return (a, b) =>
    direction *
    (compareValues(key(a), key(b)) ||
      compareValues(a.timestamp, b.timestamp) ||
      compareValues(a.id, b.id));
}
