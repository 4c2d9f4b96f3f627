'use client';
import { useQuery } from '@tanstack/react-query';
import { useContext, type ReactNode } from 'react';
import type { AuditLogClient } from '../../client/index.js';
import { AuditLogContext } from '../../hooks/audit-log-context.js';
import { auditLogKeys } from '../../hooks/query-keys.js';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabels } from '../ui/labels.js';
import {
  lookUpName,
  type AuditNameEntry,
  type AuditNameKind,
  type AuditNameResolver,
} from './name-resolver.js';

/** Names change seldom; a page left open refreshes them after this long. */
const NAME_STALE_MS = 10 * 60_000;
const TOOLTIP_LIMIT = 1000;

export interface AuditNameProps {
  kind: AuditNameKind;
  id: string;
  /** Renders the host's page as a link (new tab), when it gave an http(s) one. */
  link?: boolean;
  /** Shows the id after the name, as secondary text, for reading and copying. */
  showId?: boolean;
  /** Draws the name another way (inside a button, say); gets null until one is known. */
  children?: (name: AuditNameEntry | null) => ReactNode;
}

/**
 * An actor's or a resource's name from the `AuditUiProvider`'s resolver, on one line and cut
 * with an ellipsis, the whole name and the id in its tooltip. The id itself shows without a
 * resolver or an `AuditLogProvider` (whose server and tenant the cache is kept under), while
 * the name loads, when the lookup fails and when the answer has no name for it.
 */
export function AuditName(props: AuditNameProps) {
  const ui = useAuditUi();
  const log = useContext(AuditLogContext);
  const resolver = props.kind === 'actor' ? ui.resolveActors : ui.resolveResources;
  return resolver && log ? (
    <ResolvedName {...props} resolver={resolver} client={log.client} labels={ui.labels} />
  ) : (
    show(props, null, ui.labels)
  );
}

function ResolvedName({
  resolver,
  client,
  labels,
  ...props
}: AuditNameProps & { resolver: AuditNameResolver; client: AuditLogClient; labels: AuditLabels }) {
  const key = auditLogKeys.name(client, props.kind, props.id);
  const { data, isPending } = useQuery({
    queryKey: key,
    queryFn: () =>
      lookUpName(
        resolver,
        { tenantId: client.tenantId ?? null },
        JSON.stringify(key.slice(0, -1)),
        props.id,
      ),
    staleTime: NAME_STALE_MS,
    retry: false,
  });
  return show(props, data ?? null, labels, isPending);
}

function show(
  { kind, id, link, showId, children }: AuditNameProps,
  entry: AuditNameEntry | null,
  labels: AuditLabels,
  loading = false,
): ReactNode {
  if (children) return children(entry);
  // Bounded like a cell's tooltip: a hostile megabyte id or name stays out of the DOM.
  const shortId = truncateText(id, TOOLTIP_LIMIT);
  const title = entry
    ? labels.names.withId(truncateText(entry.name, TOOLTIP_LIMIT), shortId)
    : shortId;
  const text = <LongText text={entry?.name ?? id} limit={CELL_TEXT_LIMIT} />;
  return (
    <span
      data-ui="name"
      data-kind={kind}
      data-state={entry ? 'named' : loading ? 'loading' : 'id'}
      title={title}
    >
      {entry?.avatarUrl ? (
        // Beside the name it repeats, so screen readers skip it (an empty alt, not a missing
        // one). Sized in the markup too, so it takes no more than its place before the styles load.
        <img
          data-part="avatar"
          src={entry.avatarUrl}
          alt=""
          width={20}
          height={20}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      {link && entry?.href ? (
        <a
          href={entry.href}
          target="_blank"
          rel="noopener noreferrer"
          title={`${title}, ${labels.names.newTab}`}
        >
          {text}
        </a>
      ) : (
        text
      )}
      {showId && entry ? <LongText text={id} limit={CELL_TEXT_LIMIT} data-part="name-id" /> : null}
    </span>
  );
}
