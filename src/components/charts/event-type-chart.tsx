'use client';
import { EVENT_TYPES, type AuditLogQueryInput, type EventType } from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditLogViewContext } from '../viewer/view-context.js';
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
  filter: 'event_types',
};

/** Events per type, most frequent first. */
export function EventTypeChart(props: EventTypeChartProps) {
  return <BreakdownChart kind={EVENT_TYPE_KIND} {...props} />;
}

export type ConnectedEventTypeChartProps = Omit<EventTypeChartProps, 'summary' | 'error'> & {
  query?: AuditLogQueryInput;
};

/** `EventTypeChart` fed by `useSummary` for a query; inside `<AuditLogView>`, by the view's. */
export function ConnectedEventTypeChart({ query, ...props }: ConnectedEventTypeChartProps) {
  const view = useAuditLogViewContext();
  const { data, isError } = useSummary(query, { enabled: view === null });
  if (view) return <EventTypeChart {...props} />;
  return <EventTypeChart summary={data} error={isError} {...props} />;
}
