'use client';
import { useMemo } from 'react';
import type { AuditLogSummary } from '../../client/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabels } from '../ui/labels.js';
import { CategoryBarChart, type CategoryItem } from './category-bar-chart.js';
import type { ChartBaseProps } from './chart-frame.js';
import { mergeChartLabels, type ChartLabels } from './chart-labels.js';
import type { ChartSeriesConfig } from './chart-series.js';
import { chartState } from './chart-state.js';
import { readsView, useAuditLogViewContext, viewSummary } from '../viewer/view-context.js';

/** The props every breakdown chart takes, for its kind of category `K`. */
export interface BreakdownChartProps<K extends string> extends ChartBaseProps<K> {
  /**
   * The summary to chart; undefined while it loads. Left out inside `<AuditLogView>`, the
   * view's summary, and a click on a bar filters the view by that category.
   */
  summary?: AuditLogSummary | undefined;
  /** Called with the category whose bar was clicked, e.g. to filter by it. */
  onSelect?: (category: K) => void;
}

/** What sets one breakdown chart apart from another: its categories, names and colours. */
export interface BreakdownKind<K extends string> {
  part: string;
  categories: readonly K[];
  count: (summary: AuditLogSummary, category: K) => number;
  name: (labels: AuditLabels, category: K) => string;
  title: (labels: ChartLabels) => string;
  categoryLabel: (labels: AuditLabels) => string;
  colours: (series: Partial<ChartSeriesConfig<K>> | undefined) => ChartSeriesConfig<K>;
  /** Most frequent first; otherwise in the order of `categories`. */
  byCount: boolean;
  /** The list filter a click on a bar sets inside a view. */
  filter: 'severities' | 'event_types';
}

/** Events per category of `kind`, as clickable bars with a data table for screen readers. */
export function BreakdownChart<K extends string>(
  props: BreakdownChartProps<K> & { kind: BreakdownKind<K> },
) {
  const view = useAuditLogViewContext();
  if (!readsView(view, props, 'summary')) return <BreakdownChartFromProps {...props} />;
  const { summary, error } = viewSummary(view);
  const filterBy = (category: K) =>
    view.setQuery({ ...view.query, [props.kind.filter]: [category] });
  return <BreakdownChartFromProps summary={summary} error={error} onSelect={filterBy} {...props} />;
}

function BreakdownChartFromProps<K extends string>({
  kind,
  summary,
  error = false,
  onSelect,
  series,
  labels: overrides,
  // className, style, width and height go to the bar chart as they are.
  ...frame
}: BreakdownChartProps<K> & { kind: BreakdownKind<K> }) {
  const { labels, locale } = useAuditUi(overrides);
  const chartLabels = useMemo(
    () => mergeChartLabels(labels.charts, overrides),
    [labels.charts, overrides],
  );
  const items = useMemo<CategoryItem<K>[]>(() => {
    const counted = kind.categories.map((category) => ({
      key: category,
      label: kind.name(labels, category),
      value: summary ? kind.count(summary, category) : 0,
    }));
    return kind.byCount ? counted.sort((a, b) => b.value - a.value) : counted;
  }, [kind, summary, labels]);
  const colours = useMemo(() => kind.colours(series), [kind, series]);
  const { state, status } = chartState(
    summary !== undefined,
    error,
    items.every((item) => item.value === 0),
    labels,
    chartLabels,
  );
  return (
    <CategoryBarChart
      part={kind.part}
      title={kind.title(chartLabels)}
      state={state}
      status={status}
      items={items}
      series={colours}
      countLabel={chartLabels.count}
      categoryLabel={kind.categoryLabel(labels)}
      filterBy={chartLabels.filterBy}
      locale={locale}
      onSelect={onSelect}
      {...frame}
    />
  );
}
