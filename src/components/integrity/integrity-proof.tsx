'use client';
import { useMemo, type ReactNode } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import { formatFullTimestamp } from '../format/format-time.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import { IntegrityMark } from './integrity-mark.js';
import { markStateOf, useIntegrity } from './integrity-state.js';

export interface IntegrityProofProps {
  /** The event whose place in the signed log is shown. */
  event: AuditLogEvent;
  labels?: AuditLabelOverrides;
  className?: string;
}

/**
 * Where one event sits in the signed log and who vouches for it: its verdict, leaf index, the
 * tree size and root it was proven under, the signing key and when the root was signed. The
 * verdict is the one the table's check already found, when the row was on screen.
 */
export function IntegrityProof({ event, labels: overrides, className }: IntegrityProofProps) {
  const ui = useAuditUi(overrides);
  const words = ui.labels.integrity;
  const events = useMemo(() => [event], [event]);
  const state = useIntegrity(events);
  const verdict = state.verdicts.get(event.id);
  const mark = markStateOf(state, verdict);
  // Said rather than left out, so nobody takes the missing proof for a hidden failure.
  if (mark === null) {
    return (
      <section {...rootProps('integrity-proof', className, 'unavailable')} aria-label={words.proof}>
        <p data-part="title">{words.proof}</p>
        <p data-part="unavailable">{words.unavailable}</p>
      </section>
    );
  }
  const head = state.treeHead;
  const none = ui.labels.none;
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? none : new Intl.NumberFormat(ui.locale).format(value);
  const rows: [string, ReactNode][] = [
    [words.status, <IntegrityMark key="mark" state={mark} labels={overrides ?? {}} />],
    [words.leafIndex, number(verdict?.leafIndex)],
    [words.treeSize, number(verdict?.treeSize ?? head?.tree_size)],
    [words.rootHash, head ? <code data-part="hash">{head.root_hash}</code> : none],
    [words.signer, head ? <code data-part="key-id">{head.key_id}</code> : none],
    [
      words.signedAt,
      head ? (
        <time dateTime={head.timestamp} title={head.timestamp}>
          {formatFullTimestamp(head.timestamp, { locale: ui.locale, timeZone: ui.timeZone })}
        </time>
      ) : (
        none
      ),
    ],
  ];
  return (
    <section {...rootProps('integrity-proof', className, mark)} aria-label={words.proof}>
      {/* Not a heading: the host's page decides the outline, the region is named all the same. */}
      <p data-part="title">{words.proof}</p>
      <dl>
        {rows.map(([label, value]) => (
          <div data-part="field" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
