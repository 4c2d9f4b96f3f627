import { bucketExpression } from './event-queries.js';

// A count of events per tenant and hour (`event_totals`, pg-schema.ts), kept in the same
// statement as each batch's events. A page's total without filters, or with dates only,
// adds up one row per hour (720 for a month) instead of the hourly rollups' row per hour,
// event type, severity and resource type (up to 144,000 for a month of varied events);
// the partial hours at the ends of a range are still counted from the events.

/**
 * Adds a set of events' counts per tenant and hour: one upsert per batch, in key order so
 * concurrent writers lock rows alike. `source` must expose `tenant_id` and `timestamp`.
 */
export function totalsFrom(source: string, where = ''): string {
  return `INSERT INTO event_totals (tenant_id, hour, n)
    SELECT tenant_id, ${bucketExpression('timestamp', 'hour')}, count(*)
    FROM ${source} ${where}
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (tenant_id, hour) DO UPDATE SET n = event_totals.n + excluded.n`;
}

/**
 * A tenant's totals counted from its events in one statement (for a bulk load that skipped
 * them; the API keeps them current with each write instead).
 */
export const TOTALS_FROM_EVENTS = totalsFrom('audit_events', 'WHERE tenant_id = $1');
