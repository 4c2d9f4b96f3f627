'use client';
import { useMemo, type CSSProperties } from 'react';
import {
  SEVERITIES,
  type AuditLogQueryInput,
  type AuditLogSummary,
  type Severity,
} from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { CategoryBarChart, type CategoryItem } from './category-bar-chart.js';
import type { ChartSizeProps } from './chart-frame.js';
import { mergeChartLabels, type ChartLabelOverrides } from './chart-labels.js';
import { SEVERITY_SERIES, type ChartSeriesConfig } from './chart-series.js';
import { chartState } from './chart-state.js';

export interface SeverityBreakdownChartProps extends ChartSizeProps {
  /** The summary to chart; undefined while it loads. */
  summary: AuditLogSummary | undefined;
  /** Set when the summary failed to load (shown only while there is no summary). */
  error?: boolean;
  /** Called with the severity whose bar was clicked, e.g. to filter by it. */
  onSelect?: (severity: Severity) => void;
  /** Colours per severity; defaults to the theme's `--audit-severity-*`. */
  series?: Partial<ChartSeriesConfig<Severity>>;
  /** The components' labels and the chart ones (`CHART_LABELS`), any subset. */
  labels?: ChartLabelOverrides;
  className?: string;
  style?: CSSProperties;
}

/** Events per severity, most severe first, as bars in the severity colours. */
export function SeverityBreakdownChart({
  summary,
  error = false,
  onSelect,
  series,
  labels: overrides,
  className,
  style,
  width,
  height,
}: SeverityBreakdownChartProps) {
  const { labels, locale } = useAuditUi(overrides);
  const chartLabels = useMemo(() => mergeChartLabels(overrides), [overrides]);
  const items = useMemo<CategoryItem<Severity>[]>(
    () =>
      SEVERITIES.map((severity) => ({
        key: severity,
        label: labels.severities[severity],
        value: summary?.severities[severity] ?? 0,
      })),
    [summary, labels],
  );
  const colours = useMemo(() => ({ ...SEVERITY_SERIES, ...series }), [series]);
  const { state, status } = chartState(
    summary !== undefined,
    error,
    items.every((item) => item.value === 0),
    labels,
    chartLabels,
  );
  return (
    <CategoryBarChart
      part="severity-breakdown-chart"
      title={chartLabels.severityBreakdown}
      state={state}
      status={status}
      items={items}
      series={colours}
      countLabel={chartLabels.count}
      categoryLabel={labels.severity}
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

export type ConnectedSeverityBreakdownChartProps = Omit<
  SeverityBreakdownChartProps,
  'summary' | 'error'
> & { query?: AuditLogQueryInput };

/** `SeverityBreakdownChart` fed by `useSummary` for a query. */
export function ConnectedSeverityBreakdownChart({
  query,
  ...props
}: ConnectedSeverityBreakdownChartProps) {
  const { data, isError } = useSummary(query);
  return <SeverityBreakdownChart summary={data} error={isError} {...props} />;
}
