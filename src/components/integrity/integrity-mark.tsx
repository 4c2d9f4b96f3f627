'use client';
import type { AuditLogEvent } from '../../client/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import { markStateOf, useIntegrity, type IntegrityMarkState } from './integrity-state.js';

/** Each state has its own shape, so the mark reads without colour too. */
const GLYPHS: Record<IntegrityMarkState, string> = {
  verified: '✓',
  modified: '✕',
  notInLog: '✕',
  checking: '…',
  unchecked: '–',
};

export interface IntegrityMarkProps {
  state: IntegrityMarkState;
  labels?: AuditLabelOverrides;
  className?: string;
}

/** A glyph and a word for one event's integrity; its accessible name says what it means. */
export function IntegrityMark({ state, labels: overrides, className }: IntegrityMarkProps) {
  const { labels } = useAuditUi(overrides);
  const words = labels.integrity;
  const failed = state === 'modified' || state === 'notInLog';
  return (
    <span
      {...rootProps('integrity-mark', className, failed ? 'failed' : state)}
      data-verdict={state}
      role="img"
      aria-label={words.markTitle[state]}
      title={words.markTitle[state]}
    >
      <span data-part="glyph" aria-hidden="true">
        {GLYPHS[state]}
      </span>
      <span data-part="word" aria-hidden="true">
        {words[state]}
      </span>
    </span>
  );
}

export interface EventIntegrityMarkProps {
  event: AuditLogEvent;
  labels?: AuditLabelOverrides;
  className?: string;
}

/**
 * The mark of one row, from the nearest `<AuditLogIntegrity>` or `<AuditLogView>`; nothing
 * where the server keeps no signed log.
 */
export function EventIntegrityMark({ event, ...props }: EventIntegrityMarkProps) {
  const state = useIntegrity();
  const mark = markStateOf(state, state.verdicts.get(event.id));
  return mark === null ? null : <IntegrityMark state={mark} {...props} />;
}
