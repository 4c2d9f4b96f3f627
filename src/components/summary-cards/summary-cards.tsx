'use client';
import { Button } from '../ui/button.js';
import type { AuditLogQueryInput, AuditLogSummary } from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import { readsView, useAuditLogViewContext, viewSummary } from '../viewer/view-context.js';

export interface SummaryCardsProps {
  /**
   * The summary to show; undefined while it loads. Left out inside `<AuditLogView>`, the
   * view's summary.
   */
  summary?: AuditLogSummary | undefined;
  /** Set when the summary failed to load: the figures read as unknown instead of loading. */
  error?: boolean;
  /** Offered as a retry button while `error` is set. */
  onRetry?: () => void;
  labels?: AuditLabelOverrides;
  className?: string;
}

/** Four figures for the current filters: all events, critical + errors, warnings, resource types. */
export function SummaryCards(props: SummaryCardsProps) {
  const view = useAuditLogViewContext();
  return (
    <SummaryCardsFromProps
      {...(readsView(view, props, 'summary') ? { ...viewSummary(view), ...props } : props)}
    />
  );
}

function SummaryCardsFromProps({
  summary,
  error = false,
  onRetry,
  labels: overrides,
  className,
}: SummaryCardsProps) {
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
  const failed = error && !summary;
  const pending = failed ? labels.none : labels.loading;
  return (
    <dl
      {...rootProps('summary-cards', className, summary ? 'ready' : failed ? 'error' : 'loading')}
      aria-busy={!summary && !failed}
    >
      {cards.map((card) => (
        <div key={card.key} data-part="summary-card" data-card={card.key}>
          <dt>{card.label}</dt>
          <dd>{card.value === undefined ? pending : number.format(card.value)}</dd>
        </div>
      ))}
      {failed ? (
        <div data-part="summary-card" data-card="error">
          <dt>{labels.summaryError}</dt>
          <dd>
            {onRetry ? (
              <Button size="sm" onClick={onRetry}>
                {labels.retry}
              </Button>
            ) : (
              labels.none
            )}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** `SummaryCards` fed by `useSummary` for a query; inside `<AuditLogView>`, by the view's. */
export function ConnectedSummaryCards({
  query,
  ...props
}: Omit<SummaryCardsProps, 'summary'> & { query?: AuditLogQueryInput }) {
  const view = useAuditLogViewContext();
  const { data, isError, refetch } = useSummary(query, { enabled: view === null });
  if (view) return <SummaryCards {...props} />;
  return <SummaryCards summary={data} error={isError} onRetry={() => void refetch()} {...props} />;
}
