'use client';
import type { ReactNode } from 'react';
import { Button } from '../ui/button.js';
import type { AuditLogEvent } from '../../client/index.js';
import { ExpandableText } from '../format/expandable-text.js';
import { formatFullTimestamp } from '../format/format-time.js';
import { DETAIL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';
import { SeverityBadge } from '../severity-badge/severity-badge.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides, AuditLabels } from '../ui/labels.js';
import { changesOf } from './change-diff.js';
import { ChangeTable } from './change-table.js';
import { CopyButton } from './copy-button.js';
import { JsonTree } from './json-tree.js';
import { rootProps } from '../ui/root-props.js';
import { LazyPivotMenu } from '../pivots/lazy-pivot-menu.js';
import type { PivotField, PivotHandlers } from '../pivots/pivot-model.js';

export interface AuditEventDetailProps extends PivotHandlers {
  event: AuditLogEvent;
  /** Offered when the event has a correlation id: typically filters the list by it. */
  onShowCorrelated?: (correlationId: string) => void;
  /** Offered when the event has a session id. */
  onShowSameSession?: (sessionId: string) => void;
  /** A shareable link to this event (e.g. from `useAuditQueryParams`); adds a copy button. */
  eventLink?: string | ((event: AuditLogEvent) => string);
  labels?: AuditLabelOverrides;
  className?: string;
}

function Field({
  label,
  value,
  copy,
  labels,
  pivot,
}: {
  label: string;
  value: string | null;
  copy?: boolean;
  labels: AuditLabels;
  /** The field's menu: filter to its value, exclude it, a resource's history. */
  pivot?: ReactNode;
}) {
  return (
    <div data-part="field">
      <dt>{label}</dt>
      <dd>
        <ExpandableText text={value ?? labels.none} limit={DETAIL_TEXT_LIMIT} labels={labels} />
        {copy && value ? (
          <CopyButton text={value} label={labels.copy} copiedLabel={labels.copied} />
        ) : null}
        {pivot}
      </dd>
    </div>
  );
}

/** Every field of one event, its metadata as a tree, the change it records, and ways onward. */
export function AuditEventDetail({
  event,
  onShowCorrelated,
  onShowSameSession,
  eventLink,
  onFilterValue,
  onShowResourceHistory,
  labels: overrides,
  className,
}: AuditEventDetailProps) {
  const ui = useAuditUi(overrides);
  const { labels } = ui;
  const changes = changesOf(event.metadata);
  const link = typeof eventLink === 'function' ? eventLink(event) : eventLink;
  // Fields a filter matches get a menu once the host says what a pivot does.
  const pivot = (fields: readonly PivotField[], history = false) =>
    onFilterValue || onShowResourceHistory ? (
      <LazyPivotMenu
        event={event}
        fields={fields}
        history={history}
        onFilterValue={onFilterValue}
        onShowResourceHistory={onShowResourceHistory}
        labels={overrides}
      />
    ) : null;
  const when = (iso: string) =>
    formatFullTimestamp(iso, { locale: ui.locale, timeZone: ui.timeZone });
  return (
    <article
      {...rootProps('event-detail', className)}
      data-severity={event.severity}
      aria-label={`${labels.description}: ${truncateText(event.description, 120)}`}
    >
      <header>
        <SeverityBadge severity={event.severity} />
        {/* Focusable: a long description scrolls in its own box, and keyboards must reach it. */}
        <ExpandableText
          text={event.description}
          limit={DETAIL_TEXT_LIMIT}
          labels={labels}
          valueProps={{ tabIndex: 0 }}
        />
      </header>
      <dl>
        <div data-part="field">
          <dt>{labels.time}</dt>
          <dd>
            <time dateTime={event.timestamp} title={event.timestamp} dir="auto">
              {when(event.timestamp)}
            </time>
          </dd>
        </div>
        <Field
          label={labels.eventType}
          value={labels.eventTypes[event.event_type] ?? event.event_type}
          labels={labels}
          pivot={pivot(['event_type'])}
        />
        <Field
          label={labels.action}
          value={event.action}
          labels={labels}
          pivot={pivot(['action'])}
        />
        <Field
          label={labels.resource}
          value={`${event.resource_type}${event.resource_id ? ` / ${event.resource_id}` : ''}`}
          copy
          labels={labels}
          pivot={pivot(['resource_type', 'resource_id'], true)}
        />
        <Field
          label={labels.user}
          value={event.user_id}
          copy
          labels={labels}
          pivot={pivot(['user_id'])}
        />
        <Field
          label={labels.ipAddress}
          value={event.ip_address}
          copy
          labels={labels}
          pivot={pivot(['ip_address'])}
        />
        <Field label={labels.userAgent} value={event.user_agent} labels={labels} />
        <Field
          label={labels.sessionId}
          value={event.session_id}
          copy
          labels={labels}
          pivot={pivot(['session_id'])}
        />
        <Field
          label={labels.correlationId}
          value={event.correlation_id}
          copy
          labels={labels}
          pivot={pivot(['correlation_id'])}
        />
        <Field label={labels.eventId} value={event.id} copy labels={labels} />
        <Field label={labels.tenant} value={event.tenant_id} labels={labels} />
        <Field label={labels.createdAt} value={when(event.created_at)} labels={labels} />
      </dl>
      {changes && changes.length > 0 ? <ChangeTable changes={changes} labels={labels} /> : null}
      {event.metadata ? (
        <section data-part="metadata" aria-label={labels.metadata}>
          <JsonTree value={event.metadata} name={labels.metadata} labels={labels} />
        </section>
      ) : null}
      <footer>
        {event.correlation_id && onShowCorrelated ? (
          <Button size="sm" onClick={() => onShowCorrelated(event.correlation_id!)}>
            {labels.showCorrelated}
          </Button>
        ) : null}
        {event.session_id && onShowSameSession ? (
          <Button size="sm" onClick={() => onShowSameSession(event.session_id!)}>
            {labels.showSameSession}
          </Button>
        ) : null}
        {link ? (
          <CopyButton text={link} label={labels.copyLink} copiedLabel={labels.copied} />
        ) : null}
      </footer>
    </article>
  );
}
