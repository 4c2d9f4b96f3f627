import { AccessAction } from '../../contract/access-records.js';
import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import {
  EVENT_TYPES,
  SEVERITIES,
  type AuditLogSummary,
  type Severity,
  type SummaryInterval,
  type TimelineAdjusted,
  type TimelineBucket,
} from '../../contract/schemas/index.js';
import { authenticate } from '../http/authenticate.js';
import type { AppEnv, AppState } from '../http/context.js';
import { queryRequest } from '../http/endpoint-request.js';
import { recordedFilters } from '../access/access-records.js';
import { INTERVAL_MS } from '../../contract/constants.js';
import { bucketStart } from '../store/event-order.js';
import type { EventFilter, SummaryCounts } from '../store/types.js';

/** More buckets than any chart can show: past it the timeline is coarsened, then clipped. */
export const MAX_TIMELINE_BUCKETS = 10_000;
/** Resource types a summary lists by name; the rest are folded into `resource_types_other`. */
export const MAX_SUMMARY_RESOURCE_TYPES = 100;

const INTERVALS: readonly SummaryInterval[] = ['minute', 'hour', 'day'];

type Buckets = SummaryCounts['buckets'];

function withZeros<K extends string>(keys: readonly K[], counts: Partial<Record<K, number>>) {
  return Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0])) as Record<K, number>;
}

/** Buckets counted at a finer interval, summed into `interval`'s (UTC sizes nest exactly). */
function rebucket(buckets: Buckets, interval: SummaryInterval): Buckets {
  const coarse: Buckets = new Map();
  for (const [at, bucket] of buckets) {
    const key = bucketStart(at, interval);
    const into = coarse.get(key) ?? { count: 0, severities: {} };
    into.count += bucket.count;
    for (const [severity, n] of Object.entries(bucket.severities) as [Severity, number][]) {
      into.severities[severity] = (into.severities[severity] ?? 0) + n;
    }
    coarse.set(key, into);
  }
  return coarse;
}

interface Timeline {
  buckets: TimelineBucket[];
  adjusted?: TimelineAdjusted;
}

/**
 * Every bucket from the start of the range to its end, empty ones included, so a chart's
 * x-axis is continuous. The range is the query's, or the data's where the query is open.
 * One outlier (an event dated 9999) must not fail the tenant's summary: past
 * `MAX_TIMELINE_BUCKETS` the interval grows, and past that for days the timeline is clipped
 * to the events up to now (or from the first event, when all of them lie ahead) and says so.
 */
function timeline(
  counts: SummaryCounts,
  filter: EventFilter,
  requested: SummaryInterval,
  now: number,
): Timeline {
  const startText = filter.start_date ?? counts.min_timestamp;
  if (startText === null) return { buckets: [] };
  const start = Date.parse(startText);
  const dataEnd = counts.max_timestamp === null ? start : Date.parse(counts.max_timestamp);
  const end = filter.end_date
    ? Date.parse(filter.end_date)
    : filter.start_date
      ? Math.max(now, dataEnd)
      : dataEnd;
  const bucketsIn = (interval: SummaryInterval) =>
    (bucketStart(end, interval) - bucketStart(start, interval)) / INTERVAL_MS[interval] + 1;
  const interval =
    INTERVALS.slice(INTERVALS.indexOf(requested)).find(
      (candidate) => bucketsIn(candidate) <= MAX_TIMELINE_BUCKETS,
    ) ?? 'day';
  const size = INTERVAL_MS[interval];
  const buckets = interval === requested ? counts.buckets : rebucket(counts.buckets, interval);
  let first = bucketStart(start, interval);
  let last = bucketStart(end, interval);
  if (bucketsIn(interval) > MAX_TIMELINE_BUCKETS) {
    // A window of the most buckets allowed, ending now (or starting at the range's start
    // when the range lies wholly ahead), then only its part that holds events and today:
    // a chart draws tens of bars rather than ten thousand empty ones.
    const today = bucketStart(now, interval);
    const windowEnd = Math.max(first + (MAX_TIMELINE_BUCKETS - 1) * size, Math.min(last, today));
    const windowStart = windowEnd - (MAX_TIMELINE_BUCKETS - 1) * size;
    let heldFirst = Infinity;
    let heldLast = -Infinity;
    for (const at of buckets.keys()) {
      if (at < windowStart || at > windowEnd) continue;
      heldFirst = Math.min(heldFirst, at);
      heldLast = Math.max(heldLast, at);
    }
    last = Math.max(heldLast, Math.min(windowEnd, today));
    first = Math.min(heldFirst, last);
  }
  const drawn: TimelineBucket[] = [];
  for (let at = first; at <= last; at += size) {
    const bucket = buckets.get(at);
    drawn.push({
      bucket: new Date(at).toISOString(),
      count: bucket?.count ?? 0,
      severities: withZeros(SEVERITIES, bucket?.severities ?? {}),
    });
  }
  if (interval === requested && drawn.length === bucketsIn(interval)) return { buckets: drawn };
  let outside = 0;
  for (const [at, bucket] of buckets) if (at < first || at > last) outside += bucket.count;
  return {
    buckets: drawn,
    adjusted: {
      interval,
      max_buckets: MAX_TIMELINE_BUCKETS,
      start: new Date(first).toISOString(),
      end: new Date(last + size - 1).toISOString(),
      events_outside: outside,
    },
  };
}

/** The most frequent resource types by name (ties by name), the rest counted together. */
function capResourceTypes(
  counts: Record<string, number>,
): Pick<AuditLogSummary, 'resource_types' | 'resource_types_other'> {
  const entries = Object.entries(counts);
  if (entries.length <= MAX_SUMMARY_RESOURCE_TYPES) return { resource_types: counts };
  entries.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const kept = entries.slice(0, MAX_SUMMARY_RESOURCE_TYPES);
  const rest = entries.slice(MAX_SUMMARY_RESOURCE_TYPES);
  return {
    resource_types: Object.fromEntries(kept),
    resource_types_other: {
      limit: MAX_SUMMARY_RESOURCE_TYPES,
      types: rest.length,
      count: rest.reduce((sum, [, n]) => sum + n, 0),
    },
  };
}

export function registerSummaryRoute(app: Hono<AppEnv>, state: AppState): void {
  app.get(routePattern(ENDPOINTS.getSummary), authenticate(state), async (c) => {
    const {
      principal,
      params: { interval, ...filter },
    } = queryRequest(c, ENDPOINTS.getSummary);
    const counts = await state.store.summarize(principal.tenantId, filter, interval ?? null);
    await state.accessRecords?.record(principal, {
      action: AccessAction.SUMMARY,
      filters: recordedFilters({ ...filter, ...(interval && { interval }) }),
      result_count: counts.total_count,
    });
    const body: AuditLogSummary = {
      total_count: counts.total_count,
      event_types: withZeros(EVENT_TYPES, counts.event_types),
      severities: withZeros(SEVERITIES, counts.severities),
      ...capResourceTypes(counts.resource_types),
      date_range: {
        start: filter.start_date ?? counts.min_timestamp,
        end: filter.end_date ?? counts.max_timestamp,
      },
    };
    if (interval) {
      const drawn = timeline(counts, filter, interval, state.now());
      body.timeline = drawn.buckets;
      if (drawn.adjusted) body.timeline_adjusted = drawn.adjusted;
    }
    return c.json(body);
  });
}
