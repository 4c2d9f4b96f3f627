import {
  DEFAULT_LABELS,
  mergeLabels,
  type AuditLabelOverrides,
  type AuditLabels,
  type LabelOverrides,
} from '../ui/labels.js';

/** The charts' strings in English: the `charts` part of the one label catalog. */
export const CHART_LABELS = DEFAULT_LABELS.charts;

export type ChartLabels = AuditLabels['charts'];
/**
 * A chart's `labels` prop: overrides of the shared labels and, at the top level beside them,
 * of the chart's own (`eventVolume`, `filterBy`…), in one object.
 */
export type ChartLabelOverrides = AuditLabelOverrides & LabelOverrides<ChartLabels>;

/** The chart strings in force: the catalog's `charts`, with a chart's own prop laid over them. */
export function mergeChartLabels(
  catalog: ChartLabels,
  overrides: ChartLabelOverrides | undefined,
): ChartLabels {
  return mergeLabels(catalog, overrides as LabelOverrides<ChartLabels> | undefined);
}
