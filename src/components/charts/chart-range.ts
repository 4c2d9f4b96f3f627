import type { AuditLogQueryInput, SummaryInterval } from '../../client/index.js';
import { parseTimestamp } from '../../contract/timestamp.js';
import { INTERVAL_MS } from '../../contract/constants.js';

const SIX_HOURS = 6 * INTERVAL_MS.hour;
const SEVEN_DAYS = 7 * INTERVAL_MS.day;

export interface ChartTimeRange {
  start_date: string;
  end_date: string;
}

function toMs(value: string | number | Date): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return parseTimestamp(value);
}

/**
 * The time range a drag across the volume chart selects: the two bucket labels in either
 * order, from the start of the earlier bucket to the last millisecond of the later one, so
 * both end buckets are covered whole (the API's `end_date` is inclusive).
 */
export function rangeFromDrag(
  startLabel: string | number | Date,
  endLabel: string | number | Date,
  interval: SummaryInterval,
): ChartTimeRange | null {
  const a = toMs(startLabel);
  const b = toMs(endLabel);
  if (a === null || b === null) return null;
  const first = Math.min(a, b);
  const last = Math.max(a, b);
  return {
    start_date: new Date(first).toISOString(),
    end_date: new Date(last + INTERVAL_MS[interval] - 1).toISOString(),
  };
}

/**
 * A bucket size that keeps the timeline readable for a query's range: up to 6 hours by the
 * minute, up to 7 days by the hour, longer by the day. An open end runs to `now`; an open
 * start is of unknown length, so by the day.
 */
export function intervalForQuery(
  query: Pick<AuditLogQueryInput, 'start_date' | 'end_date'>,
  now: number = Date.now(),
): SummaryInterval {
  const start = query.start_date === undefined ? null : toMs(query.start_date);
  if (start === null) return 'day';
  const end = query.end_date === undefined ? now : (toMs(query.end_date) ?? now);
  const length = end - start;
  if (length <= SIX_HOURS) return 'minute';
  if (length <= SEVEN_DAYS) return 'hour';
  return 'day';
}
