'use client';
import { useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  ReferenceArea,
  Tooltip,
  XAxis,
  YAxis,
  type MouseHandlerDataParam,
} from 'recharts';
import {
  SEVERITIES,
  type AuditLogQueryInput,
  type AuditLogSummary,
  type Severity,
  type SummaryInterval,
} from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { ChartDataTable, ChartFrame, sizedChart, type ChartBaseProps } from './chart-frame.js';
import { mergeChartLabels } from './chart-labels.js';
import { intervalForQuery, rangeFromDrag, type ChartTimeRange } from './chart-range.js';
import { SEVERITY_SERIES, seriesFill, seriesStyle, TOOLTIP_STYLE } from './chart-series.js';
import { chartState } from './chart-state.js';
import { ColumnHeads } from '../ui/column-heads.js';
import { readsView, useAuditLogViewContext, viewSummary } from '../viewer/view-context.js';

/** `series` colours default to the theme's `--audit-severity-*`. */
export interface EventVolumeChartProps extends ChartBaseProps<Severity> {
  /**
   * The summary to chart (fetched with `interval`, so it has a `timeline`); undefined while it
   * loads. Left out inside `<AuditLogView>`, the view's summary and interval, and a drag
   * narrows the view's time range.
   */
  summary?: AuditLogSummary | undefined;
  /** The bucket size the timeline was counted in (the view's inside one). */
  interval?: SummaryInterval | undefined;
  /**
   * Called with the range dragged across, from the start of the first bucket to the end of the
   * last; dragging is on only when this is given.
   */
  onRangeSelect?: (range: ChartTimeRange) => void;
}

type VolumeRow = { bucket: string; total: number } & Record<Severity, number>;

interface Drag {
  from: string;
  to: string;
}

const labelOf = (state: MouseHandlerDataParam) =>
  typeof state.activeLabel === 'string' ? state.activeLabel : undefined;

/** Events over time, stacked by severity; drag across buckets to select (zoom into) a range. */
export function EventVolumeChart(props: EventVolumeChartProps) {
  const view = useAuditLogViewContext();
  if (!readsView(view, props, 'summary')) return <VolumeChartFromProps {...props} />;
  const { summary, error } = viewSummary(view);
  return (
    <VolumeChartFromProps
      summary={summary}
      error={error}
      interval={view.interval}
      onRangeSelect={(range) => view.setQuery({ ...view.query, ...range })}
      {...props}
    />
  );
}

function VolumeChartFromProps({
  summary,
  interval: requested = 'day',
  error = false,
  onRangeSelect,
  series,
  labels: overrides,
  className,
  style,
  width,
  height,
}: EventVolumeChartProps) {
  const { labels, locale, timeZone } = useAuditUi(overrides);
  const chartLabels = useMemo(
    () => mergeChartLabels(labels.charts, overrides),
    [labels.charts, overrides],
  );
  const [drag, setDrag] = useState<Drag | null>(null);
  // The server may count by a coarser interval than asked (an outlier dated 9999 would need
  // millions of buckets); ticks and drag ranges follow the buckets it answered.
  const adjusted = summary?.timeline_adjusted;
  const interval = adjusted?.interval ?? requested;
  const rows = useMemo<VolumeRow[]>(
    () =>
      (summary?.timeline ?? []).map((bucket) => {
        const row = { bucket: bucket.bucket, total: bucket.count } as VolumeRow;
        for (const severity of SEVERITIES) row[severity] = bucket.severities[severity] ?? 0;
        return row;
      }),
    [summary],
  );
  const { tick, full, number } = useMemo(
    () => ({
      tick: new Intl.DateTimeFormat(
        locale,
        interval === 'day'
          ? { month: 'short', day: 'numeric', timeZone }
          : { hour: '2-digit', minute: '2-digit', timeZone },
      ),
      full: new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        ...(interval === 'day' ? {} : { timeStyle: 'short' }),
        timeZone,
      }),
      number: new Intl.NumberFormat(locale),
    }),
    [locale, timeZone, interval],
  );
  const rootStyle = useMemo(
    () => seriesStyle({ ...SEVERITY_SERIES, ...series }, style),
    [series, style],
  );
  const { state, status } = chartState(
    summary !== undefined,
    error,
    rows.every((row) => row.total === 0),
    labels,
    chartLabels,
  );

  const finishDrag = () => {
    if (drag && drag.from !== drag.to && onRangeSelect) {
      const range = rangeFromDrag(drag.from, drag.to, interval);
      if (range) onRangeSelect(range);
    }
    setDrag(null);
  };
  const dragHandlers = onRangeSelect
    ? {
        onMouseDown: (chart: MouseHandlerDataParam) => {
          const label = labelOf(chart);
          if (label) setDrag({ from: label, to: label });
        },
        onMouseMove: (chart: MouseHandlerDataParam) => {
          const label = labelOf(chart);
          if (drag && label && label !== drag.to) setDrag({ from: drag.from, to: label });
        },
        onMouseUp: finishDrag,
        onMouseLeave: () => setDrag(null),
      }
    : {};

  const plot = sizedChart({ width, height }, (size) => (
    <BarChart
      {...size}
      data={rows}
      accessibilityLayer={false}
      margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      {...dragHandlers}
    >
      <XAxis
        dataKey="bucket"
        tickFormatter={(value: string) => tick.format(Date.parse(value))}
        minTickGap={24}
      />
      <YAxis
        allowDecimals={false}
        width={48}
        tickFormatter={(value: number) => number.format(value)}
      />
      <Tooltip
        {...TOOLTIP_STYLE}
        isAnimationActive={false}
        labelFormatter={(label) =>
          typeof label === 'string' ? full.format(Date.parse(label)) : label
        }
        formatter={(value) => (typeof value === 'number' ? number.format(value) : value)}
      />
      {SEVERITIES.map((severity) => (
        <Bar
          key={severity}
          dataKey={severity}
          name={labels.severities[severity]}
          stackId="severity"
          fill={seriesFill(severity)}
          isAnimationActive={false}
        />
      ))}
      {drag && drag.from !== drag.to ? (
        <ReferenceArea x1={drag.from} x2={drag.to} data-part="chart-selection" />
      ) : null}
    </BarChart>
  ));

  const table = (
    <ChartDataTable caption={chartLabels.eventVolume}>
      <ColumnHeads
        names={[
          chartLabels.bucketStart,
          ...SEVERITIES.map((severity) => labels.severities[severity]),
          chartLabels.total,
        ]}
      />
      <tbody>
        {rows.map((row) => (
          <tr key={row.bucket}>
            <th scope="row">
              <time dateTime={row.bucket}>{full.format(Date.parse(row.bucket))}</time>
            </th>
            {SEVERITIES.map((severity) => (
              <td key={severity}>{number.format(row[severity])}</td>
            ))}
            <td>{number.format(row.total)}</td>
          </tr>
        ))}
      </tbody>
    </ChartDataTable>
  );

  return (
    <ChartFrame
      part="event-volume-chart"
      title={chartLabels.eventVolume}
      state={state}
      status={status}
      className={className}
      style={rootStyle}
      description={
        <>
          {adjusted ? (
            <p data-part="chart-note">
              {chartLabels.timelineAdjusted(
                adjusted.interval,
                full.format(Date.parse(adjusted.start)),
                full.format(Date.parse(adjusted.end)),
                adjusted.events_outside,
              )}
            </p>
          ) : null}
          {onRangeSelect ? <p data-part="chart-hint">{chartLabels.dragToZoom}</p> : null}
        </>
      }
      plot={plot}
      table={table}
    />
  );
}

export type ConnectedEventVolumeChartProps = Omit<
  EventVolumeChartProps,
  'summary' | 'error' | 'interval'
> & {
  query?: AuditLogQueryInput;
  /** The bucket size; by default chosen from the query's range (see `intervalForQuery`). */
  interval?: SummaryInterval;
};

/**
 * `EventVolumeChart` fed by `useSummary` for a query, at an interval that fits its range;
 * inside `<AuditLogView>`, by the view's.
 */
export function ConnectedEventVolumeChart({
  query = {},
  interval,
  ...props
}: ConnectedEventVolumeChartProps) {
  const chosen = interval ?? intervalForQuery(query);
  const view = useAuditLogViewContext();
  const { data, isError } = useSummary(query, { interval: chosen, enabled: view === null });
  if (view) return <EventVolumeChart {...props} />;
  return <EventVolumeChart summary={data} error={isError} interval={chosen} {...props} />;
}
