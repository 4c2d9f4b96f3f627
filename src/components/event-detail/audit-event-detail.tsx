'use client';
import { Button } from '../ui/button.js';
import type { AuditLogEvent } from '../../client/index.js';
import { ExpandableText } from '../format/expandable-text.js';
import { formatFullTimestamp } from '../format/format-time.js';
import { LongText } from '../format/long-text.js';
import { DETAIL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';
import { SeverityBadge } from '../severity-badge/severity-badge.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides, AuditLabels } from '../ui/labels.js';
import { changesOf } from './change-diff.js';
import { CopyButton } from './copy-button.js';
import { JsonTree } from './json-tree.js';
import { ColumnHeads } from '../ui/column-heads.js';
import { AuditName } from '../names/audit-name.js';
import type { AuditNameKind } from '../names/name-resolver.js';
import { rootProps } from '../ui/root-props.js';

export interface AuditEventDetailProps {
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

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

function Field({
  label,
  value,
  copy,
  labels,
}: {
  label: string;
  value: string | null;
  copy?: boolean;
  labels: AuditLabels;
}) {
  return (
    <div data-part="field">
      <dt>{label}</dt>
      <dd>
        <ExpandableText text={value ?? labels.none} limit={DETAIL_TEXT_LIMIT} labels={labels} />
        {copy && value ? (
          <CopyButton text={value} label={labels.copy} copiedLabel={labels.copied} />
        ) : null}
      </dd>
    </div>
  );
}

/**
 * An actor or a resource: the host's name for it (a link to the host's page when it gave one),
 * the id beside it, and a copy button for the id.
 */
function NameField({
  label,
  kind,
  type,
  id,
  labels,
}: {
  label: string;
  kind: AuditNameKind;
  type?: string;
  id: string | null;
  labels: AuditLabels;
}) {
  return (
    <div data-part="field" data-name={kind}>
      <dt>{label}</dt>
      <dd>
        {type === undefined ? null : (
          <LongText text={id ? `${type} / ` : type} limit={DETAIL_TEXT_LIMIT} />
        )}
        {id ? (
          <>
            <AuditName kind={kind} id={id} link showId />
            <CopyButton text={id} label={labels.copy} copiedLabel={labels.copied} />
          </>
        ) : type === undefined ? (
          labels.none
        ) : null}
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
  labels: overrides,
  className,
}: AuditEventDetailProps) {
  const ui = useAuditUi(overrides);
  const { labels } = ui;
  const changes = changesOf(event.metadata);
  const link = typeof eventLink === 'function' ? eventLink(event) : eventLink;
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
        />
        <Field label={labels.action} value={event.action} labels={labels} />
        <NameField
          label={labels.resource}
          kind="resource"
          type={event.resource_type}
          id={event.resource_id}
          labels={labels}
        />
        <NameField label={labels.user} kind="actor" id={event.user_id} labels={labels} />
        <Field label={labels.ipAddress} value={event.ip_address} copy labels={labels} />
        <Field label={labels.userAgent} value={event.user_agent} labels={labels} />
        <Field label={labels.sessionId} value={event.session_id} copy labels={labels} />
        <Field label={labels.correlationId} value={event.correlation_id} copy labels={labels} />
        <Field label={labels.eventId} value={event.id} copy labels={labels} />
        <Field label={labels.tenant} value={event.tenant_id} labels={labels} />
        <Field label={labels.createdAt} value={when(event.created_at)} labels={labels} />
      </dl>
      {changes && changes.length > 0 ? (
        <table data-part="changes">
          <caption>{labels.changes}</caption>
          <ColumnHeads names={[labels.changedField, labels.before, labels.after]} />
          <tbody>
            {changes.map((row) => (
              <tr key={row.field}>
                <th scope="row">
                  <LongText text={row.field} limit={DETAIL_TEXT_LIMIT} />
                </th>
                {(['before', 'after'] as const).map((side) => (
                  <td key={side} data-change={side === 'before' ? 'removed' : 'added'}>
                    <ExpandableText
                      text={show(row[side])}
                      limit={DETAIL_TEXT_LIMIT}
                      labels={labels}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
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
