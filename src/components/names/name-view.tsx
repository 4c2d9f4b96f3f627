'use client';
import type { ReactNode } from 'react';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';
import type { AuditLabels } from '../ui/labels.js';
import type { AuditNameEntry, AuditNameKind } from './name-resolver.js';

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

/** A name as shown, or the id while there is none; `loading` while one is being asked for. */
export function nameView(
  { kind, id, link, showId, children }: AuditNameProps,
  entry: AuditNameEntry | null,
  labels: AuditLabels,
  loading: boolean,
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
      // The id the name stands for, so a host's styles and tests can find a value by id.
      data-id={shortId}
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
