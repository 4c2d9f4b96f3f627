'use client';
import type { AuditLogQueryInput, AuditLogSummary } from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';

export interface SummaryCardsProps {
  /** The summary to show; undefined while it loads. */
  summary: AuditLogSummary | undefined;
  labels?: AuditLabelOverrides;
  className?: string;
}

/** Four figures for the current filters: all events, critical + errors, warnings, resource types. */
export function SummaryCards({ summary, labels: overrides, className }: SummaryCardsProps) {
  const { labels, locale } = useAuditUi(overrides);
  const number = new Intl.NumberFormat(locale);
  const severities = summary?.severities;
  const cards = [
    { key: 'total', label: labels.totalEvents, value: summary?.total_count },
    {
      key: 'critical-error',
      label: labels.criticalAndErrors,
      value: severities && (severities.critical ?? 0) + (severities.error ?? 0),
    },
    { key: 'warning', label: labels.warnings, value: severities && (severities.warning ?? 0) },
    {
      key: 'resource-types',
      label: labels.resourceTypes,
      value: summary && Object.keys(summary.resource_types).length,
    },
  ];
  return (
    <dl
      data-scope="audit-log"
      data-part="summary-cards"
      data-state={summary ? 'ready' : 'loading'}
      aria-busy={!summary}
      className={className}
    >
      {cards.map((card) => (
        <div key={card.key} data-part="summary-card" data-card={card.key}>
          <dt>{card.label}</dt>
          <dd>{card.value === undefined ? labels.loading : number.format(card.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `SummaryCards` fed by `useSummary` for a query. */
export function ConnectedSummaryCards({
  query,
  ...props
}: Omit<SummaryCardsProps, 'summary'> & { query?: AuditLogQueryInput }) {
  const { data } = useSummary(query);
  return <SummaryCards summary={data} {...props} />;
}
