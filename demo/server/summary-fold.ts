import type { EventType, Severity } from '../../src/contract/schemas/index.js';
import { SEVERITY_RANK } from '../../src/server/store/event-order.js';
import { emptySummaryCounts } from '../../src/server/store/summary-counts.js';
import type { SummaryCounts } from '../../src/server/store/types.js';
import { toIso } from './sqlite-rows.js';

/** A stored severity rank's name. */
export const SEVERITY_BY_RANK = new Map(
  Object.entries(SEVERITY_RANK).map(([severity, rank]) => [rank, severity as Severity]),
);

/** A row of `summaryGroupsQuery`. */
export interface SummaryGroupRow {
  event_type: EventType;
  severity_rank: number;
  resource_type: string;
  n: number;
  first_at: number;
  last_at: number;
}

/** A row of `timelineQuery`. */
export interface TimelineRow {
  bucket: number;
  severity_rank: number;
  n: number;
}

/**
 * A summary folded from the few group rows and timeline rows the database answers; a group
 * or bucket may come in several rows (whole hours and partial edges), so all are added up.
 */
export function foldSummary(
  groups: readonly SummaryGroupRow[],
  timeline: readonly TimelineRow[],
): SummaryCounts {
  const counts = emptySummaryCounts();
  if (groups.length === 0) return counts;
  // A Map, so a resource type named "__proto__" counts like any other.
  const resourceTypes = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const group of groups) {
    const severity = SEVERITY_BY_RANK.get(group.severity_rank)!;
    counts.total_count += group.n;
    counts.event_types[group.event_type] = (counts.event_types[group.event_type] ?? 0) + group.n;
    counts.severities[severity] = (counts.severities[severity] ?? 0) + group.n;
    resourceTypes.set(group.resource_type, (resourceTypes.get(group.resource_type) ?? 0) + group.n);
    first = Math.min(first, group.first_at);
    last = Math.max(last, group.last_at);
  }
  counts.resource_types = Object.fromEntries(resourceTypes);
  counts.min_timestamp = toIso(first);
  counts.max_timestamp = toIso(last);
  for (const row of timeline) {
    const bucket = counts.buckets.get(row.bucket) ?? { count: 0, severities: {} };
    const severity = SEVERITY_BY_RANK.get(row.severity_rank)!;
    bucket.count += row.n;
    bucket.severities[severity] = (bucket.severities[severity] ?? 0) + row.n;
    counts.buckets.set(row.bucket, bucket);
  }
  return counts;
}
