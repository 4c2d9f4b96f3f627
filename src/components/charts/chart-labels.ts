import type { AuditLabelOverrides } from '../ui/labels.js';

/** Chart strings, kept beside the charts; override any of them through a chart's `labels` prop. */
export const CHART_LABELS = {
  eventVolume: 'Event volume',
  severityBreakdown: 'Events by severity',
  eventTypeBreakdown: 'Events by type',
  noData: 'No events to chart.',
  count: 'Events',
  total: 'Total',
  bucketStart: 'Period starting',
  /** Said to screen readers and shown under the volume chart when dragging can zoom. */
  dragToZoom: 'Drag across the chart to zoom into a time range.',
  /**
   * Shown under the volume chart when the server counted by a coarser interval or drew only
   * part of the range (an outlier far in the past or future), so the chart never fails.
   */
  timelineAdjusted: (interval: string, from: string, to: string, outside: number) =>
    `Shown by ${interval}, ${from} – ${to}.` +
    (outside > 0 ? ` ${outside === 1 ? '1 event lies' : `${outside} events lie`} outside.` : ''),
  /** Accessible name of the button that filters by one bar of a breakdown. */
  filterBy: (name: string) => `Filter by ${name}`,
};

export type ChartLabels = typeof CHART_LABELS;
/** Overrides of the shared labels (`AuditLabelOverrides`) and of the chart labels, in one object. */
export type ChartLabelOverrides = AuditLabelOverrides & Partial<ChartLabels>;

export function mergeChartLabels(overrides: ChartLabelOverrides | undefined): ChartLabels {
  if (!overrides) return CHART_LABELS;
  return { ...CHART_LABELS, ...overrides };
}
