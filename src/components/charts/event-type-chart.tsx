'use client';
import { useMemo, type CSSProperties } from 'react';
import {
  EVENT_TYPES,
  type AuditLogQueryInput,
  type AuditLogSummary,
  type EventType,
} from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { CategoryBarChart, type CategoryItem } from './category-bar-chart.js';
import type { ChartSizeProps } from './chart-frame.js';
import { mergeChartLabels, type ChartLabelOverrides } from './chart-labels.js';
import type { ChartSeriesConfig } from './chart-series.js';
import { chartState } from './chart-state.js';

export interface EventTypeChartProps extends ChartSizeProps {
  /** The summary to chart; undefined while it loads. */
  summary: AuditLogSummary | undefined;
  /** Set when the summary failed to load (shown only while there is no summary). */
  error?: boolean;
  /** Called with the event type whose bar was clicked, e.g. to filter by it. */
  onSelect?: (eventType: EventType) => void;
  /** Colours per event type; each defaults to `--audit-chart-bar` (the accent colour). */
  series?: Partial<ChartSeriesConfig<EventType>>;
  /** The components' labels and the chart ones (`CHART_LABELS`), any subset. */
  labels?: ChartLabelOverrides;
  className?: string;
  style?: CSSProperties;
}

/** Events per type, most frequent first. */
export function EventTypeChart({
  summary,
  error = false,
  onSelect,
  series,
  labels: overrides,
  className,
  style,
  width,
  height,
}: EventTypeChartProps) {
  const { labels, locale } = useAuditUi(overrides);
  const chartLabels = useMemo(() => mergeChartLabels(overrides), [overrides]);
  const items = useMemo<CategoryItem<EventType>[]>(
    () =>
      EVENT_TYPES.map((type) => ({
        key: type,
        label: labels.eventTypes[type],
        value: summary?.event_types[type] ?? 0,
      })).sort((a, b) => b.value - a.value),
    [summary, labels],
  );
  const colours = useMemo(
    () =>
      Object.fromEntries(
        EVENT_TYPES.map((type) => [type, series?.[type] ?? { color: 'var(--audit-chart-bar)' }]),
      ) as ChartSeriesConfig<EventType>,
    [series],
  );
  const { state, status } = chartState(
    summary !== undefined,
    error,
    items.every((item) => item.value === 0),
    labels,
    chartLabels,
  );
  return (
    <CategoryBarChart
      part="event-type-chart"
      title={chartLabels.eventTypeBreakdown}
      state={state}
      status={status}
      items={items}
      series={colours}
      countLabel={chartLabels.count}
      categoryLabel={labels.eventType}
      filterBy={chartLabels.filterBy}
      locale={locale}
      onSelect={onSelect}
      className={className}
      style={style}
      width={width}
      height={height}
    />
  );
}

export type ConnectedEventTypeChartProps = Omit<EventTypeChartProps, 'summary' | 'error'> & {
  query?: AuditLogQueryInput;
};

/** `EventTypeChart` fed by `useSummary` for a query. */
export function ConnectedEventTypeChart({ query, ...props }: ConnectedEventTypeChartProps) {
  const { data, isError } = useSummary(query);
  return <EventTypeChart summary={data} error={isError} {...props} />;
}
