import { INTERVAL_MS } from '../../contract/constants.js';
import type { AuditLogQuery } from '../../contract/schemas/index.js';
import type { AuditSearchQuery, RelativeDuration } from './search-query.js';

const UNIT_MS = {
  m: INTERVAL_MS.minute,
  h: INTERVAL_MS.hour,
  d: INTERVAL_MS.day,
  w: 7 * INTERVAL_MS.day,
} as const;

const DURATION = /^0*([1-9]\d{0,3})([mhdw])$/;

/** `text` as a duration in its written form (leading zeros dropped), or `null`. */
export function parseRelativeDuration(text: string): RelativeDuration | null {
  const match = DURATION.exec(text);
  return match ? (`${match[1]}${match[2]}` as RelativeDuration) : null;
}

/** The length of a duration in milliseconds. */
export function relativeDurationMs(duration: RelativeDuration): number {
  const unit = duration.slice(-1) as keyof typeof UNIT_MS;
  return Number(duration.slice(0, -1)) * UNIT_MS[unit];
}

/** A query whose time range may count back from now: `last` stands in for `start_date`. */
export type WithRelativeRange<Q> = Q & { last?: RelativeDuration | undefined };

/**
 * The query to send, now: `last` becomes `start_date` = `now` minus the duration, and
 * `end_date` stays open so events that arrive later still match (a saved `last:24h` is the
 * 24 hours before whenever it is run). A query without `last` is returned as it is.
 */
export function resolveRelativeRange<Q extends object>(
  query: WithRelativeRange<Q>,
  now: number = Date.now(),
): Omit<Q, 'last'> {
  const { last, ...rest } = query;
  if (last === undefined) return rest as Omit<Q, 'last'>;
  return { ...rest, start_date: new Date(now - relativeDurationMs(last)).toISOString() } as Omit<
    Q,
    'last'
  >;
}

/** `resolveRelativeRange` for a query of the search language. */
export function resolveAuditSearch(
  query: AuditSearchQuery,
  now: number = Date.now(),
): AuditLogQuery {
  return resolveRelativeRange<AuditLogQuery>(query, now);
}
