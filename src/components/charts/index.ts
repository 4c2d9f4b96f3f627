'use client';
// `audit-log-sdk/charts`: the charts, on recharts. `audit-log-sdk/components` leaves them out
// and the viewer reaches them only through `import()`, so rows paint before recharts loads.
export {
  EventVolumeChart,
  ConnectedEventVolumeChart,
  type EventVolumeChartProps,
  type ConnectedEventVolumeChartProps,
} from './event-volume-chart.js';
export {
  SeverityBreakdownChart,
  ConnectedSeverityBreakdownChart,
  type SeverityBreakdownChartProps,
  type ConnectedSeverityBreakdownChartProps,
} from './severity-breakdown-chart.js';
export {
  EventTypeChart,
  ConnectedEventTypeChart,
  type EventTypeChartProps,
  type ConnectedEventTypeChartProps,
} from './event-type-chart.js';
export { CHART_LABELS, type ChartLabels, type ChartLabelOverrides } from './chart-labels.js';
export type { ChartTimeRange } from './chart-range.js';
export { SEVERITY_SERIES, type ChartSeries, type ChartSeriesConfig } from './chart-series.js';
export type { ChartSizeProps } from './chart-frame.js';
export type { BreakdownChartProps } from './breakdown-chart.js';
