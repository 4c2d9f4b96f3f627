'use client';
import { EVENT_TYPES, type AuditLogQueryInput, type EventType } from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { BreakdownChart, type BreakdownChartProps, type BreakdownKind } from './breakdown-chart.js';
import type { ChartSeriesConfig } from './chart-series.js';

/** `onSelect` gets the event type; `series` colours default to `--audit-chart-bar` (the accent). */
export type EventTypeChartProps = BreakdownChartProps<EventType>;

const EVENT_TYPE_KIND: BreakdownKind<EventType> = {
  part: 'event-type-chart',
  categories: EVENT_TYPES,
  count: (summary, type) => summary.event_types[type] ?? 0,
  name: (labels, type) => labels.eventTypes[type],
  title: (labels) => labels.eventTypeBreakdown,
  categoryLabel: (labels) => labels.eventType,
  colours: (series) =>
    Object.fromEntries(
      EVENT_TYPES.map((type) => [type, series?.[type] ?? { color: 'var(--audit-chart-bar)' }]),
    ) as ChartSeriesConfig<EventType>,
  byCount: true,
};

/** Events per type, most frequent first. */
export function EventTypeChart(props: EventTypeChartProps) {
  return <BreakdownChart kind={EVENT_TYPE_KIND} {...props} />;
}

export type ConnectedEventTypeChartProps = Omit<EventTypeChartProps, 'summary' | 'error'> & {
  query?: AuditLogQueryInput;
};

/** `EventTypeChart` fed by `useSummary` for a query. */
export function ConnectedEventTypeChart({ query, ...props }: ConnectedEventTypeChartProps) {
  const { data, isError } = useSummary(query);
  return <EventTypeChart summary={data} error={isError} {...props} />;
}
