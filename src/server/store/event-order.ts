import {
  SEARCH_FIELDS,
  type AuditLogEvent,
  type Severity,
  type SummaryInterval,
} from '../../contract/schemas/index.js';
import { INTERVAL_MS } from '../../contract/constants.js';

/** Higher is more severe, so `sort_by=severity&sort_order=desc` puts critical first. */
export const SEVERITY_RANK: Record<Severity, number> = {
  debug: 0,
  info: 1,
  warning: 2,
  error: 3,
  critical: 4,
};

/** Start of the UTC bucket holding `ms`. */
export function bucketStart(ms: number, interval: SummaryInterval): number {
  const size = INTERVAL_MS[interval];
  return Math.floor(ms / size) * size;
}

/**
 * The contract's search: a case-insensitive substring of any of these fields. Both stores
 * use this one function (SQLite registers it), so they agree on every Unicode case rule.
 */
export function matchesSearch(
  needle: string,
  ...fields: readonly (string | null | undefined)[]
): boolean {
  const lowered = needle.toLowerCase();
  return fields.some((field) => field != null && field.toLowerCase().includes(lowered));
}

/** The values `search` looks into, in `SEARCH_FIELDS` order. */
export function searchFields(event: AuditLogEvent): (string | null)[] {
  const fields = event as unknown as Record<string, string | null | undefined>;
  return SEARCH_FIELDS.map((field) => fields[field] ?? null);
}
