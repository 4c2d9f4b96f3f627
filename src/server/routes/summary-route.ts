import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import {
  EVENT_TYPES,
  SEVERITIES,
  type AuditLogSummary,
  type SummaryInterval,
  type TimelineBucket,
} from '../../contract/schemas/index.js';
import { validationError } from '../http/api-error.js';
import { authenticate } from '../http/authenticate.js';
import type { AppEnv, AppState } from '../http/context.js';
import { queryRequest } from '../http/endpoint-request.js';
import { INTERVAL_MS } from '../../contract/constants.js';
import { bucketStart } from '../store/event-order.js';
import type { EventFilter, SummaryCounts } from '../store/types.js';

/** More buckets than any chart can show; a wider interval is the fix. */
export const MAX_TIMELINE_BUCKETS = 10_000;

function withZeros<K extends string>(keys: readonly K[], counts: Partial<Record<K, number>>) {
  return Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0])) as Record<K, number>;
}

/**
 * Every bucket from the start of the range to its end, empty ones included, so a chart's
 * x-axis is continuous. The range is the query's, or the data's where the query is open.
 */
function timeline(
  counts: SummaryCounts,
  filter: EventFilter,
  interval: SummaryInterval,
  now: number,
): TimelineBucket[] {
  const startText = filter.start_date ?? counts.min_timestamp;
  if (startText === null) return [];
  const start = Date.parse(startText);
  const dataEnd = counts.max_timestamp === null ? start : Date.parse(counts.max_timestamp);
  const end = filter.end_date
    ? Date.parse(filter.end_date)
    : filter.start_date
      ? Math.max(now, dataEnd)
      : dataEnd;
  const size = INTERVAL_MS[interval];
  const first = bucketStart(start, interval);
  const last = bucketStart(end, interval);
  if ((last - first) / size + 1 > MAX_TIMELINE_BUCKETS) {
    throw validationError('Timeline would have too many buckets', {
      interval: `More than ${MAX_TIMELINE_BUCKETS} ${interval} buckets; choose a wider interval or a shorter range`,
    });
  }
  const buckets: TimelineBucket[] = [];
  for (let at = first; at <= last; at += size) {
    const bucket = counts.buckets.get(at);
    buckets.push({
      bucket: new Date(at).toISOString(),
      count: bucket?.count ?? 0,
      severities: withZeros(SEVERITIES, bucket?.severities ?? {}),
    });
  }
  return buckets;
}

export function registerSummaryRoute(app: Hono<AppEnv>, state: AppState): void {
  app.get(routePattern(ENDPOINTS.getSummary), authenticate(state), async (c) => {
    const {
      principal,
      params: { interval, ...filter },
    } = queryRequest(c, ENDPOINTS.getSummary);
    const counts = await state.store.summarize(principal.tenantId, filter, interval ?? null);
    const body: AuditLogSummary = {
      total_count: counts.total_count,
      event_types: withZeros(EVENT_TYPES, counts.event_types),
      severities: withZeros(SEVERITIES, counts.severities),
      resource_types: counts.resource_types,
      date_range: {
        start: filter.start_date ?? counts.min_timestamp,
        end: filter.end_date ?? counts.max_timestamp,
      },
    };
    if (interval) body.timeline = timeline(counts, filter, interval, state.now());
    return c.json(body);
  });
}
