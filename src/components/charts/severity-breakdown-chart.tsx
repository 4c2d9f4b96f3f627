'use client';
import { SEVERITIES, type AuditLogQueryInput, type Severity } from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditLogViewContext } from '../viewer/view-context.js';
import { BreakdownChart, type BreakdownChartProps, type BreakdownKind } from './breakdown-chart.js';
import { SEVERITY_SERIES } from './chart-series.js';

/** `onSelect` gets the severity; `series` colours default to the theme's `--audit-severity-*`. */
export type SeverityBreakdownChartProps = BreakdownChartProps<Severity>;

const SEVERITY_KIND: BreakdownKind<Severity> = {
  part: 'severity-breakdown-chart',
  categories: SEVERITIES,
  count: (summary, severity) => summary.severities[severity] ?? 0,
  name: (labels, severity) => labels.severities[severity],
  title: (labels) => labels.severityBreakdown,
  categoryLabel: (labels) => labels.severity,
  colours: (series) => ({ ...SEVERITY_SERIES, ...series }),
  byCount: false,
  filter: 'severities',
};

/** Events per severity, most severe first, as bars in the severity colours. */
export function SeverityBreakdownChart(props: SeverityBreakdownChartProps) {
  return <BreakdownChart kind={SEVERITY_KIND} {...props} />;
}

export type ConnectedSeverityBreakdownChartProps = Omit<
  SeverityBreakdownChartProps,
  'summary' | 'error'
> & { query?: AuditLogQueryInput };

/** `SeverityBreakdownChart` fed by `useSummary` for a query; inside `<AuditLogView>`, by the view's. */
export function ConnectedSeverityBreakdownChart({
  query,
  ...props
}: ConnectedSeverityBreakdownChartProps) {
  const view = useAuditLogViewContext();
  const { data, isError } = useSummary(query, { enabled: view === null });
  if (view) return <SeverityBreakdownChart {...props} />;
  return <SeverityBreakdownChart summary={data} error={isError} {...props} />;
}
